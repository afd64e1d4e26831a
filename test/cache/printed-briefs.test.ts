/**
 * The briefs printed in a build go into the build store as they are printed, not into
 * memory: read back they are the same, in the order printed. One printed under another
 * slug than its record waits until the build is saved, so an interrupted build never
 * leaves a record that forgets the old slug's files.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BuildStore, type CachedBrief, indexPart, openStore } from '../../scripts/cache/state.js';
import { printedBriefs } from '../../scripts/cache/printed-briefs.js';

let dir: string;
let store: BuildStore;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'briefpress-printed-'));
  store = await openStore(dir);
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const brief = (i: number, slug = `brief-${i}`): CachedBrief =>
  ({
    hash: `h${i}`,
    baseSlug: slug,
    entry: {
      slug,
      title: `Brief “${i}”\u2028 <b>`,
      kind: 'brief',
      pages: 1,
      budget: 2,
      html: `briefs/${slug}.html`,
      pdf: `briefs/${slug}.pdf`,
      markdown: `briefs/${slug}.md`,
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
  it('keeps every brief in the store as it was, gives them back in the order printed, and marks the build unfinished', async () => {
    const printed = printedBriefs(store, new Map());
    const sources = Array.from({ length: 500 }, (_, i) => `sources/${(i * 7919) % 500}.txt`);
    sources.forEach((source, i) => printed.add(source, brief(i)));
    expect(printed.size).toBe(500);
    const read = await printed.read();
    expect([...read.keys()]).toEqual(sources);
    expect(read.get(sources[3]!)).toEqual(indexPart(brief(3)));
    expect(store.full(sources[3]!, read.get(sources[3]!)!)).toEqual(brief(3));
    await store.close();
    store = await openStore(dir);
    expect(store.incomplete).toBe(true);
    expect(store.index().size).toBe(500);
  });

  it('holds back a brief whose slug moved until the build is saved', async () => {
    await store.save(new Set(['sources/1.txt']), new Map([['sources/1.txt', brief(1, 'old-slug')]]), ['index.html']);
    const previous = store.index();
    const printed = printedBriefs(store, previous);
    printed.add('sources/1.txt', brief(1, 'new-slug'));
    printed.add('sources/2.txt', brief(2));
    expect((await printed.read()).get('sources/1.txt')?.slug).toBe('new-slug');
    expect(store.indexed('sources/1.txt')?.slug).toBe('old-slug');
    expect([...printed.late.keys()]).toEqual(['sources/1.txt']);
    await store.save(new Set(['sources/1.txt', 'sources/2.txt']), printed.late, ['index.html']);
    expect(store.indexed('sources/1.txt')?.slug).toBe('new-slug');
    expect(store.incomplete).toBe(false);
  });

  it('with nothing printed, reads nothing and leaves the build complete', async () => {
    const printed = printedBriefs(store, new Map());
    expect((await printed.read()).size).toBe(0);
    expect(store.incomplete).toBe(false);
  });
});
