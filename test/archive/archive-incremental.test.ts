/**
 * The archive stage redoes only what changed, and still writes what a clean build writes:
 * the search index updated in place equals a fresh one byte for byte (and the index
 * MiniSearch itself builds); an edit re-renders only the pages that show the edited brief;
 * a missing page is made again; bodies are read only when needed; the feed streams its
 * bodies when its template allows and is rendered whole when not.
 */
import { processTerm, tokenize } from '../../scripts/archive/search/search-terms.js';
import { cp, mkdtemp, readFile, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import MiniSearch from 'minisearch';
import nunjucks from 'nunjucks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyText, buildSearchIndex, SEARCH_OPTIONS, searchDocument, searchPayload } from '../../scripts/archive/search/search-index.js';
import { buildSiteModel, type SiteBrief } from '../../scripts/archive/model/site-model.js';
import { bodyHash } from '../../scripts/cache/bodies.js';
import type { ArchiveBrief } from '../../scripts/core/types.js';
import { writeArchive } from '../../scripts/archive/write-archive.js';
import { fixtureBriefs, fixtureConfig, REPO_ROOT, writeBuildOutputs } from '../fixtures/archive/briefs.js';
import { listFiles } from '../helpers/link-check.js';

const SITE_URL = 'https://briefs.example.org/';
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'briefpress-incremental-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

/** The four fixture briefs and eight more made from them, with their own slugs, dates and topics. */
function briefs(): ArchiveBrief[] {
  const base = fixtureBriefs();
  const more = Array.from({ length: 8 }, (_, i) => {
    const from = base[i % base.length]!;
    const slug = `${from.slug}-${i + 2}`;
    return {
      ...from,
      slug,
      title: `${from.title} (${i + 2})`,
      date: `2011-0${(i % 9) + 1}-1${i}`,
      tags: [...from.tags.slice(0, 1), `Topic ${i % 3}`],
      html: `briefs/${slug}.html`,
      pdf: `briefs/${slug}.pdf`,
      markdown: `briefs/${slug}.md`,
      source: `sources/${slug}.txt`,
      body: `${from.body}<p>Variant ${i + 2} of this text.</p>`,
    };
  });
  return [...base, ...more];
}

const asSite = (list: ArchiveBrief[]): SiteBrief[] => list.map(({ body, ...b }) => ({ ...b, bodyHash: bodyHash(body) }));
const bodies = (list: ArchiveBrief[]) => new Map(list.map((b) => [bodyHash(b.body), b.body]));
const archiveOrder = (list: ArchiveBrief[]) =>
  [...list].sort((a, b) => ((a.date ?? '') !== (b.date ?? '') ? ((a.date ?? '') < (b.date ?? '') ? 1 : -1) : a.slug < b.slug ? -1 : 1));

async function index(
  list: ArchiveBrief[],
  previous?: { script: string; state: Awaited<ReturnType<typeof buildSearchIndex>>['state'] },
  salt = 'salt',
) {
  const ordered = archiveOrder(list);
  const byHash = bodies(ordered);
  const { briefs: site, digest } = buildSiteModel(asSite(ordered));
  return buildSearchIndex({ briefs: site, digest, body: async (b) => byHash.get(b.bodyHash)!, salt, previous });
}

const payload = (script: string) =>
  JSON.parse(searchPayload(script)) as {
    options: typeof SEARCH_OPTIONS;
    index: { index: [string, unknown][]; averageFieldLength: number[] };
  };

describe('the search index', () => {
  it('holds what MiniSearch builds from the same documents, in a canonical order', async () => {
    const list = archiveOrder(briefs());
    const ours = payload((await index(list)).script);
    const reference = new MiniSearch<ReturnType<typeof searchDocument>>({
      ...SEARCH_OPTIONS,
      tokenize,
      processTerm,
      fields: [...SEARCH_OPTIONS.fields],
      storeFields: [...SEARCH_OPTIONS.storeFields],
    });
    reference.addAll(asSite(list).map((b, i) => searchDocument(b, i, bodyText(list[i]!.body))));
    const theirs = JSON.parse(JSON.stringify(reference)) as typeof ours.index;
    theirs.index.sort(([a], [b]) => (a < b ? -1 : 1));
    const { averageFieldLength: ourAverages, ...ourRest } = ours.index;
    const { averageFieldLength: theirAverages, ...theirRest } = theirs;
    expect(ourRest).toEqual(theirRest);
    ourAverages.forEach((value, i) => expect(value).toBeCloseTo(theirAverages[i]!, 9));
    // And the browser finds with it what it finds with MiniSearch's own.
    const loaded = MiniSearch.loadJS(ours.index as never, ours.options as never);
    expect(loaded.search('zeitgeist').map((h) => h.url)).toEqual(reference.search('zeitgeist').map((h) => h.url));
  });

  it('updated in place equals a fresh build byte for byte, and tokenizes only the documents that changed', async () => {
    let list = briefs();
    let last = await index(list);
    expect(last.indexed).toBe(12);
    const newest = archiveOrder(list)[0]!.slug;
    const edit = (slug: string, change: (b: ArchiveBrief) => ArchiveBrief) => (l: ArchiveBrief[]) =>
      l.map((b) => (b.slug === slug ? change(b) : b));
    type Step = [string, (l: ArchiveBrief[]) => ArchiveBrief[], number, string];
    const steps: Step[] = [
      ['body rewritten', (l) => l.map((b, i) => (i === 5 ? { ...b, body: '<p>Rewritten from scratch: wombat.</p>' } : b)), 1, 'spliced'],
      ['body extended', (l) => l.map((b, i) => (i === 6 ? { ...b, body: `${b.body}<p>An added sentence.</p>` } : b)), 1, 'spliced'],
      // The first document: its short id 0 is also a field id in the text.
      [
        'first body: new terms, one with <, and its old terms gone',
        edit(newest, (b) => ({ ...b, body: '<p>Only a&lt;b and zyzzyva\u2028 now.</p>' })),
        1,
        'spliced',
      ],
      ['title edited', (l) => l.map((b, i) => (i === 2 ? { ...b, title: `${b.title}, Revised` } : b)), 1, 'spliced'],
      ['two bodies emptied', (l) => l.map((b, i) => (i === 1 || i === 8 ? { ...b, body: '' } : b)), 2, 'spliced'],
      [
        'a brief added in the middle',
        (l) => [
          ...l,
          {
            ...l[0]!,
            slug: 'a-new-one',
            title: 'A New One',
            date: '2012-01-01',
            html: 'briefs/a-new-one.html',
            pdf: 'briefs/a-new-one.pdf',
            body: '<p>Brand new words: quokka.</p>',
          },
        ],
        1,
        'merged',
      ],
      ['a brief removed', (l) => l.filter((_, i) => i !== 3), 0, 'merged'],
      ['moved by a new date', (l) => l.map((b, i) => (i === 7 ? { ...b, date: '2013-01-01' } : b)), 1, 'merged'],
      ['nothing', (l) => l, 0, 'unchanged'],
    ];
    for (const [what, change, indexed, how] of steps) {
      list = change(list);
      const updated = await index(list, { script: last.script, state: last.state });
      const fresh = await index(list);
      expect(updated.script, what).toBe(fresh.script);
      expect([updated.indexed, updated.how], what).toEqual([indexed, how]);
      last = updated;
    }
    expect(last.script).toContain('a\\u003cb');
    const search = MiniSearch.loadJS(payload(last.script).index as never, SEARCH_OPTIONS as never);
    expect(search.search('quokka').map((h) => h.url)).toEqual(['briefs/a-new-one.html']);
  });

  it('updated as text after random edits, equals a fresh build byte for byte', async () => {
    let seed = 7;
    const random = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
    const words = ['alpha', 'beta', 'gamma', 'delta', 'zeta', 'eta', 'theta', 'a<b', 'Privacy', 'ITU', 'wombat', 'x', 'the', 'and'];
    let list = briefs();
    let last = await index(list);
    let spliced = 0;
    for (let step = 0; step < 30; step++) {
      const changes = 1 + random(3);
      for (let c = 0; c < changes; c++) {
        const i = random(list.length);
        const text = Array.from({ length: random(12) }, () => words[random(words.length)]).join(' ');
        list = list.map((b, j) =>
          j === i ? { ...b, body: random(4) === 0 ? '' : `<p>${text}</p>`, title: random(3) === 0 ? `${text} title` : b.title } : b,
        );
      }
      const updated = await index(list, { script: last.script, state: last.state });
      expect(updated.script, `step ${step}`).toBe((await index(list)).script);
      if (updated.how === 'spliced') spliced += 1;
      last = updated;
    }
    expect(spliced).toBeGreaterThan(20);
  });

  it('builds afresh when the code changed or the last index is damaged', async () => {
    const list = briefs();
    const last = await index(list);
    expect((await index(list, last, 'other code')).indexed).toBe(12);
    const damaged = await index(list, { script: last.script.slice(0, 500), state: { ...last.state, key: 'x' } });
    expect(damaged.indexed).toBe(12);
    expect(damaged.script).toBe(last.script);
  });
});

/** Set every file's times to long ago, so a rewrite shows in its mtime. */
async function age(dir: string): Promise<void> {
  const old = new Date('2001-01-01T00:00:00Z');
  for (const file of await listFiles(dir)) await utimes(path.join(dir, file), old, old);
}

async function rewritten(dir: string): Promise<string[]> {
  const files = await listFiles(dir);
  const times = await Promise.all(files.map(async (f) => (await stat(path.join(dir, f))).mtimeMs));
  return files.filter((_, i) => times[i]! > Date.parse('2002-01-01'));
}

async function site(
  name: string,
  list: ArchiveBrief[],
  options: Parameters<typeof writeArchive>[2] = {},
  config = fixtureConfig(path.join(tmp, name), { url: SITE_URL }),
) {
  await writeBuildOutputs(config.outDir, list);
  return { dir: config.outDir, result: await writeArchive(list, config, options) };
}

async function expectSameFiles(a: string, b: string, files: string[]): Promise<void> {
  for (const file of files) expect(await readFile(path.join(a, file), 'utf8'), file).toBe(await readFile(path.join(b, file), 'utf8'));
}

describe('an archive rebuilt after an edit', () => {
  it('re-renders and rewrites only the page, feed and index of a brief whose body changed', async () => {
    const list = briefs();
    const { dir } = await site('body-edit', list);
    await age(dir);
    const edited = list.map((b, i) => (i === 6 ? { ...b, body: `${b.body}<p>One more sentence.</p>` } : b));
    const rerun = await writeArchive(edited, fixtureConfig(dir, { url: SITE_URL }));
    expect(rerun.rendered).toEqual([list[6]!.html, 'assets/search/part-1.js', 'feed.json', 'feed.xml'].sort());
    expect(await rewritten(dir)).toEqual([list[6]!.html, 'assets/search/part-1.js', 'feed.json', 'feed.xml'].sort());
    const clean = await site('body-edit-clean', edited);
    await expectSameFiles(dir, clean.dir, clean.result.files);
  });

  it('re-renders the lists, topic, author and related pages that show a retitled brief, and no other', async () => {
    const list = briefs();
    const { dir } = await site('title-edit', list);
    await age(dir);
    const target = list[1]!; // the post: topics Cybersecurity and ITU, by Emma Llansó, citing the paper the first brief cites
    const edited = list.map((b) => (b === target ? { ...b, title: 'A Retitled Post' } : b));
    const rerun = await writeArchive(edited, fixtureConfig(dir, { url: SITE_URL }));
    const expected = [
      'index.html',
      target.html,
      'feed.xml',
      'assets/search/part-1.js',
      'tags/index.html',
      'authors/index.html',
      'authors/emma-llanso.html',
      'tags/itu.html',
      'tags/cybersecurity.html',
    ];
    for (const file of expected) expect(rerun.rendered).toContain(file);
    expect(rerun.rendered).toContain(`years/${target.date!.slice(0, 4)}.html`);
    const relating = list.filter(
      (b) => b !== target && (b.links.some((l) => target.links.includes(l)) || b.authors.some((a) => a.name === 'Emma Llansó')),
    );
    expect(relating.length).toBeGreaterThan(0);
    for (const b of relating) expect(rerun.rendered).toContain(b.html);
    // Pages that do not show the post are left alone.
    expect(rerun.rendered).not.toContain('tags/topic-0.html');
    expect(rerun.rendered).not.toContain('search.html');
    expect(rerun.rendered).not.toContain(list[2]!.html); // shares nothing with the post
    expect(rerun.rendered.length).toBeLessThan(rerun.files.length / 2);
    expect(await rewritten(dir)).toEqual([...rerun.changed].sort());
    const clean = await site('title-edit-clean', edited);
    await expectSameFiles(dir, clean.dir, clean.result.files);
  });

  it('after each of a run of edits (body, new brief, retag, redate, removal), equals an archive written from scratch', async () => {
    const config = fixtureConfig(path.join(tmp, 'edits'), { url: SITE_URL });
    const options = { searchPartSize: 4 };
    let list = briefs();
    await site('edits', list, options, config);
    const added: ArchiveBrief = {
      ...list[2]!,
      slug: 'a-new-brief',
      title: 'A New Brief',
      date: '2013-05-01',
      tags: ['Brand New Topic', ...list[2]!.tags],
      html: 'briefs/a-new-brief.html',
      pdf: 'briefs/a-new-brief.pdf',
      markdown: 'briefs/a-new-brief.md',
      source: 'sources/a-new-brief.txt',
      body: '<p>A brief that was not there before.</p>',
    };
    const steps: [string, (l: ArchiveBrief[]) => ArchiveBrief[]][] = [
      ['body', (l) => l.map((b, i) => (i === 5 ? { ...b, body: `${b.body}<p>Edited.</p>` } : b))],
      ['added', (l) => [...l, added]],
      ['retagged', (l) => l.map((b, i) => (i === 7 ? { ...b, tags: ['Topic 9'] } : b))],
      ['redated', (l) => l.map((b, i) => (i === 3 ? { ...b, date: '2009-02-03' } : b))],
      ['removed', (l) => l.filter((_, i) => i !== 1)],
      ['new topic gone', (l) => l.filter((b) => b.slug !== added.slug)],
    ];
    for (const [name, step] of steps) {
      list = step(list);
      await writeBuildOutputs(config.outDir, list);
      const rerun = await writeArchive(list, config, options);
      const clean = await site(`edits-clean-${name.replace(/ /g, '-')}`, list, options);
      expect(rerun.files, name).toEqual(clean.result.files);
      await expectSameFiles(config.outDir, clean.dir, clean.result.files);
    }
  });

  it('makes a deleted page again, and nothing else', async () => {
    const list = briefs();
    const { dir, result } = await site('deleted-page', list);
    const before = await readFile(path.join(dir, 'tags/itu.html'), 'utf8');
    await unlink(path.join(dir, 'tags/itu.html'));
    const rerun = await writeArchive(list, fixtureConfig(dir, { url: SITE_URL }));
    expect(rerun.rendered).toEqual(['tags/itu.html']);
    expect(rerun.files).toEqual(result.files);
    expect(await readFile(path.join(dir, 'tags/itu.html'), 'utf8')).toBe(before);
  });

  it('takes no page for current after a run that stopped half-way through rewriting it', async () => {
    const list = briefs();
    const byHash = bodies(list);
    const config = fixtureConfig(path.join(tmp, 'stopped'), { url: SITE_URL });
    await site('stopped', asSite(list) as never, { readBody: async (h) => byHash.get(h)! }, config);
    const page = path.join(config.outDir, list[2]!.html);
    const before = await readFile(page, 'utf8');
    // Two edits; the run fails on the second body once the pages are written (as an interrupted build would stop).
    const edited = list.map((b, i) => (i === 2 || i === 3 ? { ...b, body: `${b.body}<p>Edited.</p>` } : b));
    for (const [hash, body] of bodies(edited)) byHash.set(hash, body);
    const failing = bodyHash(edited[3]!.body);
    let reads = 0;
    const readBody = async (hash: string) => {
      if (hash === failing && ++reads > 1) throw new Error('stopped');
      return byHash.get(hash)!;
    };
    await expect(writeArchive(asSite(edited), config, { readBody })).rejects.toThrow('stopped');
    // The writes under way when the run stopped landed before it said so: this page among them.
    expect(await readFile(page, 'utf8')).not.toBe(before);
    // Back to the first texts: the page rewritten in the stopped run is made again.
    await writeArchive(asSite(list), config, { readBody: async (h) => byHash.get(h)! });
    expect(await readFile(page, 'utf8')).toBe(before);
  });

  it('reads no body when nothing changed, and only the edited one after an edit', async () => {
    const list = briefs();
    const byHash = bodies(list);
    const reads: string[] = [];
    const readBody = async (hash: string) => {
      reads.push(hash);
      return byHash.get(hash)!;
    };
    const config = fixtureConfig(path.join(tmp, 'lazy'), { url: SITE_URL });
    await site('lazy', asSite(list) as never, { readBody }, config);
    reads.length = 0;
    expect((await writeArchive(asSite(list), config, { readBody })).rendered).toEqual([]);
    expect(reads).toEqual([]);
    const edited = list.map((b, i) => (i === 4 ? { ...b, body: `${b.body}<p>Edited.</p>` } : b));
    for (const [hash, body] of bodies(edited)) byHash.set(hash, body);
    await writeArchive(asSite(edited), config, { readBody });
    const editedHash = bodyHash(edited[4]!.body);
    // The page, the feeds and the index read the edited body; the feeds copy the others from the
    // last feed.xml and feed.json (the Atom feed reads the first one, to check that its template
    // escapes bodies as expected).
    expect(reads.filter((h) => h !== editedHash).length).toBeLessThanOrEqual(1);
    expect(reads.filter((h) => h === editedHash).length).toBeGreaterThanOrEqual(2);
  });
});

describe('the feed', () => {
  it('streams the stock template and renders a template that filters the body whole', async () => {
    const list = briefs();
    const templates = path.join(tmp, 'custom-templates');
    await cp(path.join(REPO_ROOT, 'templates'), templates, { recursive: true });
    const feedTemplate = path.join(templates, 'site/feed.njk');
    const stock = await readFile(feedTemplate, 'utf8');
    await writeFile(feedTemplate, stock.replace('{{ e.body }}', '{{ e.body | striptags | truncate(40) }}'));
    const config = { ...fixtureConfig(path.join(tmp, 'custom-feed'), { url: SITE_URL }), templatesDir: templates };
    await site('custom-feed', list, {}, config);
    const feed = await readFile(path.join(config.outDir, 'feed.xml'), 'utf8');
    expect(feed).not.toMatch(/briefpress[0-9a-f]{24}body/);
    const env = new nunjucks.Environment(null, { autoescape: true });
    for (const b of list)
      expect(feed).toContain(`<content type="html">${env.renderString('{{ b | striptags | truncate(40) }}', { b: b.body })}</content>`);

    const standard = await readFile(path.join((await site('stock-feed', list)).dir, 'feed.xml'), 'utf8');
    for (const b of list) expect(standard).toContain(env.renderString('{{ b }}', { b: b.body }));
  });
});

describe('shortcuts', () => {
  it('give the slugs slugify gives and the URLs the URL parser gives', async () => {
    const { default: slugify } = await import('@sindresorhus/slugify');
    const { nameSlug, siteUrls } = await import('../../scripts/archive/model/site-urls.js');
    for (const name of [
      'Net Neutrality',
      'ITU',
      'Cross-border Data Flows',
      'Automated Decision-making',
      'X-Ray 2',
      'Zoë Bergström',
      'Children’s Privacy',
      'AT&T',
      'fooBar Baz',
      'A  B',
      '-x-',
    ]) {
      expect(nameSlug(name), name).toBe(slugify(name, { decamelize: false }) || 'untitled');
    }
    for (const url of [
      'https://briefs.example.org/',
      'https://example.org/briefs',
      'https://example.org/x?y=1',
      'https://EXAMPLE.org:443/p/',
    ]) {
      const urls = siteUrls('index.html', { site: { url } });
      for (const target of [
        'index.html',
        'briefs/a-b_c.html',
        'tags/x.html',
        'a/./b',
        'a/../b',
        '.hidden',
        'sp ace.html',
        'ü.html',
        'a//b',
      ]) {
        // The archive is a folder: a query or fragment of site.url is no part of its pages' addresses.
        const folder = url.split(/[?#]/)[0]!;
        expect(urls.absolute(target), `${url} ${target}`).toBe(
          new URL(target === 'index.html' ? '' : target, folder.endsWith('/') ? folder : `${folder}/`).href,
        );
      }
    }
  });
});

describe('the compiled templates kept between builds', () => {
  it('are compiled again when a template changes, and name no folder', async () => {
    const list = briefs();
    const templates = path.join(tmp, 'changing-templates');
    await cp(path.join(REPO_ROOT, 'templates'), templates, { recursive: true });
    const config = { ...fixtureConfig(path.join(tmp, 'changing'), { url: SITE_URL }), templatesDir: templates };
    await site('changing', list, {}, config);
    const cache = await readFile(path.join(config.cacheDir, 'archive-templates.json'), 'utf8');
    expect(cache).toContain('site/list.njk');
    expect(cache).not.toContain(tmp);
    const listTemplate = path.join(templates, 'site/list.njk');
    await writeFile(
      listTemplate,
      (await readFile(listTemplate, 'utf8')).replace('</h1>', '</h1><p class="added">Added to the template.</p>'),
    );
    const rerun = await writeArchive(list, config);
    expect(rerun.rendered).toContain('tags/itu.html');
    expect(await readFile(path.join(config.outDir, 'tags/itu.html'), 'utf8')).toContain('Added to the template.');
  });
});
