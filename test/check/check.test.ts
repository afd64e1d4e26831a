/**
 * `npm run check`: each kind of problem a print run cannot have, in a fixture made for it
 * (`test/fixtures/check/<problem>/sources/`), is found with its rule, place and severity;
 * the sample site passes. Expected messages are golden files (`messages.txt`), written
 * when missing or with UPDATE=1, to be reviewed in the diff.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../../scripts/check/check-sources.js';
import { command } from '../helpers/command.js';

const repo = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(repo, 'test/fixtures/check');
const run = promisify(execFile);

/** Each fixture, the rule it must trigger, and that rule's severity. */
const cases: [folder: string, rule: string, severity: 'error' | 'warning', layout?: boolean][] = [
  ['unresolved-reference', 'unresolved-reference', 'error'],
  ['unresolved-reference-raw', 'web-reference', 'error'],
  ['empty-link', 'empty-link', 'error'],
  ['missing-date', 'missing-date', 'error'],
  ['invalid-front-matter', 'front-matter-date', 'error'],
  ['duplicate-slug', 'duplicate-slug', 'error'],
  ['missing-anchor', 'missing-anchor', 'error'],
  ['missing-target', 'missing-target', 'error'],
  ['missing-image', 'missing-image', 'error'],
  ['image-alt', 'image-alt', 'error'],
  ['placeholder', 'placeholder', 'warning'],
  ['guessed-metadata', 'guessed-metadata', 'warning'],
  ['page-budget', 'page-budget', 'error', true],
];

describe('npm run check finds each kind of problem', () => {
  it.each(cases)('%s', async (folder, rule, severity, layout = false) => {
    const result = await checkSources({ root: repo, sources: path.join(fixtures, folder, 'sources'), noLayout: !layout });
    const sourcePrefix = `test/fixtures/check/${folder}/sources/`;
    expect(result.messages.some((m) => m.startsWith(sourcePrefix) && m.includes(`: ${severity}: `) && m.endsWith(`(${rule})`))).toBe(true);
    expect(result.ok).toBe(severity !== 'error');

    const golden = path.join(fixtures, folder, 'messages.txt');
    const actual = `${result.messages.join('\n')}\n`;
    if (process.env.UPDATE || !existsSync(golden)) await writeFile(golden, actual);
    expect(actual).toBe(await readFile(golden, 'utf8'));
  });

  it('passes on the sample site, with each brief laid out within its page budget', async () => {
    const result = await checkSources({ root: repo });
    expect(result.messages.filter((m) => /: (error|warning): /.test(m))).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.pages.size).toBe(result.sources);
    for (const { pages, budget } of result.pages.values()) expect(pages).toBeLessThanOrEqual(budget);
  });

  it('fails on warnings only with --strict', async () => {
    const sources = path.join(fixtures, 'placeholder', 'sources');
    expect((await checkSources({ root: repo, sources, noLayout: true })).ok).toBe(true);
    expect((await checkSources({ root: repo, sources, noLayout: true, strict: true })).ok).toBe(false);
  });
});

describe('the check command line', () => {
  const check = (...args: string[]) =>
    run(...command('check', args), { cwd: repo }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it('prints sorted file:line:column lines and a summary, and exits 1 on errors', async () => {
    const { code, stdout } = await check('--sources', 'test/fixtures/check/missing-anchor/sources', '--no-layout');
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      'test/fixtures/check/missing-anchor/sources/brief.md:6:5: error: link “the costs below” points at #costs, but no heading has that id (headings: #key-points) (missing-anchor)',
      'briefpress check: 1 source, 1 error, 0 warnings: not ready to print; page budgets not checked (--no-layout)',
      '',
    ]);
  });

  it('exits 0 with warnings, 1 with --strict', async () => {
    expect((await check('--sources', 'test/fixtures/check/placeholder/sources', '--no-layout')).code).toBe(0);
    expect((await check('--sources', 'test/fixtures/check/placeholder/sources', '--no-layout', '--strict')).code).toBe(1);
  });

  it('suggests the option meant', async () => {
    const { code, stderr } = await check('--strikt');
    expect(code).toBe(1);
    expect(stderr).toContain('unknown option --strikt (did you mean --strict?); see --help');
  });
});
