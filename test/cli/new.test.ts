/**
 * `npm run new -- "Title"`: a new Markdown brief with today's date and its front matter,
 * which the build accepts as it is; an existing file is never overwritten.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { build } from '../../scripts/build.js';
import { checkSources } from '../../scripts/check/check-sources.js';
import { command } from '../helpers/command.js';

const repo = path.resolve(import.meta.dirname, '../..');
let project: string;

const runNew = (...args: string[]) =>
  promisify(execFile)(...command('new', args), { cwd: project }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

beforeAll(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), 'briefpress-new-'));
  await cp(path.join(repo, 'briefpress.config.yaml'), path.join(project, 'briefpress.config.yaml'));
  await cp(path.join(repo, 'templates'), path.join(project, 'templates'), { recursive: true });
});

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

describe('npm run new', () => {
  it("creates sources/<slug>.md with today's date and the front matter filled in", async () => {
    const { code, stdout } = await runNew('Net Neutrality: Five Points for “Congress”');
    expect(code).toBe(0);
    expect(stdout).toBe('sources/net-neutrality-five-points-for-congress.md\n');
    const text = await readFile(path.join(project, stdout.trim()), 'utf8');
    const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
    expect(parse(front!)).toEqual({
      title: 'Net Neutrality: Five Points for “Congress”',
      date: today(),
      kind: 'brief',
      authors: [],
      tags: [],
      summary: expect.stringMatching(/^TODO: /),
    });
    expect(body).toContain('## Key Points');
    expect(body).toContain('## Further Information');
  });

  it('takes --kind and --date, and refuses a bad one', async () => {
    const post = await runNew('A Post From the Archive', '--kind', 'post', '--date', '2012-12-03');
    expect(post.code).toBe(0);
    expect(await readFile(path.join(project, 'sources/a-post-from-the-archive.md'), 'utf8')).toMatch(/date: 2012-12-03\nkind: post\n/);
    expect((await runNew('X', '--kind', 'memo')).stderr).toContain('--kind is brief or post, not "memo"');
    expect((await runNew('X', '--date', '2012-02-30')).code).toBe(1);
    expect((await runNew()).stderr).toContain('give the new brief a title');
  });

  it('refuses to overwrite an existing file', async () => {
    const before = await readFile(path.join(project, 'sources/a-post-from-the-archive.md'), 'utf8');
    const again = await runNew('A Post From the Archive');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('sources/a-post-from-the-archive.md already exists');
    expect(await readFile(path.join(project, 'sources/a-post-from-the-archive.md'), 'utf8')).toBe(before);
  });

  it('makes sources the build accepts as they are, and check flags the placeholders', async () => {
    const result = await build({ root: project, quiet: true, concurrency: 1 });
    expect(result.messages.filter((m) => m.includes(': error: '))).toEqual([]);
    expect(result.manifest.map((e) => e.slug).sort()).toEqual(['a-post-from-the-archive', 'net-neutrality-five-points-for-congress']);
    const check = await checkSources({ root: project, noLayout: true });
    expect(check.counts.error).toBe(0);
    expect(check.messages.some((m) => m.endsWith('(placeholder)'))).toBe(true);
  });
});
