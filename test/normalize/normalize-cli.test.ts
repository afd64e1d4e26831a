/** The `normalize` command, run as a user runs it, on the seeds and on a bad file. */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ruleSummary } from '../../scripts/core/rules.js';
import { command } from '../helpers/command.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const brief = path.join(root, 'sources', '000_c8c5cf1051ebe974.txt');
const post = path.join(root, 'sources', '002_6d3c26cd4b054413.txt');

async function normalize(args: string[], cwd = root) {
  try {
    const { stdout, stderr } = await run(...command('normalize', args), { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run normalize', () => {
  it('prints the normalized Markdown of one source', async () => {
    const { code, stdout, stderr } = await normalize([brief]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(
      /^---\ntitle: ITU Cybersecurity Proposals Threaten Existing Security Efforts, Internet Operations, and Human Rights\ndate: 2012-10-04\nkind: brief\n/,
    );
    expect(stdout).toContain('\n## Key Points\n');
    expect(stdout).not.toMatch(/637-9800|1634 I Street|info@cdt\.org/);
  });

  it('--explain lists every removed line with its rule', async () => {
    const { stderr } = await normalize(['--explain', brief]);
    expect(stderr).toContain('sources/000_c8c5cf1051ebe974.txt:17: removed (letterhead-phone): P +1-202-637-9800');
    expect(stderr).toContain('(letterhead-address): 1634 I Street, NW');
    // …and says what each rule that spoke does, from the catalogue.
    expect(stderr).toContain(`sources/000_c8c5cf1051ebe974.txt: rule letterhead-phone: ${ruleSummary('letterhead-phone')}`);
    const spoke = new Set([...stderr.matchAll(/\(([a-z0-9-]+)\)(?::|$)/gm)].map((m) => m[1]));
    for (const id of spoke) expect(stderr, id).toContain(`: rule ${id}: `);
  });

  it('writes <slug>.md for each file with --out, and reports a bad file with path:line:column and exit code 1', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'normalize-cli-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const out = path.join(dir, 'out');
    copyFileSync(post, path.join(dir, 'post.txt'));
    writeFileSync(path.join(dir, 'broken.md'), '---\ntitle: A brief\ntitel: typo\n---\n\nText.\n');
    const { code, stderr } = await normalize(['--out', out, 'broken.md', 'post.txt'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('broken.md:3:1: error: unknown key `titel` (did you mean `title`?)');
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readdirSync(out)).toEqual(['itu-ill-suited-to-regulate-cybersecurity.md']);
    expect(readFileSync(path.join(out, 'itu-ill-suited-to-regulate-cybersecurity.md'), 'utf8')).toContain(
      'title: ITU Ill-Suited to Regulate Cybersecurity',
    );
  });

  it('asks for --out with several files, and suggests a known option for a typo', async () => {
    expect((await normalize([brief, post])).stderr).toMatch(/use --out DIR/);
    const typo = await normalize(['--explian', brief]);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('unknown option --explian (did you mean --explain?)');
  });

  it('--help shows usage with an example', async () => {
    const { code, stdout } = await normalize(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: npm run --silent normalize -- \[options\] FILE/);
    expect(stdout).toContain('Examples:');
  });
});
