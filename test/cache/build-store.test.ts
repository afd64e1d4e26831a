/**
 * The build store keeps a record per brief: an index every build reads, details only the
 * archive reads, and a journal of what changed since both were written. Whatever stops a
 * build, what it finds next is true: the records written before the stop, the mark of an
 * unfinished build, nothing of a line torn by a killed process; and after `save` the store
 * reads back as it was kept, whether or not the journal was folded into the files.
 */
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CachedBrief, openStore, OLD_STATE_FILE, STATE_DIR } from '../../scripts/cache/state.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'briefpress-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const brief = (i: number, title = `Brief ${i}`): CachedBrief =>
  ({
    hash: `h${i}-${title.length}`,
    baseSlug: `brief-${i}`,
    entry: { slug: `brief-${i}`, title, pdf: `briefs/brief-${i}.pdf`, markdown: `briefs/brief-${i}.md`, html: `briefs/brief-${i}.html` },
    data: { title, tags: ['a', 'b'] },
    bodyHash: 'x'.repeat(32),
    headings: [{ depth: 2, text: `Heading of ${title}`, id: 'h' }],
    messages: [],
  }) as unknown as CachedBrief;

const sources = (n: number) => Array.from({ length: n }, (_, i) => `sources/${i}.md`);

async function contents() {
  const store = await openStore(dir);
  const records = [...store.index()].map(([source, indexed]) => [source, store.full(source, indexed)] as const);
  return { records: new Map(records), archiveFiles: store.archiveFiles, incomplete: store.incomplete };
}

describe('the build store', () => {
  it('reads back every record whole after a complete build, and writes only the changed ones after an edit', async () => {
    const store = await openStore(dir);
    sources(50).forEach((source, i) => store.put(source, brief(i)));
    await store.save(new Set(sources(50)), new Map(), ['index.html']);
    const after = await contents();
    expect(after.records.size).toBe(50);
    expect(after.records.get('sources/7.md')).toEqual(brief(7));
    expect(after).toMatchObject({ archiveFiles: ['index.html'], incomplete: false });
    // Folded into the files on the first save: no journal.
    expect((await readdir(path.join(dir, STATE_DIR))).sort()).toEqual(['details.json', 'index.json']);

    const index = await readFile(path.join(dir, STATE_DIR, 'index.json'), 'utf8');
    const again = await openStore(dir);
    again.markIncomplete();
    again.put('sources/7.md', brief(7, 'Retitled'));
    await again.save(new Set(sources(50)), new Map(), ['index.html']);
    // One edit: the files stay as they were, the journal has the one record.
    expect(await readFile(path.join(dir, STATE_DIR, 'index.json'), 'utf8')).toBe(index);
    const journal = await readFile(path.join(dir, STATE_DIR, 'journal.jsonl'), 'utf8');
    expect(journal.split('\n').filter((l) => l.startsWith('["put"'))).toHaveLength(1);
    const edited = await contents();
    expect(edited.records.get('sources/7.md')).toEqual(brief(7, 'Retitled'));
    expect(edited.records.get('sources/8.md')).toEqual(brief(8));
    expect(edited.incomplete).toBe(false);
  });

  it('after a build stopped half-way, holds the records written before the stop and says the build is unfinished', async () => {
    const store = await openStore(dir);
    sources(5).forEach((source, i) => store.put(source, brief(i)));
    await store.save(new Set(sources(5)), new Map(), ['index.html']);
    // The next build prints two briefs and is stopped before its archive.
    const next = await openStore(dir);
    next.markIncomplete();
    next.put('sources/1.md', brief(1, 'New title'));
    next.put('sources/9.md', brief(9));
    await next.flushed(); // as a build's interrupt handler does; no save
    const found = await contents();
    expect(found.incomplete).toBe(true);
    expect(found.records.get('sources/1.md')).toEqual(brief(1, 'New title'));
    expect(found.records.get('sources/9.md')).toEqual(brief(9));
    expect(found.records.get('sources/2.md')).toEqual(brief(2));
  });

  it('ignores a journal line torn by a killed process, and what follows it', async () => {
    const store = await openStore(dir);
    store.put('sources/0.md', brief(0));
    await store.save(new Set(['sources/0.md']), new Map(), []);
    const next = await openStore(dir);
    next.markIncomplete();
    next.put('sources/1.md', brief(1));
    await next.flushed();
    await appendFile(path.join(dir, STATE_DIR, 'journal.jsonl'), '["put","sources/2.md",{"hash":"h2","entr');
    const found = await contents();
    expect([...found.records.keys()]).toEqual(['sources/0.md', 'sources/1.md']);
    expect(found.incomplete).toBe(true);
  });

  it('forgets the records of removed sources, and every record with --force', async () => {
    const store = await openStore(dir);
    sources(3).forEach((source, i) => store.put(source, brief(i)));
    await store.save(new Set(sources(3)), new Map(), ['a.html']);
    const next = await openStore(dir);
    await next.save(new Set(['sources/0.md', 'sources/2.md']), new Map(), ['a.html']);
    expect([...(await contents()).records.keys()]).toEqual(['sources/0.md', 'sources/2.md']);
    // --force, stopped before it saved: nothing of the old records is taken for current.
    const forced = await openStore(dir, true);
    forced.put('sources/2.md', brief(2));
    await forced.flushed();
    expect([...(await contents()).records.keys()]).toEqual(['sources/2.md']);
  });

  it('keeps only what tells changed sources from unchanged ones in the index every build reads', async () => {
    const store = await openStore(dir);
    sources(3).forEach((source, i) => store.put(source, brief(i)));
    await store.save(new Set(sources(3)), new Map(), []);
    const index = await readFile(path.join(dir, STATE_DIR, 'index.json'), 'utf8');
    expect(index).toContain('"slug":"brief-1"');
    expect(index).not.toContain('Brief 1'); // the title, with the rest of the entry, is in the details
    expect(index).not.toContain('Heading of');
  });

  it('reads a store whose index held the manifest entries, and writes it lean at once, printing nothing again', async () => {
    // The fat-index version: index and details files, and a journal line written after them.
    const fat = (b: CachedBrief) => ({ hash: b.hash, baseSlug: b.baseSlug, entry: b.entry, bodyHash: b.bodyHash, messages: b.messages });
    const id = (source: string, b: CachedBrief) => `${source}\u0000${b.hash}`;
    await mkdir(path.join(dir, STATE_DIR), { recursive: true });
    const index = { version: 3, archiveFiles: ['index.html'], briefs: { 'sources/0.md': fat(brief(0)), 'sources/1.md': fat(brief(1)) } };
    const details = {
      version: 3,
      details: Object.fromEntries(
        [0, 1].map((i) => [id(`sources/${i}.md`, brief(i)), { data: brief(i).data, headings: brief(i).headings }]),
      ),
    };
    await writeFile(path.join(dir, STATE_DIR, 'index.json'), JSON.stringify(index));
    await writeFile(path.join(dir, STATE_DIR, 'details.json'), JSON.stringify(details));
    const edited = brief(1, 'Edited');
    const journal = [
      ['version', 3],
      ['incomplete'],
      ['put', 'sources/1.md', fat(edited), { data: edited.data, headings: edited.headings }],
    ];
    await writeFile(path.join(dir, STATE_DIR, 'journal.jsonl'), journal.map((l) => `${JSON.stringify(l)}\n`).join(''));

    const found = await contents();
    expect(found.records.get('sources/0.md')).toEqual(brief(0));
    expect(found.records.get('sources/1.md')).toEqual(edited);
    expect(found).toMatchObject({ archiveFiles: ['index.html'], incomplete: true });
    // Written as this version: a lean index, no journal of the old one.
    expect((await readdir(path.join(dir, STATE_DIR))).sort()).toEqual(['details.json', 'index.json']);
    const lean = JSON.parse(await readFile(path.join(dir, STATE_DIR, 'index.json'), 'utf8')) as { briefs: Record<string, object> };
    expect(lean.briefs['sources/1.md']).not.toHaveProperty('entry');
    expect((await contents()).records.get('sources/1.md')).toEqual(edited);

    // Stopped half-way through that rewrite (new details, old index and journal): read the same.
    await writeFile(path.join(dir, STATE_DIR, 'index.json'), JSON.stringify(index));
    await writeFile(path.join(dir, STATE_DIR, 'journal.jsonl'), journal.map((l) => `${JSON.stringify(l)}\n`).join(''));
    const again = await contents();
    expect(again.records.get('sources/0.md')).toEqual(brief(0));
    expect(again.records.get('sources/1.md')).toEqual(edited);
  });

  it("imports an older version's state.json once", async () => {
    const old = { version: 2, briefs: { 'sources/0.md': brief(0), 'sources/1.md': brief(1) }, archiveFiles: ['index.html'] };
    await writeFile(path.join(dir, OLD_STATE_FILE), JSON.stringify(old));
    const found = await contents();
    expect(found.records.get('sources/1.md')).toEqual(brief(1));
    expect(found.archiveFiles).toEqual(['index.html']);
    expect(await readdir(dir)).not.toContain(OLD_STATE_FILE);
  });
});
