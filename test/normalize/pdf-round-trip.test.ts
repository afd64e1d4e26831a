/**
 * The PDF round trip: briefs printed by briefpress (the sample site, the render fixtures
 * and 30 briefs of the bench's generator, printed by real Chromium) read back by the PDF
 * reader give the Markdown they were printed from: the same title, date, headings, list
 * items and links, and at least 99.5% of the words in order. `npm run bench --
 * --pdf-round-trip 300` does the same for a few hundred.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.js';
import { parseConfig } from '../../scripts/core/config.js';
import {
  compareRoundTrip,
  roundTripBuild,
  roundTripProject,
  type RoundTripResult,
  WORDS_IN_ORDER,
} from '../../scripts/bench/pdf-round-trip.js';

const repo = path.resolve(import.meta.dirname, '../..');
let project: string;
let results: RoundTripResult[];

beforeAll(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), 'briefpress-pdf-round-trip-'));
  await roundTripProject(project, repo, 30, 11);
  const built = await build({ root: project, quiet: true });
  expect(built.ok).toBe(true);
  const { organization } = parseConfig(await readFile(path.join(project, 'briefpress.config.yaml'), 'utf8'), 'briefpress.config.yaml');
  results = await roundTripBuild(project, path.join(project, 'dist'), organization);
}, 300_000);
afterAll(() => rm(project, { recursive: true, force: true }));

describe('PDF round trip', () => {
  it('reads every printed brief back as the Markdown it was printed from', () => {
    expect(results.length).toBeGreaterThanOrEqual(30 + 2 + 7);
    const failed = results.filter((r) => !r.ok).map((r) => `${r.slug}: ${r.problems.join('; ')}`);
    expect(failed).toEqual([]);
    expect(Math.min(...results.map((r) => r.words))).toBeGreaterThanOrEqual(WORDS_IN_ORDER);
  });

  it('tells a wrong reading from a right one', () => {
    const original =
      '---\ntitle: A Title\ndate: 2020-01-02\nkind: brief\n---\n\n## One\n\n- first item\n- [second](https://example.org/x)\n\nSome words here.\n';
    expect(compareRoundTrip('x', original, original).ok).toBe(true);
    const problems = compareRoundTrip(
      'x',
      original,
      original.replace('## One', '## Two').replace('(https://example.org/x)', '(https://example.org/y)'),
    ).problems;
    expect(problems.join('\n')).toMatch(/headings[\s\S]*links missing: https:\/\/example.org\/x/);
  });
});
