/**
 * The archive stage without a browser: which files it writes, that two builds are
 * byte-identical, related briefs, the feed, sitemap, metadata, escaping, links and the
 * search index. Browser checks are in e2e-archive.test.ts.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relatedBriefs } from '../../scripts/archive/model/related-briefs.js';
import { HOME_BRIEFS } from '../../scripts/archive/pages/render-pages.js';
import { type SearchIndexInput, searchPayload } from '../../scripts/archive/search/search-index.js';
import { siteUrls } from '../../scripts/archive/model/site-urls.js';
import { createBriefPool } from '../../scripts/workers/brief-pool.js';
import { readBody, storeBody } from '../../scripts/cache/bodies.js';
import { writeArchive, type ArchiveResult } from '../../scripts/archive/write-archive.js';
import { checkFeed } from '../helpers/archive-checks.js';
import { fixtureBriefs, fixtureConfig, writeBuildOutputs } from '../fixtures/archive/briefs.js';
import { checkLinks, listFiles } from '../helpers/link-check.js';

const SITE_URL = 'https://briefs.example.org/';
const [ituBrief, ituPost, privacy, intermediary] = fixtureBriefs().map((b) => b.slug) as [string, string, string, string];
let tmp: string;
let out: string;
let result: ArchiveResult;

const read = (rel: string, dir = out) => readFile(path.join(dir, rel), 'utf8');

async function build(name: string, site: { url?: string; base_path?: string; feed_entries?: number } = {}) {
  const dir = path.join(tmp, name);
  const briefs = fixtureBriefs();
  await writeBuildOutputs(dir, briefs);
  return { dir, result: await writeArchive(briefs, fixtureConfig(dir, site)) };
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'briefpress-archive-'));
  ({ dir: out, result } = await build('site', { url: SITE_URL }));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('writeArchive', () => {
  it('writes the pages, feed, sitemap, search index and assets, and lists them', async () => {
    for (const file of [
      'index.html',
      'search.html',
      '404.html',
      'feed.xml',
      'sitemap.xml',
      'robots.txt',
      `briefs/${ituBrief}.html`,
      `briefs/${ituPost}.html`,
      'tags/itu.html',
      'tags/index.html',
      'authors/emma-llanso.html',
      'authors/index.html',
      'assets/site.css',
      'assets/search-index.js',
      'assets/search/part-1.js',
      'assets/minisearch.js',
      'assets/search.js',
      'assets/filters.js',
      'assets/styles/fonts.css',
    ]) {
      expect(result.files).toContain(file);
    }
    expect(result.files.some((f) => f.startsWith('assets/fonts/') && f.endsWith('.woff2'))).toBe(true);
    const onDisk = (await listFiles(out)).filter((f) => !/\.(pdf|md|jpg)$/.test(f));
    expect(onDisk).toEqual(result.files);
    expect(result.files).not.toContain('manifest.json');
  });

  it('is deterministic: a second build is byte-identical and rewrites nothing', async () => {
    const again = await build('again', { url: SITE_URL });
    for (const file of result.files) expect(await read(file, again.dir), file).toBe(await read(file));
    const rerun = await writeArchive(fixtureBriefs().reverse(), fixtureConfig(out, { url: SITE_URL }));
    expect(rerun.changed).toEqual([]);
    expect(rerun.files).toEqual(result.files);
  });

  it('after an edit, redoes only the pages that show the edited brief, and equals a clean build', async () => {
    const { dir } = await build('edit', { url: SITE_URL });
    const edited = fixtureBriefs().map((b) =>
      b.slug === privacy ? { ...b, title: 'Location Privacy, Revised', body: `${b.body}<p>Revised.</p>` } : b,
    );
    const rerun = await writeArchive(edited, fixtureConfig(dir, { url: SITE_URL }));
    expect(rerun.changed).toContain(`briefs/${privacy}.html`);
    expect(rerun.changed).toContain('index.html');
    expect(rerun.changed).toContain('assets/search/part-1.js');
    expect(rerun.changed).not.toContain(`briefs/${ituBrief}.html`);
    const cleanDir = path.join(tmp, 'edit-clean');
    await writeBuildOutputs(cleanDir, edited);
    await writeArchive(edited, fixtureConfig(cleanDir, { url: SITE_URL }));
    for (const file of rerun.files) expect(await read(file, dir), file).toBe(await read(file, cleanDir));
  });

  it('lists briefs newest first, grouped by year, with kind, authors, tags, summary and PDF size', async () => {
    const home = await read('index.html');
    const order = [ituBrief, ituPost, intermediary, privacy].map((slug) => home.indexOf(`href="briefs/${slug}.html"`));
    expect(order.every((pos, i) => pos > 0 && (i === 0 || pos > order[i - 1]!))).toBe(true);
    expect(home.indexOf('id="year-2012"')).toBeLessThan(home.indexOf('id="year-2011"'));
    expect(home).toContain('href="briefs/itu-ill-suited-to-regulate-cybersecurity.pdf"');
    expect(home).toMatch(/2 pages · \d+ KB/);
    expect(home).toContain('Blog post');
    expect(home).toContain('href="authors/emma-llanso.html"');
    expect(home).toContain('Apps collect precise location data');
  });

  it('gives every year a page, and shows only the newest briefs on the home page of a large archive', async () => {
    expect(result.files).toEqual(expect.arrayContaining(['years/2012.html', 'years/2011.html']));
    expect(await read('years/2011.html')).toContain(`href="../briefs/${privacy}.html"`);
    const dir = path.join(tmp, 'large');
    const [first] = fixtureBriefs();
    // 130 briefs over three years, newest first: 2012-12-01 … 2010-…
    const many = Array.from({ length: HOME_BRIEFS + 80 }, (_, i) => {
      const slug = `brief-${String(i).padStart(3, '0')}`;
      const day = new Date(Date.UTC(2012, 11, 1) - i * 7 * 86_400_000).toISOString().slice(0, 10);
      return {
        ...first!,
        slug,
        title: `Brief ${i}`,
        date: day,
        html: `briefs/${slug}.html`,
        pdf: `briefs/${slug}.pdf`,
        markdown: `briefs/${slug}.md`,
        source: `sources/${slug}.txt`,
        tags: [`Topic ${i % 4}`],
      };
    });
    await writeBuildOutputs(dir, many);
    const large = await writeArchive(many, fixtureConfig(dir, { url: SITE_URL }));
    const home = await read('index.html', dir);
    const onHome = many.filter((b) => home.includes(`href="${b.html}"`));
    expect(onHome.map((b) => b.slug)).toEqual(many.slice(0, HOME_BRIEFS).map((b) => b.slug));
    expect(home).toContain(`${many.length} publications, 2010–2012; the ${HOME_BRIEFS} newest below, the rest by year`);
    const years = ['2012', '2011', '2010'].map((y) => ({ y, briefs: many.filter((b) => b.date.startsWith(y)) }));
    for (const { y, briefs } of years) {
      expect(home, y).toContain(`href="years/${y}.html">${y} <span class="count">${briefs.length}</span>`);
      const page = await read(`years/${y}.html`, dir);
      expect(
        briefs.every((b) => page.includes(`href="../${b.html}"`)),
        y,
      ).toBe(true);
      expect(
        many.filter((b) => !briefs.includes(b)).some((b) => page.includes(`href="../${b.html}"`)),
        y,
      ).toBe(false);
    }
    // The year cut short on the home page says so and links to the rest.
    const cut = years.find(({ briefs }) => briefs.includes(many[HOME_BRIEFS - 1]!))!;
    if (cut.briefs.at(-1) !== many[HOME_BRIEFS - 1]) expect(home).toContain(`All ${cut.briefs.length} publications of ${cut.y}</a>`);
    expect(await checkLinks(dir)).toEqual([]);
    expect(large.files).toContain('years/2010.html');
  });

  it('escapes titles everywhere and inserts only the sanitized body as HTML', async () => {
    const page = await read(`briefs/${privacy}.html`);
    expect(page).toContain('Location Privacy &amp; Mobile Apps: &lt;What&gt; Users &quot;Expect&quot;');
    expect(page).not.toContain('<What>');
    expect(await read('index.html')).not.toContain('<What>');
    expect(await read('feed.xml')).not.toContain('<What>');
    expect(await read('assets/search/part-1.js')).not.toMatch(/<What>/);
  });
});

describe('related briefs', () => {
  it('pairs the two texts that cite the same paper, and scores cited URLs above tags', () => {
    const related = relatedBriefs(fixtureBriefs());
    expect(related.get(ituBrief)?.map((r) => r.brief.slug)).toEqual([ituPost]);
    expect(related.get(ituPost)?.[0]?.reasons.links).toBe(1);
    // The post shares its cited paper and two topics with the brief, and an author with another post.
    expect(related.get(ituPost)?.map((r) => [r.brief.slug, r.score])).toEqual([
      [ituBrief, 3 + 2],
      [intermediary, 2],
    ]);
    expect(related.get(intermediary)?.map((r) => r.brief.slug)).toEqual([ituPost]);
    expect(related.get(privacy)).toEqual([]);
  });

  it('links related briefs on each page, saying why', async () => {
    expect(await read(`briefs/${ituBrief}.html`)).toMatch(/class="related"[\s\S]*href="itu-ill-suited-to-regulate-cybersecurity.html"/);
    expect(await read(`briefs/${ituPost}.html`)).toMatch(
      /class="related"[\s\S]*href="itu-cybersecurity-proposals-threaten-existing-security-efforts.html"/,
    );
    expect(await read(`briefs/${intermediary}.html`)).toContain('Also by Emma Llansó');
    expect(await read(`briefs/${privacy}.html`)).not.toContain('class="related"');
  });
});

describe('tag and author pages', () => {
  it('list exactly the briefs filed under them', async () => {
    const tag = await read('tags/cybersecurity.html');
    expect(tag).toContain(`href="../briefs/${ituBrief}.html"`);
    expect(tag).toContain(`href="../briefs/${ituPost}.html"`);
    expect(tag).not.toContain(`href="../briefs/${privacy}.html"`);
    const author = await read('authors/emma-llanso.html');
    expect(author).toContain(`href="../briefs/${ituPost}.html"`);
    expect(author).toContain(`href="../briefs/${intermediary}.html"`);
    expect(author).not.toContain(`href="../briefs/${ituBrief}.html"`);
  });
});

describe('feed, sitemap and metadata', () => {
  it('writes an Atom feed with one entry per brief', async () => {
    const feed = await checkFeed(out, 4);
    expect(feed.entries[0]?.link).toBe(`${SITE_URL}briefs/${ituBrief}.html`);
    expect(feed.updated).toBe('2012-10-04T00:00:00Z');
  });

  it('keeps the newest `site.feed_entries` briefs in the feed, or every brief with 0', async () => {
    const everyBrief = await checkFeed(out, 4);
    const { dir } = await build('short-feed', { url: SITE_URL, feed_entries: 2 });
    const short = await checkFeed(dir, 2);
    expect(short.entries).toEqual(everyBrief.entries.slice(0, 2));
    expect(short.updated).toBe(everyBrief.updated);
    await checkFeed((await build('whole-feed', { url: SITE_URL, feed_entries: 0 })).dir, 4);
    // The rest of the archive lists every brief whatever the feed holds.
    expect(await read('index.html', dir)).toContain(`briefs/${intermediary}.html`);
  });

  it('writes a sitemap of absolute URLs and a robots.txt pointing to it', async () => {
    const sitemap = await read('sitemap.xml');
    expect(sitemap).toContain(`<loc>${SITE_URL}briefs/${ituPost}.html</loc><lastmod>2012-09-06</lastmod>`);
    expect(sitemap).not.toContain('404.html');
    expect(await read('robots.txt')).toContain(`Sitemap: ${SITE_URL}sitemap.xml`);
  });

  it('gives brief pages canonical URLs, Open Graph and JSON-LD (Report, BlogPosting)', async () => {
    const ldOf = (html: string) => JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? 'null');
    const brief = await read(`briefs/${ituBrief}.html`);
    expect(brief).toContain(`<link rel="canonical" href="${SITE_URL}briefs/${ituBrief}.html">`);
    expect(brief).toContain('<meta property="og:type" content="article">');
    expect(brief).toContain('<meta name="description" content="Security proposals before the ITU');
    expect(ldOf(brief)).toMatchObject({
      '@type': 'Report',
      datePublished: '2012-10-04',
      encoding: { contentUrl: `${SITE_URL}briefs/${ituBrief}.pdf` },
    });
    // The letterhead's tagline breaks where the printed one does.
    expect(brief).toMatch(/<p class="letterhead__tagline"><span>KEEPING THE INTERNET<\/span> <span>OPEN • INNOVATIVE • FREE<\/span><\/p>/);
    const post = ldOf(await read(`briefs/${ituPost}.html`));
    expect(post).toMatchObject({ '@type': 'BlogPosting', author: [{ name: 'Emma Llansó' }] });
  });

  it('leaves out canonical URLs, JSON-LD and the sitemap without a site URL', async () => {
    const { dir, result: plain } = await build('no-url');
    const brief = await read(`briefs/${ituBrief}.html`, dir);
    expect(brief).not.toContain('rel="canonical"');
    expect(brief).not.toContain('application/ld+json');
    // A relative og:image is invalid: none without a public address; the cards still show the pictures.
    expect(brief).not.toContain('og:image');
    expect(await read('index.html', dir)).toContain(
      `<img class="card__cover" src="briefs/${ituBrief}.jpg" alt="" width="600" height="776"`,
    );
    expect(plain.files).not.toContain('sitemap.xml');
    expect(await read('robots.txt', dir)).not.toContain('Sitemap:');
    await checkFeed(dir, 4);
  });
});

describe('links', () => {
  it('are relative, so the archive works from disk, and none is broken', async () => {
    expect(await checkLinks(out)).toEqual([]);
    for (const file of result.files.filter((f) => f.endsWith('.html') && f !== '404.html')) {
      expect(await read(file), file).not.toMatch(/(?:href|src|action)="\//);
    }
  });

  it('start with the base path when one is configured, and none is broken', async () => {
    const { dir } = await build('base', { base_path: '/briefs/', url: 'https://example.org' });
    expect(await read('tags/itu.html', dir)).toContain(`href="/briefs/briefs/${ituBrief}.html"`);
    expect(await read('index.html', dir)).toContain('href="/briefs/assets/site.css"');
    expect(await checkLinks(dir, { basePath: '/briefs/' })).toEqual([]);
    expect(await read('feed.xml', dir)).toContain(`https://example.org/briefs/briefs/${ituBrief}.html`);
    // Crawlers look for robots.txt only at the root of the host, where the archive is not.
    expect(existsSync(path.join(dir, 'robots.txt'))).toBe(false);
    expect(await read('sitemap.xml', dir)).toContain(`<loc>https://example.org/briefs/briefs/${ituBrief}.html</loc>`);
  });

  it('computes hrefs per page depth', () => {
    const config = { site: {} };
    expect(siteUrls('briefs/a.html', config).href('index.html')).toBe('../index.html');
    expect(siteUrls('briefs/a.html', config).href('briefs/b.pdf')).toBe('b.pdf');
    expect(siteUrls('index.html', config).href('tags/x.html')).toBe('tags/x.html');
    expect(siteUrls('briefs/a.html', { site: { base_path: '/b/' } }).href('index.html')).toBe('/b/');
  });

  it('reports a missing file, fragment and asset', async () => {
    const { dir } = await build('broken');
    const { writeFile, unlink } = await import('node:fs/promises');
    await unlink(path.join(dir, 'assets/filters.js'));
    await unlink(path.join(dir, `briefs/${ituPost}.pdf`));
    await writeFile(path.join(dir, 'extra.html'), '<a href="index.html#nowhere">x</a><img src="/abs.png">');
    const broken = await checkLinks(dir);
    expect(broken.map((b) => `${b.from} ${b.link}`)).toEqual(
      expect.arrayContaining([
        'index.html assets/filters.js',
        `index.html briefs/${ituPost}.pdf`,
        'extra.html index.html#nowhere',
        'extra.html /abs.png',
      ]),
    );
  });
});

/** The parts `assets/search-index.js` lists, each loaded as the search page loads it. */
async function searchParts(dir: string): Promise<{ paths: string[]; indexes: MiniSearch[] }> {
  const list = await read('assets/search-index.js', dir);
  const { parts } = JSON.parse(
    list
      .slice(list.indexOf('=') + 1)
      .trim()
      .replace(/;$/, ''),
  ) as { parts: string[] };
  const indexes = await Promise.all(
    parts.map(async (part) => {
      const data = JSON.parse(searchPayload(await read(part, dir)));
      return MiniSearch.loadJS(data.index, data.options);
    }),
  );
  return { paths: parts, indexes };
}

describe('search index', () => {
  it('finds a word that occurs in one brief body only, with the fields the page shows', async () => {
    const { paths, indexes } = await searchParts(out);
    expect(paths).toEqual(['assets/search/part-1.js']);
    const index = indexes[0]!;
    expect(index.documentCount).toBe(4);
    const hits = index.search('zeitgeist');
    expect(hits.map((h) => h.url)).toEqual([`briefs/${ituPost}.html`]);
    expect(hits[0]).toMatchObject({ title: 'ITU Ill-Suited to Regulate Cybersecurity', kind: 'post', pdf: `briefs/${ituPost}.pdf` });
    expect(index.search('llanso', { fuzzy: 0.2 }).length).toBeGreaterThan(0);
  });

  it('in parts: every brief in one part (one part per brief here), search finds across them, and an edit rewrites only its part', async () => {
    const dir = path.join(tmp, 'parts');
    const briefs = fixtureBriefs();
    await writeBuildOutputs(dir, briefs);
    await writeArchive(briefs, fixtureConfig(dir, { url: SITE_URL }), { searchPartSize: 1 });
    const { paths, indexes } = await searchParts(dir);
    expect(paths).toEqual([1, 2, 3, 4].map((n) => `assets/search/part-${n}.js`));
    // Four briefs hashed over four parts: two hold two each, two are empty (and load as such).
    expect(indexes.map((index) => index.documentCount).sort()).toEqual([0, 0, 2, 2]);
    const ids = indexes.flatMap((index) =>
      Object.values((index.toJSON() as unknown as { storedFields: Record<string, { url: string }> }).storedFields).map((f) => f.url),
    );
    expect(ids.sort()).toEqual(briefs.map((b) => b.html).sort());
    expect(indexes.flatMap((index) => index.search('zeitgeist').map((h) => h.url))).toEqual([`briefs/${ituPost}.html`]);
    expect(indexes.flatMap((index) => index.search('geolocation').map((h) => h.url))).toEqual([`briefs/${privacy}.html`]);
    // An edit of one body: only the part that holds it is made again.
    const holder = paths[indexes.findIndex((index) => index.search('geolocation').length > 0)]!;
    const edited = briefs.map((b) => (b.slug === privacy ? { ...b, body: `${b.body}<p>Quokka.</p>` } : b));
    const rerun = await writeArchive(edited, fixtureConfig(dir, { url: SITE_URL }), { searchPartSize: 1 });
    expect(rerun.rendered.filter((f) => f.startsWith('assets/search'))).toEqual([holder]);
    expect((await searchParts(dir)).indexes.flatMap((index) => index.search('quokka').map((h) => h.url))).toEqual([
      `briefs/${privacy}.html`,
    ]);
    // And the parts equal a clean build's.
    const clean = path.join(tmp, 'parts-clean');
    await writeBuildOutputs(clean, edited);
    await writeArchive(edited, fixtureConfig(clean, { url: SITE_URL }), { searchPartSize: 1 });
    for (const file of ['assets/search-index.js', ...paths]) expect(await read(file, dir), file).toBe(await read(file, clean));
  });

  it('builds the parts in a worker thread (as a build does) the same as in this one, also after an edit', async () => {
    const pool = createBriefPool(fixtureConfig(tmp), { threads: 1 });
    let sent = 0;
    try {
      // As a build hands them over: bodies in the build cache, read by hash.
      const write = async (name: string, briefs: ReturnType<typeof fixtureBriefs>, inWorker: boolean) => {
        const dir = path.join(tmp, name);
        await writeBuildOutputs(dir, briefs);
        const config = fixtureConfig(dir, { url: SITE_URL });
        const cached = await Promise.all(
          briefs.map(async ({ body, ...brief }) => ({ ...brief, bodyHash: await storeBody(config.cacheDir, body) })),
        );
        const buildSearchPart = (input: Omit<SearchIndexInput, 'body'>) => (
          sent++,
          pool.searchPart({ ...input, cacheDir: config.cacheDir })
        );
        await writeArchive(cached, config, {
          readBody: (hash) => readBody(config.cacheDir, hash),
          searchPartSize: 1,
          ...(inWorker ? { buildSearchPart } : {}),
        });
        return dir;
      };
      const edited = fixtureBriefs().map((b) => (b.slug === privacy ? { ...b, body: `${b.body}<p>Quokka.</p>` } : b));
      const there = await write('parts-worker', fixtureBriefs(), true);
      expect(sent).toBe(4);
      await write('parts-worker', edited, true);
      expect(sent).toBe(5); // only the part that holds the edited brief
      const here = await write('parts-here', edited, false);
      const { paths, indexes } = await searchParts(there);
      expect(indexes.flatMap((index) => index.search('quokka').map((h) => h.url))).toEqual([`briefs/${privacy}.html`]);
      for (const file of ['assets/search-index.js', ...paths]) expect(await read(file, there), file).toBe(await read(file, here));
    } finally {
      await pool.close();
    }
  });
});
