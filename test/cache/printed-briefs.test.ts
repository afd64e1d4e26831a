/**
 * The briefs printed in a build wait on disk, not in memory, until the archive stage:
 * read back they are the same, in the order printed, and no file is left behind.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CachedBrief } from '../../scripts/cache/state.js';
import { printedBriefs } from '../../scripts/cache/printed-briefs.js';

let out: string;
beforeEach(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'briefpress-printed-'));
});
afterEach(() => rm(out, { recursive: true, force: true }));

const brief = (i: number): CachedBrief =>
  ({
    hash: `h${i}`,
    baseSlug: `brief-${i}`,
    entry: {
      slug: `brief-${i}`,
      title: `Brief “${i}”\u2028 <b>`,
      kind: 'brief',
      pages: 1,
      budget: 2,
      html: `briefs/brief-${i}.html`,
      pdf: `briefs/brief-${i}.pdf`,
      markdown: `briefs/brief-${i}.md`,
      pdf_bytes: 1000 + i,
      authors: [],
      tags: ['A'],
      links: [],
      source: `sources/${i}.txt`,
    },
    data: { title: `Brief “${i}”\u2028 <b>`, kind: 'brief' },
    bodyHash: 'x'.repeat(32),
    headings: [{ depth: 2, text: 'Key Points', id: 'key-points' }],
    messages: [],
  }) as unknown as CachedBrief;

describe('printedBriefs', () => {
  it('gives back every brief as it was, in the order printed, and removes its file', async () => {
    const printed = printedBriefs(out);
    const sources = Array.from({ length: 500 }, (_, i) => `sources/${(i * 7919) % 500}.txt`);
    sources.forEach((source, i) => printed.add(source, brief(i)));
    expect(printed.size).toBe(500);
    const read = await printed.read();
    expect([...read.keys()]).toEqual(sources);
    expect(read.get(sources[3]!)).toEqual(brief(3));
    expect(await readdir(out)).toEqual([]);
  });

  it('with nothing printed, reads nothing and writes no file', async () => {
    const printed = printedBriefs(out);
    expect((await printed.read()).size).toBe(0);
    expect(await readdir(out)).toEqual([]);
  });
});
