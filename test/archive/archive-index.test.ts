/**
 * The archive index (archive-index.ts): an archive written through it, after each of a run
 * of edits, equals one written from every brief's whole record, file for file and with the
 * same `manifest.json`; an edit reads the whole records of the briefs whose pages it makes
 * again, not every brief's; and whatever the index cannot vouch for (no index, a damaged
 * record file, a manifest changed by hand, a build stopped before the index was saved) is
 * read from the store instead.
 */
import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeBody } from '../../scripts/cache/bodies.js';
import { type CachedBrief, type IndexedBrief, indexPart } from '../../scripts/cache/state.js';
import { shortHash } from '../../scripts/core/short-hash.js';
import type { ArchiveBrief } from '../../scripts/core/types.js';
import { prepareSite, writeIndexedSite, writeSite } from '../../scripts/archive/write-site.js';
import { ARCHIVE_INDEX_DIR } from '../../scripts/archive/archive-index.js';
import type { ArchivePreview } from '../../scripts/archive/write-archive.js';
import { buildSearchPart } from '../../scripts/workers/search-part.js';
import type { SearchPartJob } from '../../scripts/archive/search/search-index.js';
import { fixtureBriefs, fixtureConfig, writeBuildOutputs } from '../fixtures/archive/briefs.js';
import { generatedBriefs } from '../helpers/generated-archive.js';

const SITE_URL = 'https://briefs.example.org/';
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'briefpress-archive-index-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

/** The four fixture briefs and twenty more made from them, with their own slugs, dates, authors and topics. */
function briefs(): ArchiveBrief[] {
  const base = fixtureBriefs();
  const more = Array.from({ length: 20 }, (_, i) => {
    const from = base[i % base.length]!;
    const slug = `${from.slug}-${i + 2}`;
    return {
      ...from,
      slug,
      title: `${from.title} (${i + 2})`,
      date: `20${10 + (i % 4)}-0${(i % 9) + 1}-1${i % 10}`,
      tags: [...from.tags.slice(0, 1), `Topic ${i % 3}`],
      authors: i % 5 === 0 ? [{ name: `Writer ${i % 2}` }] : from.authors,
      html: `briefs/${slug}.html`,
      pdf: `briefs/${slug}.pdf`,
      markdown: `briefs/${slug}.md`,
      source: `sources/${slug}.txt`,
      body: `${from.body}<p>Variant ${i + 2} of this text.</p>`,
    };
  });
  return [...base, ...more];
}

const newestFirst = (list: ArchiveBrief[]) =>
  [...list].sort((a, b) => ((a.date ?? '') !== (b.date ?? '') ? ((a.date ?? '') < (b.date ?? '') ? 1 : -1) : a.slug < b.slug ? -1 : 1));

/** A brief's record as the store keeps it, its hash standing for its source's. */
async function recordOf(brief: ArchiveBrief, cacheDir: string): Promise<CachedBrief> {
  const { body, data, headings, ...entry } = brief;
  return {
    hash: shortHash(JSON.stringify(brief)),
    baseSlug: brief.slug,
    entry,
    data,
    headings,
    bodyHash: await storeBody(cacheDir, body),
    messages: [],
  };
}

/** A build's view of the archive's briefs: the store's records, and which were made since the last. */
class Builds {
  records = new Map<string, CachedBrief>();
  /** Whole records read from the store. */
  storeReads = 0;
  /** Read the archive's index, keys and caches before the briefs' outputs are written, as a build of a few briefs does while it prints them. */
  prepare = false;
  constructor(readonly config: ReturnType<typeof fixtureConfig>) {}

  async build(list: ArchiveBrief[], preview?: ArchivePreview) {
    const { config } = this;
    const prepared = this.prepare ? prepareSite(config) : undefined;
    await writeBuildOutputs(config.outDir, list);
    const late = new Map<string, CachedBrief>();
    const records = new Map<string, CachedBrief>();
    for (const brief of list) {
      const record = await recordOf(brief, config.cacheDir);
      if (this.records.get(brief.source)?.hash !== record.hash) late.set(brief.source, record);
      records.set(brief.source, record);
    }
    this.records = records;
    const ordered = newestFirst(list).map((b) => b.source);
    const indexed = new Map<string, IndexedBrief>([...records].map(([source, r]) => [source, indexPart(r)]));
    const full = (source: string) => {
      this.storeReads += 1;
      return records.get(source)!;
    };
    // The search index's parts as a build makes them: in a worker thread, which gets a copy of their briefs.
    const searchPart = (job: SearchPartJob) => buildSearchPart(structuredClone(job));
    return writeIndexedSite({ ordered, briefs: indexed, late, full }, config, {
      searchPart,
      ...(prepared ? { prepared } : {}),
      ...(preview ? { preview } : {}),
    });
  }
}

/** The same briefs written from scratch from their whole records; the files of both must be equal. */
async function expectAsFromScratch(name: string, list: ArchiveBrief[], config: ReturnType<typeof fixtureConfig>, files: string[]) {
  const clean = fixtureConfig(path.join(tmp, `${name}-clean`), { url: SITE_URL, feed_entries: 3 });
  await writeBuildOutputs(clean.outDir, list);
  const records = await Promise.all(newestFirst(list).map((b) => recordOf(b, clean.cacheDir)));
  const cleanFiles = await writeSite(records, clean);
  expect(files, name).toEqual(cleanFiles);
  for (const file of [...cleanFiles, 'manifest.json'])
    expect(await readFile(path.join(config.outDir, file), 'utf8'), `${name}: ${file}`).toBe(
      await readFile(path.join(clean.outDir, file), 'utf8'),
    );
}

describe('the archive index', () => {
  it('after each of a run of edits, gives the archive written from every whole record, reading few records', async () => {
    const config = fixtureConfig(path.join(tmp, 'edits'), { url: SITE_URL, feed_entries: 3 });
    const builds = new Builds(config);
    let list = briefs();
    const first = await builds.build(list);
    // The first build made every record.
    expect([builds.storeReads, first.recordsRead]).toEqual([0, list.length]);
    await expectAsFromScratch('first', list, config, first.files);

    const added: ArchiveBrief = {
      ...list[2]!,
      slug: 'a-new-brief',
      title: 'A New Brief',
      date: '2014-05-01',
      tags: ['Brand New Topic', ...list[2]!.tags],
      html: 'briefs/a-new-brief.html',
      pdf: 'briefs/a-new-brief.pdf',
      markdown: 'briefs/a-new-brief.md',
      source: 'sources/a-new-brief.txt',
      body: '<p>A brief that was not there before.</p>',
    };
    const at = (i: number, change: (b: ArchiveBrief) => ArchiveBrief) => (l: ArchiveBrief[]) => l.map((b, j) => (j === i ? change(b) : b));
    // [what, the edit, at most this many whole records read: the edited brief's, and those of the
    // briefs whose own pages or feed entries show it (neighbours, related briefs, the newest three)]
    const steps: [string, (l: ArchiveBrief[]) => ArchiveBrief[], number][] = [
      ['body', at(5, (b) => ({ ...b, body: `${b.body}<p>Edited.</p>`, pdf_bytes: b.pdf_bytes + 10 })), 8],
      ['summary', at(9, (b) => ({ ...b, summary: 'A summary written again.' })), 8],
      ['front matter', at(11, (b) => ({ ...b, data: { ...b.data, note: 'changed' } })), 1],
      // Its card changes on its neighbours' pages and where it is related, with the related briefs as they were.
      ['title', at(6, (b) => ({ ...b, title: 'A Title Written Again' })), 10],
      ['tag added', at(8, (b) => ({ ...b, tags: [...b.tags, 'One More Topic'] })), 13],
      ['added', (l) => [...l, added], 10],
      ['retagged', at(7, (b) => ({ ...b, tags: ['Topic 9'] })), 10],
      ['redated', at(3, (b) => ({ ...b, date: '2009-02-03' })), 10],
      ['author renamed', at(12, (b) => ({ ...b, authors: [{ name: 'Someone Else' }] })), 10],
      ['removed', (l) => l.filter((_, i) => i !== 1), 13],
      ['new topic gone', (l) => l.filter((b) => b.slug !== added.slug), 10],
      ['nothing', (l) => l, 0],
    ];
    const indexFile = path.join(config.cacheDir, ARCHIVE_INDEX_DIR, 'index.json');
    const journal = path.join(config.cacheDir, ARCHIVE_INDEX_DIR, 'journal.jsonl');
    for (const [i, [name, step, most]] of steps.entries()) {
      list = step(list);
      // Every other edit with what the archive reads besides the briefs read beforehand (build.ts).
      builds.prepare = i % 2 === 1;
      const before = builds.storeReads;
      const base = await readFile(indexFile, 'utf8');
      const linesIn = async () => (await readFile(journal, 'utf8').catch(() => '')).split('\n').filter(Boolean).length;
      const lines = await linesIn();
      const written = await builds.build(list);
      // The index is not written whole: the rows that changed are a line of its journal.
      expect(await readFile(indexFile, 'utf8'), name).toBe(base);
      expect(await linesIn(), name).toBe(lines + (name === 'nothing' ? 0 : lines ? 1 : 2));
      // Only the edited brief's record comes from the store (made in this build); the others from the index.
      expect(builds.storeReads - before, name).toBe(0);
      expect(written.recordsRead, name).toBeLessThanOrEqual(most);
      await expectAsFromScratch(name.replace(/ /g, '-'), list, config, written.files);
    }
  });

  it('reads from the store what it cannot vouch for: no index, a damaged record, a manifest or rows changed by hand', async () => {
    const config = fixtureConfig(path.join(tmp, 'damaged'), { url: SITE_URL, feed_entries: 3 });
    const builds = new Builds(config);
    let list = briefs();
    await builds.build(list);
    const edit = (i: number) => (l: ArchiveBrief[]) =>
      l.map((b, j) => (j === i ? { ...b, body: `${b.body}<p>Edit ${i}.</p>`, pdf_bytes: b.pdf_bytes + 1 } : b));

    // A record file damaged: that brief's record comes from the store.
    const records = path.join(config.cacheDir, ARCHIVE_INDEX_DIR, 'records');
    for (const name of readdirSync(records)) await writeFile(path.join(records, name), '{"entry":');
    list = edit(4)(list);
    let before = builds.storeReads;
    let written = await builds.build(list);
    expect(builds.storeReads - before).toBeGreaterThan(0);
    await expectAsFromScratch('damaged-records', list, config, written.files);

    // The card cache's buckets damaged, emptied of their cards, gone, cut short in a card's line, or with a
    // card's line damaged: those cards are rendered again.
    const buckets = readdirSync(path.join(config.cacheDir, 'archive-cards'), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.json'))
      .sort();
    expect(buckets.length).toBeGreaterThan(5);
    const bucket = (i: number) => path.join(config.cacheDir, 'archive-cards', buckets[i]!);
    const bucketText = (i: number) => readFile(bucket(i), 'utf8');
    await writeFile(bucket(0), '{"salt":');
    await writeFile(bucket(1), `${(await bucketText(1)).split('\n')[0]}\n`);
    await unlink(bucket(2));
    await writeFile(bucket(3), (await bucketText(3)).slice(0, -30));
    await writeFile(bucket(4), (await bucketText(4)).replace(/\t"</, '\t"\\x<'));
    // A card changed by hand would be taken as it is (the cache trusts its files, as a build trusts its outputs): not tested.
    list = edit(2)(list).map((b, j) => (j === 0 ? { ...b, date: '2008-01-01' } : b)); // moves a brief between lists
    written = await builds.build(list);
    await expectAsFromScratch('damaged-cards', list, config, written.files);

    // A build stopped while appending to the index's journal: its torn line and what follows are not read, and the
    // next build writes the index whole rather than append after it.
    const indexDir = path.join(config.cacheDir, ARCHIVE_INDEX_DIR);
    list = edit(3)(list);
    await builds.build(list);
    const journal = path.join(indexDir, 'journal.jsonl');
    expect(readdirSync(indexDir)).toContain('journal.jsonl');
    await writeFile(journal, `${await readFile(journal, 'utf8')}{"manifest":"0","drop":[1,2],"add":[[0,`);
    list = edit(5)(list);
    written = await builds.build(list);
    await expectAsFromScratch('torn-journal', list, config, written.files);
    expect(readdirSync(indexDir)).not.toContain('journal.jsonl');
    // A journal left beside a base written anew (the build stopped before removing it) names the base before: not applied.
    list = edit(7)(list);
    await builds.build(list);
    const lines = (await readFile(journal, 'utf8')).split('\n');
    await writeFile(journal, [JSON.stringify([JSON.parse(lines[0]!)[0], 'another base']), ...lines.slice(1)].join('\n'));
    list = edit(9)(list);
    written = await builds.build(list);
    await expectAsFromScratch('journal-of-another-base', list, config, written.files);

    // The pages' keys likewise: a build stopped while appending to their journal, then one stopped after writing
    // them whole but before removing the journal of the base before (whose lines that base already holds).
    const keysJournal = path.join(config.cacheDir, 'archive-pages.jsonl');
    list = edit(10)(list);
    await builds.build(list);
    const beforeFold = await readFile(keysJournal, 'utf8');
    await writeFile(keysJournal, `${beforeFold}{"files":{"index.html":null},"search":`);
    list = edit(11)(list);
    written = await builds.build(list);
    await expectAsFromScratch('torn-keys-journal', list, config, written.files);
    // Written whole under a new name, and a journal begun for it.
    const header = (text: string) => text.split('\n')[0];
    expect(header(await readFile(keysJournal, 'utf8'))).not.toBe(header(beforeFold));
    await writeFile(keysJournal, beforeFold);
    list = edit(12)(list);
    written = await builds.build(list);
    await expectAsFromScratch('keys-journal-of-another-base', list, config, written.files);
    expect(header(await readFile(keysJournal, 'utf8'))).not.toBe(header(beforeFold));

    // manifest.json changed by hand: made again from the records, not spliced from it.
    const manifest = path.join(config.outDir, 'manifest.json');
    await writeFile(manifest, (await readFile(manifest, 'utf8')).replace('"title": "', '"title": "Hand-edited '));
    list = edit(6)(list);
    written = await builds.build(list);
    await expectAsFromScratch('hand-edited-manifest', list, config, written.files);
    // The same with a change that keeps its size: another file than the one the index names (written again,
    // at another time), so not spliced from either.
    const text = await readFile(manifest, 'utf8');
    const first = text.indexOf('"title": "') + '"title": "'.length;
    await writeFile(manifest, `${text.slice(0, first)}${text[first] === 'X' ? 'Y' : 'X'}${text.slice(first + 1)}`);
    expect((await readFile(manifest)).length).toBe(Buffer.byteLength(text));
    list = edit(17)(list);
    written = await builds.build(list);
    await expectAsFromScratch('hand-edited-manifest-same-size', list, config, written.files);

    // The files written a row per brief (the filters' data, the sitemap) changed by hand, or cut short: made
    // whole, not spliced from them (their bytes are not the ones their keys were saved with).
    const filterData = path.join(config.outDir, 'assets/filter-data.js');
    const sitemap = path.join(config.outDir, 'sitemap.xml');
    await writeFile(filterData, (await readFile(filterData, 'utf8')).replace(/\["/g, '["Hand-edited '));
    await writeFile(sitemap, (await readFile(sitemap, 'utf8')).replace(/<lastmod>/g, '<lastmod>1'));
    list = edit(13)(list).map((b, j) => (j === 14 ? { ...b, date: '2009-02-03' } : b));
    written = await builds.build(list);
    await expectAsFromScratch('hand-edited-rows', list, config, written.files);
    const cut = async (file: string) => writeFile(file, (await readFile(file, 'utf8')).slice(0, -200));
    await cut(filterData);
    await cut(sitemap);
    list = edit(15)(list).map((b, j) => (j === 16 ? { ...b, date: '2007-02-03' } : b));
    written = await builds.build(list);
    await expectAsFromScratch('rows-cut-short', list, config, written.files);

    // The index gone (or of another version): made again from the store.
    await unlink(path.join(config.cacheDir, ARCHIVE_INDEX_DIR, 'index.json'));
    list = edit(8)(list);
    before = builds.storeReads;
    written = await builds.build(list);
    expect(builds.storeReads - before).toBe(list.length - 1);
    await expectAsFromScratch('no-index', list, config, written.files);
    await writeFile(
      path.join(config.cacheDir, ARCHIVE_INDEX_DIR, 'index.json'),
      (await readFile(path.join(config.cacheDir, ARCHIVE_INDEX_DIR, 'index.json'), 'utf8')).replace(/"version":\d+/, '"version":0'),
    );
    before = builds.storeReads;
    written = await builds.build(list);
    expect(builds.storeReads - before).toBe(list.length);
    await expectAsFromScratch('other-version', list, config, written.files);
  });

  it('keeps its large files in ASCII, and reads those written before with other characters as they were', async () => {
    const config = fixtureConfig(path.join(tmp, 'ascii'), { url: SITE_URL, feed_entries: 3 });
    const builds = new Builds(config);
    const accented = (b: ArchiveBrief) => ({
      ...b,
      title: 'Données ouvertes — été',
      authors: [{ name: 'Zoë Ångström' }],
      tags: [...b.tags, 'Société'],
    });
    let list = briefs().map((b, j) => (j === 3 || j === 7 ? accented(b) : b));
    await builds.build(list);
    const index = path.join(config.cacheDir, ARCHIVE_INDEX_DIR, 'index.json');
    const related = path.join(config.cacheDir, 'archive-related.json');
    const files = [index, related, path.join(config.cacheDir, 'archive-pages.json')];
    for (const file of files) expect(isAscii(await readFile(file)), file).toBe(true);
    // As written before: every character as it is (UTF-8).
    for (const file of [index, related]) {
      const text = await readFile(file, 'utf8');
      expect(text, file).toContain('\\u00e9');
      const plain = text.replace(/\\u([0-9a-f]{4})/g, (escaped, hex: string) =>
        parseInt(hex, 16) >= 0x7f ? String.fromCharCode(parseInt(hex, 16)) : escaped,
      );
      expect(isAscii(Buffer.from(plain)), file).toBe(false);
      await writeFile(file, plain);
    }
    list = list.map((b, j) => (j === 3 ? { ...b, body: `${b.body}<p>Edited.</p>`, pdf_bytes: b.pdf_bytes + 1 } : b));
    const before = builds.storeReads;
    const written = await builds.build(list);
    // The index was taken (not made again from the store), and gave the same archive.
    expect(builds.storeReads - before).toBe(0);
    expect(written.recordsRead).toBeLessThan(list.length);
    await expectAsFromScratch('utf-8-caches', list, config, written.files);
  });

  it('takes the last keys of the brief pages an edit does not touch, and makes its neighbours and related pages again', async () => {
    const config = fixtureConfig(path.join(tmp, 'kept-keys'), { url: SITE_URL, feed_entries: 3 });
    const builds = new Builds(config);
    // Briefs that share no topic, author or link: a brief's neighbours show it only as newer or older.
    let list = briefs().map((b, i) => ({ ...b, tags: [`Own Topic ${i}`], authors: [{ name: `Own Writer ${i}` }], links: [] as string[] }));
    await builds.build(list);
    const keys = path.join(config.cacheDir, 'archive-pages.json');
    const middle = newestFirst(list)[10]!.slug;
    const retitle = (title: string) => (l: ArchiveBrief[]) => l.map((b) => (b.slug === middle ? { ...b, title } : b));
    for (const [name, edit] of [
      ['retitled', retitle('A Brief Retitled')],
      ['retitled again', retitle('A Brief Retitled Twice')],
      ['body', (l: ArchiveBrief[]) => l.map((b) => (b.slug === middle ? { ...b, body: `${b.body}<p>More.</p>` } : b))],
    ] as const) {
      list = edit(list);
      const written = await builds.build(list);
      await expectAsFromScratch(`kept-${name.replace(/ /g, '-')}`, list, config, written.files);
    }
    // Stopped after the keys were saved but before the archive index: the next build, whose
    // briefs are those the index still has (the title back as it was), hashes every brief page
    // rather than trust keys saved for other briefs.
    const saved = await readFile(keys, 'utf8');
    const journal = await readFile(path.join(config.cacheDir, 'archive-pages.jsonl'), 'utf8').catch(() => undefined);
    const indexDir = path.join(config.cacheDir, ARCHIVE_INDEX_DIR);
    const index = await readFile(path.join(indexDir, 'index.json'), 'utf8');
    const indexJournal = await readFile(path.join(indexDir, 'journal.jsonl'), 'utf8').catch(() => undefined);
    const older = list;
    list = retitle('A Title Saved With the Keys Only')(list);
    await builds.build(list);
    await writeFile(path.join(indexDir, 'index.json'), index);
    if (indexJournal === undefined) await rm(path.join(indexDir, 'journal.jsonl'), { force: true });
    else await writeFile(path.join(indexDir, 'journal.jsonl'), indexJournal);
    expect(await readFile(keys, 'utf8').then((text) => text !== saved || journal !== undefined)).toBe(true);
    list = older;
    const written = await builds.build(list);
    await expectAsFromScratch('kept-stopped', list, config, written.files);
  });

  it('on a generated archive, keeps the keys of the pages each kind of edit does not touch, and equals a cold build', async () => {
    const config = fixtureConfig(path.join(tmp, 'generated'), { url: SITE_URL, feed_entries: 3 });
    const builds = new Builds(config);
    let list = generatedBriefs(40);
    await builds.build(list);
    const slugAt = (i: number) => newestFirst(list)[i]!.slug;
    const edit = (slug: string, change: (b: ArchiveBrief) => ArchiveBrief) => (l: ArchiveBrief[]) =>
      l.map((b) => (b.slug === slug ? change(b) : b));
    const yearOf = (b: ArchiveBrief) => b.date?.slice(0, 4);
    const added: ArchiveBrief = {
      ...list[7]!,
      slug: 'added-brief',
      title: 'An Added Brief',
      date: '2016-06-06',
      html: 'briefs/added-brief.html',
      pdf: 'briefs/added-brief.pdf',
      markdown: 'briefs/added-brief.md',
      source: 'sources/added-brief.txt',
      body: '<p>Added.</p>',
    };
    // Each step: [what, the edit]; a brief in the middle of the archive order, so that it has neighbours on both sides.
    const steps: [string, () => (l: ArchiveBrief[]) => ArchiveBrief[]][] = [
      ['body', () => edit(slugAt(20), (b) => ({ ...b, body: `${b.body}<p>Edited.</p>`, pdf_bytes: b.pdf_bytes + 7 }))],
      ['title', () => edit(slugAt(21), (b) => ({ ...b, title: 'A Title Written Again' }))],
      ['front matter', () => edit(slugAt(22), (b) => ({ ...b, data: { ...b.data, note: 'changed' } }))],
      [
        'date moving years',
        () => {
          const brief = newestFirst(list)[23]!;
          const year = Number(yearOf(brief) ?? 2015);
          return edit(brief.slug, (b) => ({ ...b, date: `${year - 3}-03-03` }));
        },
      ],
      ['date within its year', () => edit(slugAt(24), (b) => ({ ...b, date: `${yearOf(b) ?? '2014'}-12-30` }))],
      ['tag added (new)', () => edit(slugAt(25), (b) => ({ ...b, tags: [...b.tags, 'A Topic Of Its Own'] }))],
      ['tag added (existing)', () => edit(slugAt(26), (b) => ({ ...b, tags: [...b.tags, list[3]!.tags[0]!] }))],
      ['tag removed (its own)', () => edit(slugAt(25), (b) => ({ ...b, tags: b.tags.slice(0, -1) }))],
      ['tag removed (shared)', () => edit(slugAt(28), (b) => ({ ...b, tags: b.tags.slice(1) }))],
      ['author added', () => edit(slugAt(27), (b) => ({ ...b, authors: [...b.authors, { name: 'Ana Newcomer' }] }))],
      ['added', () => (l) => [...l, added]],
      ['removed', () => (l) => l.filter((b) => b.slug !== slugAt(30))],
      ['the added one removed', () => (l) => l.filter((b) => b.slug !== added.slug)],
      ['newest removed', () => (l) => l.filter((b) => b.slug !== slugAt(0))],
      ['nothing', () => (l) => l],
    ];
    for (const [name, step] of steps) {
      list = step()(list);
      const written = await builds.build(list);
      await expectAsFromScratch(`generated-${name.replace(/\W+/g, '-')}`, list, config, written.files);
      // Most pages keep their keys: the edit's own pages, its neighbours', its groups' and related briefs' are made again.
      expect(written.keptKeys, name).toBeGreaterThan(list.length / 2);
    }
  });

  it("writes an edited brief's own page before the rest for a preview, and equals a cold build, also after a stop right then", async () => {
    const config = fixtureConfig(path.join(tmp, 'preview'), { url: SITE_URL, feed_entries: 3 });
    const builds = new Builds(config);
    builds.prepare = true;
    let list = generatedBriefs(40);
    await builds.build(list);
    const [newer, edited] = newestFirst(list)
      .slice(19, 21)
      .map((b) => b.html);
    const read = (file: string) => readFile(path.join(config.outDir, file!), 'utf8');
    const retitle = (title: string) => (l: ArchiveBrief[]) =>
      l.map((b) => (b.html === edited ? { ...b, title, pdf_bytes: b.pdf_bytes + 3 } : b));

    // The edited brief's page is written when the preview is called; its neighbour's (which shows its title) after.
    list = retitle('A Title Shown Early')(list);
    let early: { own: string; neighbour: string } | undefined;
    const written = await builds.build(list, {
      paths: new Set([edited!]),
      shown: async () => {
        early = { own: await read(edited!), neighbour: await read(newer!) };
      },
    });
    expect(early!.own).toContain('A Title Shown Early');
    expect(early!.neighbour).not.toContain('A Title Shown Early');
    expect(await read(newer!)).toContain('A Title Shown Early');
    await expectAsFromScratch('preview', list, config, written.files);

    // Stopped right after the early page (the preview fails): the next build, without a preview, makes the rest.
    list = retitle('A Title Stopped After Its Page')(list);
    const stopped = builds.build(list, {
      paths: new Set([edited!]),
      shown: () => {
        throw new Error('stopped after the preview');
      },
    });
    await expect(stopped).rejects.toThrow('stopped after the preview');
    expect(await read(edited!)).toContain('A Title Stopped After Its Page');
    expect(await read(newer!)).not.toContain('A Title Stopped After Its Page');
    const next = await builds.build(list);
    await expectAsFromScratch('preview-stopped', list, config, next.files);
  });

  it('keeps the related briefs a line per brief, and works them all out again from a torn, older or missing cache', async () => {
    const config = fixtureConfig(path.join(tmp, 'related'), { url: SITE_URL, feed_entries: 3 });
    const builds = new Builds(config);
    let list = generatedBriefs(40);
    await builds.build(list);
    const cache = path.join(config.cacheDir, 'archive-related.json');
    const lines = (await readFile(cache, 'utf8')).split('\n');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines[1]).toMatch(/^[a-z0-9-]+\t\[/);
    const retitle = (i: number, title: string) => (l: ArchiveBrief[]) =>
      l.map((b) => (b.slug === newestFirst(l)[i]!.slug ? { ...b, title } : b));
    const steps: [string, () => Promise<void>][] = [
      ['kept', async () => {}],
      ['torn', () => writeFile(cache, lines.slice(0, 5).join('\n') + '\n' + lines[5]!.slice(0, 9))],
      ['older format', () => writeFile(cache, `${JSON.stringify({ key: 'x', related: [] })}\n`)],
      ['missing', () => rm(cache, { force: true })],
    ];
    for (const [i, [name, spoil]] of steps.entries()) {
      await spoil();
      list = retitle(10 + i, `A Title Edited With the Cache ${name}`)(list);
      const written = await builds.build(list);
      await expectAsFromScratch(`related-${name.replace(/\W+/g, '-')}`, list, config, written.files);
    }
  });

  it('keeps the record files of the current briefs only', async () => {
    const config = fixtureConfig(path.join(tmp, 'pruned'), { url: SITE_URL, feed_entries: 3 });
    const builds = new Builds(config);
    let list = briefs();
    await builds.build(list);
    list = list.filter((_, i) => i !== 2).map((b, i) => (i === 3 ? { ...b, title: 'Retitled' } : b));
    await builds.build(list);
    expect(readdirSync(path.join(config.cacheDir, ARCHIVE_INDEX_DIR, 'records'))).toHaveLength(list.length);
  });
});
