/**
 * The PDF round trip (issue 18): every PDF briefpress prints, read back by the PDF reader,
 * gives the Markdown it was printed from: the same title, date, headings, list items,
 * links, table cells and code, and at least 99.5% of the body's words in order. Here on the sample site, the
 * render fixtures and a few generated briefs of each kind; `npm run bench --
 * --pdf-round-trip 300` runs the same comparison on a few hundred.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareRoundTrip, roundTripBuild, roundTripProject } from '../../scripts/bench/pdf-round-trip.js';
import { build } from '../../scripts/build.js';
import { loadConfig } from '../../scripts/core/config.js';

const repo = path.join(import.meta.dirname, '../..');
let dir: string | undefined;
afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

describe('PDFs read back as the Markdown they were printed from', () => {
  it('on the sample site, the render fixtures and generated briefs of every kind', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'briefpress-round-trip-'));
    await roundTripProject(dir, repo, 6, 11);
    const result = await build({ root: dir, quiet: true });
    expect(result.failed).toBe(0);
    const config = await loadConfig(dir);
    const results = await roundTripBuild(dir, config.outDir, config.organization);
    expect(results.length).toBeGreaterThanOrEqual(12);
    expect(results.filter((r) => !r.ok).map((r) => `${r.slug}: ${r.problems.join('; ')}`)).toEqual([]);
  });

  it('notices a read-back that lost a heading, a link or words', () => {
    const original =
      '---\ntitle: A Brief\ndate: 2024-05-01\n---\n\n## Why\n\nSee [the rule](https://example.org/rule) for all the details here.\n';
    expect(compareRoundTrip('a', original, original).ok).toBe(true);
    const lost = compareRoundTrip('a', original, '---\ntitle: A Brief\ndate: 2024-05-01\n---\n\nSee the rule for details.\n');
    expect(lost.ok).toBe(false);
    expect(lost.problems.map((p) => p.split(':')[0])).toEqual(['headings', 'links missing', 'words in order']);
    const table = '---\ntitle: T\n---\n\nRun `make all` first.\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n';
    const flat = compareRoundTrip('t', table, '---\ntitle: T\n---\n\nRun make all first.\n\na b\n\n1 2\n');
    expect(flat.problems.map((p) => p.split(':')[0])).toEqual(['table rows (0 of 3)', 'code']);
  });
});
