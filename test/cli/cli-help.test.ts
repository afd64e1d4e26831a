/**
 * Every command answers --help with its options, an example and its exit codes; the text
 * is pinned in `test/__snapshots__/cli-help/<command>.txt` (written when missing or with
 * UPDATE=1, to be reviewed in the diff). Unknown options get a suggestion.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const snapshots = path.join(repo, 'test/__snapshots__/cli-help');
const commands: Record<string, string> = {
  build: 'scripts/cli/build.ts',
  normalize: 'scripts/cli/normalize.ts',
  dev: 'scripts/cli/dev.ts',
  check: 'scripts/cli/check.ts',
  new: 'scripts/cli/new.ts',
  bench: 'scripts/cli/bench.ts',
  packet: 'scripts/cli/packet.ts',
};

// As the npm scripts start them: bundled by scripts/start/run.mjs.
const run = (script: string, ...args: string[]) =>
  promisify(execFile)(process.execPath, [path.join(repo, 'scripts/start/run.mjs'), script, ...args], { cwd: repo }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

// Each case starts a process of its own, independent of the others: they run at once.
describe.concurrent('--help of every command', () => {
  it.for(Object.entries(commands))('%s --help', async ([name, script], { expect }) => {
    const { code, stdout, stderr } = await run(script, '--help');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: /);
    expect(stdout).toMatch(/--help/);
    expect(stdout).toMatch(/\nExamples?:\n/);
    const file = path.join(snapshots, `${name}.txt`);
    if (process.env.UPDATE || !existsSync(file)) {
      await mkdir(snapshots, { recursive: true });
      await writeFile(file, stdout);
    }
    expect(stdout).toBe(await readFile(file, 'utf8'));
  });

  it.for(['dev', 'check', 'new', 'build', 'packet'])('%s documents its exit codes', async (name, { expect }) => {
    expect(await readFile(path.join(snapshots, `${name}.txt`), 'utf8')).toMatch(/\nExit codes:\n {2}0 {2}/);
  });

  it.for<[string, string, string]>([
    ['dev', '--prot', '--port'],
    ['check', '--sorces', '--sources'],
    ['new', '--knd', '--kind'],
    ['packet', '--titel', '--title'],
  ])('%s %s suggests %s', async ([name, typo, meant], { expect }) => {
    const { code, stderr } = await run(commands[name]!, typo, 'x');
    expect(code).toBe(1);
    expect(stderr).toContain(`unknown option ${typo} (did you mean ${meant}?)`);
  });
});
