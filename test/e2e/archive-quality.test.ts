/**
 * Every kind of archive page, on a generated archive of 160 briefs (the bench's prose,
 * varied dates, topics, accented authors, a title of one long word, long addresses), as
 * published three ways: served at `/`, served under `/briefs/` and opened from disk.
 * html-validate (recommended rules) finds nothing on any page; axe finds no violation of
 * any impact on any page type (axe added once a page, each page loaded once for axe in light
 * and dark mode and the phone's width); nothing is wider than a 390 px phone; a brief's page reads
 * its title first and shows the wordmark once.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeArchive } from '../../scripts/archive/write-archive.js';
import { launchViewer } from '../helpers/viewer-browser.js';
import { createIconRasterizer } from '../../scripts/print/icon-rasterizer.js';
import { fixtureConfig, writeBuildOutputs } from '../fixtures/archive/briefs.js';
import { axeViolations, axeViolationsLightAndDark, checkFeed } from '../helpers/archive-checks.js';
import { generatedBriefs, HOSTILE_TITLE } from '../helpers/generated-archive.js';
import { listFiles } from '../helpers/link-check.js';
import { serve, type StaticServer } from '../helpers/serve.js';

const briefs = generatedBriefs(160);
const longTitled = briefs[3]!;
let tmp: string;
let browser: Browser;
let page: Page;
const servers: StaticServer[] = [];
/** Where each published form of the archive starts: its home page's folder. */
const roots: Record<'root' | 'sub' | 'disk', string> = { root: '', sub: '', disk: '' };

/** Puppeteer's default window, set again after a page was looked at as a phone. */
const DESKTOP = { width: 800, height: 600 };

const SITES = {
  root: { url: 'https://briefs.example.org/' },
  sub: { url: 'https://example.org', base_path: '/briefs/' },
  disk: {},
};

/** The slug of a topic's or author's page. */
const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z\d]+/g, '-')
    .replace(/^-|-$/g, '');

/** One page of each kind, relative to the archive's folder. */
function pageTypes(): Record<string, string> {
  const tagged = briefs.find((b) => b.tags.length)!;
  const authored = briefs.find((b) => b.authors.length)!;
  return {
    home: 'index.html',
    brief: longTitled.html,
    tag: `tags/${slug(tagged.tags[0]!)}.html`,
    author: `authors/${slug(authored.authors[0]!.name)}.html`,
    year: `years/${briefs.find((b) => b.date)!.date!.slice(0, 4)}.html`,
    topics: 'tags/index.html',
    authors: 'authors/index.html',
    search: 'search.html?q=internet',
    notFound: '404.html',
  };
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'briefpress-archive-quality-'));
  browser = await launchViewer();
  // The favicon's pictures drawn by this browser, as the build draws them with its own.
  const icons = createIconRasterizer(browser);
  for (const [name, site] of Object.entries(SITES)) {
    const dir = path.join(tmp, name);
    await writeBuildOutputs(dir, briefs);
    await writeArchive(briefs, fixtureConfig(dir, site), { rasterize: icons.png });
  }
  const [root, sub] = await Promise.all([serve(path.join(tmp, 'root')), serve(path.join(tmp, 'sub'), '/briefs/')]);
  servers.push(root, sub);
  roots.root = root.url;
  roots.sub = sub.url;
  roots.disk = pathToFileURL(path.join(tmp, 'disk')).href + '/';
});
afterAll(async () => {
  await Promise.all([browser?.close(), ...servers.map((s) => s.close())]);
  await rm(tmp, { recursive: true, force: true });
});
beforeEach(async () => {
  page = await browser.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
});
afterEach(() => page.close());

describe('a generated archive of 160 briefs', () => {
  it('has at least 150 briefs, in many years, topics and authors', async () => {
    const files = await listFiles(path.join(tmp, 'root'));
    expect(files.filter((f) => /^briefs\/.*\.html$/.test(f)).length).toBe(160);
    expect(files.filter((f) => f.startsWith('years/')).length).toBeGreaterThan(10);
    expect(files.filter((f) => f.startsWith('authors/')).length).toBeGreaterThan(20);
  });

  it.each(Object.keys(SITES))(
    'html-validate (recommended rules) finds nothing on any page type, nor on a sample of all pages, %s',
    async (name) => {
      const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
      const dir = path.join(tmp, name);
      const all = (await listFiles(dir)).filter((f) => f.endsWith('.html'));
      expect(all.length).toBeGreaterThan(400);
      // Every page type, and every 12th page (pages of a type share a template; their data differ).
      const types = Object.values(pageTypes()).map((rel) => rel.split('?')[0]!);
      const pages = [...new Set([...types, ...all.filter((_, i) => i % 12 === 0)])];
      const problems: string[] = [];
      for (const file of pages) {
        const report = await validator.validateFile(path.join(dir, file));
        for (const result of report.results)
          for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      }
      expect(problems).toEqual([]);
    },
  );

  it('axe finds no violation on any page type, in light and in dark mode (the system setting), and none is wider than a phone, with a title of one long word and long addresses, root', async () => {
    // One load of each page: axe in light and dark mode, then the same page at a phone's width
    // (the site's scripts do not measure the window: its layout is its style sheet's).
    for (const [type, rel] of Object.entries(pageTypes())) {
      const url = roots.root + rel;
      expect(await axeViolationsLightAndDark(page, url), `${type}: ${url}`).toEqual({ light: [], dark: [] });
      await page.setViewport({ width: 390, height: 844 });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${type} at 390 px`).toBeLessThanOrEqual(390);
      await page.setViewport(DESKTOP);
    }
  });

  it.each(['sub', 'disk'] as const)(
    'axe finds no violation on any page type, %s',
    async (name) => {
      for (const [type, rel] of Object.entries(pageTypes())) {
        const url = roots[name] + rel;
        const violations = await axeViolations(page, url);
        expect(violations, `${type}: ${url}`).toEqual([]);
      }
    },
    240_000,
  );

  it("a brief's page reads its title first, in sentence case, and shows the wordmark once", async () => {
    await page.goto(roots.root + longTitled.html, { waitUntil: 'load' });
    const facts = await page.evaluate(() => {
      const h1 = document.querySelector('h1')!;
      const letterhead = document.querySelector('.letterhead')!;
      const visibleMarks = [...document.querySelectorAll('.wordmark')].filter((w) => (w as HTMLElement).getBoundingClientRect().width > 0);
      return {
        titleFirst: Boolean(h1.compareDocumentPosition(letterhead) & Node.DOCUMENT_POSITION_FOLLOWING),
        transform: getComputedStyle(h1).textTransform,
        marks: visibleMarks.length,
        letterheadLeft: letterhead.getBoundingClientRect().left < h1.getBoundingClientRect().left,
      };
    });
    expect(facts).toEqual({ titleFirst: true, transform: 'none', marks: 1, letterheadLeft: true });
    // Tab order: skip link, banner, then the brief's own links before the letterhead's.
    const order: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(() => (document.activeElement?.closest('.letterhead, .brief, .site-header') ?? document.body).className),
      );
    }
    const firstBrief = order.findIndex((c) => c.startsWith('brief'));
    const firstLetterhead = order.findIndex((c) => c.startsWith('letterhead'));
    expect(firstBrief).toBeGreaterThan(-1);
    expect(firstLetterhead === -1 || firstLetterhead > firstBrief).toBe(true);
  });

  it('in dark mode (the system setting), a page is dark, and printing stays light', async () => {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await page.goto(roots.root + longTitled.html, { waitUntil: 'load' });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(23, 24, 26)');
    await page.emulateMediaType('print');
    expect(await background()).toBe('rgb(255, 255, 255)');
  });
});

describe('reading a brief', () => {
  // A brief in the middle of the archive, in archive order (newest first, undated last).
  const ordered = [...briefs].sort((a, b) =>
    a.date !== b.date ? (!a.date ? 1 : !b.date ? -1 : a.date < b.date ? 1 : -1) : a.slug < b.slug ? -1 : 1,
  );
  const middle = ordered.findIndex((b, i) => i > 20 && b.updated);
  const brief = ordered[middle]!;

  it.each(Object.keys(SITES) as (keyof typeof roots)[])(
    'links the newer and older brief, and a breadcrumb trail Home › year › title that leads there, %s',
    async (name) => {
      await page.goto(roots[name] + brief.html, { waitUntil: 'load' });
      const nav = await page.evaluate(() => ({
        newer: (document.querySelector('.pager--briefs a[rel=prev]') as HTMLAnchorElement | null)?.href,
        older: (document.querySelector('.pager--briefs a[rel=next]') as HTMLAnchorElement | null)?.href,
        crumbs: [...document.querySelectorAll('nav.breadcrumbs li')].map((li) => ({
          text: li.textContent?.trim(),
          href: li.querySelector('a')?.href,
        })),
        current: document.querySelector('nav.breadcrumbs [aria-current=page]')?.textContent,
      }));
      expect(nav.newer).toBe(new URL(ordered[middle - 1]!.html, roots[name]).href);
      expect(nav.older).toBe(new URL(ordered[middle + 1]!.html, roots[name]).href);
      const year = brief.date!.slice(0, 4);
      expect(nav.crumbs.map((c) => c.text)).toEqual(['Home', year, brief.title]);
      expect(nav.current).toBe(brief.title);
      // Each crumb opens its page: the year's page is headed by the year; home is the archive's.
      await page.goto(nav.crumbs[1]!.href!, { waitUntil: 'load' });
      expect(await page.$eval('h1', (h) => h.textContent)).toBe(year);
      await page.goto(nav.crumbs[0]!.href!, { waitUntil: 'load' });
      expect(await page.$eval('body', (b) => b.className)).toBe('page-home');
      // The first brief has no newer one, the last no older one.
      await page.goto(roots[name] + ordered[0]!.html, { waitUntil: 'load' });
      expect(await page.$$eval('.pager--briefs a', (as) => as.map((a) => a.getAttribute('rel')))).toEqual(['next']);
    },
  );

  it('describes the trail as a BreadcrumbList with the public URLs', async () => {
    for (const name of ['root', 'sub'] as const) {
      const html = await readFile(path.join(tmp, name, brief.html), 'utf8');
      const lds = [...html.matchAll(/<script type="application\/ld\+json">([^]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
      const trail = lds.find((ld) => ld['@type'] === 'BreadcrumbList');
      const site = name === 'root' ? 'https://briefs.example.org/' : 'https://example.org/briefs/';
      expect(trail.itemListElement).toEqual([
        { '@type': 'ListItem', position: 1, name: 'Home', item: site },
        { '@type': 'ListItem', position: 2, name: brief.date!.slice(0, 4), item: `${site}years/${brief.date!.slice(0, 4)}.html` },
        { '@type': 'ListItem', position: 3, name: brief.title },
      ]);
      expect(lds[0]).toMatchObject({ '@type': expect.stringMatching(/Report|BlogPosting/), dateModified: brief.updated });
    }
  });

  it('shows `updated:` on the page, and gives it as the sitemap lastmod and the feed entry updated', async () => {
    await page.goto(roots.root + brief.html, { waitUntil: 'load' });
    const shown = await page.$eval('.brief__updated time', (t) => [t.textContent, t.getAttribute('datetime')]);
    expect(shown[1]).toBe(brief.updated);
    expect(shown[0]).toMatch(new RegExp(`\\b${brief.updated!.slice(0, 4)}$`));
    expect(await page.$eval('.brief__date', (p) => p.textContent)).toMatch(/^\w+ \d+, \d{4} Updated /);
    const sitemap = await readFile(path.join(tmp, 'root', 'sitemap.xml'), 'utf8');
    const updated = briefs.filter((b) => b.updated);
    expect(updated.length).toBeGreaterThan(5);
    for (const b of updated) expect(sitemap).toContain(`<loc>https://briefs.example.org/${b.html}</loc><lastmod>${b.updated}</lastmod>`);
    const feed = await readFile(path.join(tmp, 'root', 'feed.xml'), 'utf8');
    const entries = [...feed.matchAll(/<entry>[^]*?<\/entry>/g)].map((m) => m[0]);
    const revised = entries.filter((e) => updated.some((b) => e.includes(`/${b.html}"`)));
    expect(revised.length).toBeGreaterThan(0);
    for (const entry of revised) {
      const b = updated.find((u) => entry.includes(`/${u.html}"`))!;
      expect(entry).toContain(`<published>${b.date}T00:00:00Z</published>`);
      expect(entry).toContain(`<updated>${b.updated}T00:00:00Z</updated>`);
    }
  });

  it.each(Object.keys(SITES) as (keyof typeof roots)[])(
    'has a favicon in ICO and PNG that a page finds, besides the SVG one, %s',
    async (name) => {
      await page.goto(roots[name] + brief.html, { waitUntil: 'load' });
      const icons = await page.$$eval('link[rel=icon], link[rel=apple-touch-icon]', (links) =>
        links.map((l) => (l as HTMLLinkElement).href),
      );
      expect(icons.map((u) => u.split('/').pop())).toEqual(['favicon.ico', 'favicon.svg', 'apple-touch-icon.png']);
      const ico = await readFile(path.join(tmp, name, 'favicon.ico'));
      expect([ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([1, 3]); // an icon of three images
      const first = ico.readUInt32LE(6 + 12);
      expect(ico.subarray(first + 1, first + 4).toString()).toBe('PNG');
      const touch = await readFile(path.join(tmp, name, 'assets/apple-touch-icon.png'));
      expect(touch.readUInt32BE(16)).toBe(180);
      // Drawn by the browser: the initials make more than one colour (a canvas may read it when served).
      if (name === 'disk') return;
      const opened = await browser.newPage();
      await opened.goto(icons[2]!, { waitUntil: 'load' });
      const colours = await opened.evaluate(() => {
        const img = document.querySelector('img')!;
        const canvas = Object.assign(document.createElement('canvas'), { width: img.naturalWidth, height: img.naturalHeight });
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        const seen = new Set<number>();
        for (let i = 0; i < data.length; i += 4) if (data[i + 3] === 255) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
        return { width: img.naturalWidth, colours: seen.size };
      });
      await opened.close();
      expect(colours.width).toBe(180);
      expect(colours.colours).toBeGreaterThan(2);
    },
  );

  it('lists authors by family name on the authors index', async () => {
    await page.goto(roots.root + 'authors/index.html', { waitUntil: 'load' });
    const names = await page.$$eval('.group-index a', (as) => as.map((a) => a.textContent!));
    expect(names.length).toBeGreaterThan(20);
    const family = names.map((n) => n.split(' ').at(-1)!);
    const collator = new Intl.Collator('en', { sensitivity: 'base' });
    expect(family).toEqual([...family].sort(collator.compare));
    expect(names).not.toEqual([...names].sort(collator.compare)); // not by given name
  });
});

describe('citing a brief', () => {
  const hostile = briefs.find((b) => b.title === HOSTILE_TITLE)!;
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  /** What a BibTeX reader makes of a braced field: LaTeX escapes undone. */
  const unescapeBibtex = (text: string) =>
    text
      .replace(/\\textbackslash\{\}/g, '\\')
      .replace(/\\([\^~])\{\}/g, '$1')
      .replace(/\\([{}&%$#_])/g, '$1');
  /** Braces of a BibTeX entry balance once escaped characters are taken out. */
  const balanced = (bib: string) => {
    let depth = 0;
    for (const c of bib.replace(/\\textbackslash\{\}|\\[\^~]\{\}|\\[{}&%$#_]/g, '')) {
      depth += c === '{' ? 1 : c === '}' ? -1 : 0;
      if (depth < 0) return false;
    }
    return depth === 0;
  };

  it.each(Object.keys(SITES) as (keyof typeof roots)[])(
    'gives citation_* meta tags and a Cite block (plain, BibTeX, RIS) that survive a hostile title, %s',
    async (name) => {
      await page.goto(roots[name] + hostile.html, { waitUntil: 'load' });
      const facts = await page.evaluate(() => {
        const meta = (n: string) => [...document.querySelectorAll(`meta[name="${n}"]`)].map((m) => m.getAttribute('content'));
        const code = (i: number) => document.querySelectorAll('.cite pre code')[i]?.textContent ?? '';
        return {
          title: meta('citation_title'),
          authors: meta('citation_author'),
          date: meta('citation_publication_date'),
          publisher: meta('citation_publisher'),
          pdf: meta('citation_pdf_url'),
          h1: document.querySelector('h1')?.textContent,
          // The title is text everywhere: no script runs it (structured data holds it as JSON).
          injected: [...document.scripts].some((s) => s.type !== 'application/ld+json' && s.textContent?.includes("alert('x')")),
          plain: document.querySelector('.cite__plain')?.textContent ?? '',
          bibtex: code(0),
          ris: code(1),
        };
      });
      expect(facts.h1).toBe(hostile.title);
      expect(facts.injected).toBe(false);
      expect(facts.title).toEqual([oneLine(hostile.title)]);
      expect(facts.authors).toEqual(hostile.authors.map((a) => a.name));
      expect(facts.date).toEqual([hostile.date!.replace(/-/g, '/')]);
      expect(facts.publisher).toEqual(['Center for Democracy & Technology']);
      if (name === 'disk') expect(facts.pdf).toEqual([]);
      else {
        // The public PDF address is where the PDF is, once the host is this test's server.
        expect(facts.pdf).toHaveLength(1);
        const local = new URL(new URL(facts.pdf[0]!).pathname, roots[name]).href;
        const served = await page.evaluate(async (url) => (await (await fetch(url)).text()).slice(0, 5), local);
        expect(served).toBe('%PDF-');
      }
      expect(facts.plain).toContain(`“${oneLine(hostile.title)}.”`);
      expect(facts.plain).toContain('Center for Democracy & Technology');
      // BibTeX: one entry whose braces balance, and whose title reads back as the title.
      expect(balanced(facts.bibtex)).toBe(true);
      const title = /^ {2}title = \{\{(.*)\}\},$/m.exec(facts.bibtex)?.[1];
      expect(unescapeBibtex(title ?? '')).toBe(oneLine(hostile.title));
      expect(facts.bibtex.match(/^@/gm)).toHaveLength(1);
      // RIS: every line a tag, one record, the title on one line.
      const lines = facts.ris.split('\n');
      expect(lines.every((l) => /^[A-Z][A-Z0-9] {2}- /.test(l) || l === 'ER  - ')).toBe(true);
      expect(lines.filter((l) => l.startsWith('TY  - '))).toHaveLength(1);
      expect(lines).toContain(`TI  - ${oneLine(hostile.title)}`);
      expect(lines.at(-1)).toBe('ER  - ');
    },
  );

  it('files authors family name first in BibTeX and RIS', async () => {
    const accented = briefs.find((b) => b.authors.some((a) => a.name === 'José Núñez'))!;
    const html = await readFile(path.join(tmp, 'root', accented.html), 'utf8');
    expect(html).toContain('AU  - Núñez, José');
    expect(html).toMatch(/author = \{[^}]*Núñez, José/);
    expect(html).toContain(`<meta name="citation_pdf_url" content="https://briefs.example.org/${accented.pdf}">`);
  });
});

describe('feeds', () => {
  const hostile = briefs.find((b) => b.title === HOSTILE_TITLE)!;
  const PUBLIC = { root: 'https://briefs.example.org/', sub: 'https://example.org/briefs/', disk: '' };

  it.each(Object.keys(SITES) as (keyof typeof roots)[])(
    "a topic's and an author's page link their own Atom feed, whose entries are theirs, newest first, %s",
    async (name) => {
      // The topic and the author with the most briefs (more than a feed's 20, for the topic).
      const most = (names: string[]) => {
        const counts = new Map<string, number>();
        for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
        return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
      };
      const topic = most(briefs.flatMap((b) => b.tags));
      const person = most(briefs.flatMap((b) => b.authors.map((a) => a.name)));
      for (const kind of ['tag', 'author'] as const) {
        const rel = kind === 'tag' ? `tags/${slug(topic)}.html` : `authors/${slug(person)}.html`;
        const members = briefs.filter((b) => (kind === 'tag' ? b.tags.includes(topic) : b.authors.some((a) => a.name === person)));
        expect(members.length).toBeGreaterThan(kind === 'tag' ? 20 : 1);
        await page.goto(roots[name] + rel, { waitUntil: 'load' });
        const alternates = await page.$$eval('link[rel=alternate][type="application/atom+xml"]', (ls) =>
          ls.map((l) => (l as HTMLLinkElement).href),
        );
        const feedUrl = alternates.find((u) => u.endsWith(rel.replace(/\.html$/, '.xml')))!;
        expect(feedUrl, alternates.join(' ')).toBeDefined();
        expect(await page.$eval('a.feed-link', (a) => (a as HTMLAnchorElement).href)).toBe(feedUrl);
        const file = rel.replace(/\.html$/, '.xml');
        const feed = await checkFeed(path.join(tmp, name), Math.min(20, members.length), file);
        if (name !== 'disk') expect(feed.self).toBe(PUBLIC[name] + file);
        const entryPages = feed.entries.map((e) => new URL(e.link, name === 'disk' ? roots.disk + file : PUBLIC[name] + file).href);
        const expected = [...members]
          .sort((a, b) => (a.date !== b.date ? (!a.date ? 1 : !b.date ? -1 : a.date < b.date ? 1 : -1) : a.slug < b.slug ? -1 : 1))
          .slice(0, 20)
          .map((b) => (name === 'disk' ? roots.disk : PUBLIC[name]) + b.html);
        expect(entryPages).toEqual(expected);
      }
    },
  );

  it('a hostile title reads back as itself from the topic and author feeds, which are well-formed Atom', async () => {
    const topicFeed = await readFile(path.join(tmp, 'root', pageTypes().tag!.replace(/\.html$/, '.xml')), 'utf8');
    expect(topicFeed).not.toContain('<script>');
    const all = await readdirFeeds(path.join(tmp, 'root'));
    // The parser leaves character references (`&#39;`) as they are: decoded here.
    const decoded = (text: string) => text.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
    const withHostile = all.find((f) => f.entries.some((e) => decoded(e.title) === hostile.title));
    expect(withHostile, 'no topic or author feed holds the hostile title as it is').toBeDefined();
  });

  it.each(Object.keys(SITES) as (keyof typeof roots)[])(
    'feed.json is a JSON Feed 1.1 of the newest briefs, with the same ids and addresses as feed.xml, linked from every page, %s',
    async (name) => {
      await page.goto(roots[name] + 'index.html', { waitUntil: 'load' });
      const href = await page.$eval('link[rel=alternate][type="application/feed+json"]', (l) => (l as HTMLLinkElement).href);
      expect(href).toBe(new URL('feed.json', roots[name]).href);
      const json = JSON.parse(await readFile(path.join(tmp, name, 'feed.json'), 'utf8'));
      const atom = await checkFeed(path.join(tmp, name), 20);
      expect(json.version).toBe('https://jsonfeed.org/version/1.1');
      expect(json.title).toBe('CDT Policy Briefs');
      expect(json.items).toHaveLength(20);
      expect(json.items.map((i: { id: string }) => i.id)).toEqual(atom.entries.map((e) => e.id));
      expect(json.items.map((i: { url: string }) => i.url)).toEqual(atom.entries.map((e) => e.link));
      if (name === 'disk') expect(json.feed_url).toBeUndefined();
      else {
        expect(json.feed_url).toBe(`${PUBLIC[name]}feed.json`);
        expect(json.home_page_url).toBe(PUBLIC[name]);
      }
      for (const item of json.items) {
        expect(item.content_html.length).toBeGreaterThan(200);
        expect(item.date_published).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
        expect(item.attachments[0]).toMatchObject({ mime_type: 'application/pdf', url: expect.stringMatching(/\.pdf$/) });
        // Each page and PDF is where the feed says, once the host is this test's server (or the folder).
        const local = (url: string) => (name === 'disk' ? new URL(url, roots.disk).href : new URL(new URL(url).pathname, roots[name]).href);
        if (name === 'disk') {
          await expect(readFile(new URL(local(item.url)))).resolves.toBeDefined();
        } else {
          const status = await page.evaluate(async (u) => (await fetch(u)).status, local(item.attachments[0].url));
          expect(status).toBe(200);
        }
      }
      const revised = json.items.filter((i: { date_modified?: string }) => i.date_modified);
      expect(revised.length).toBeGreaterThan(0);
    },
  );
});

/** Every topic's and author's Atom feed of an archive, parsed. */
async function readdirFeeds(dir: string) {
  const files = (await listFiles(dir)).filter((f) => /^(tags|authors)\/.*\.xml$/.test(f));
  expect(files.length).toBeGreaterThan(20);
  const feeds = [];
  for (const file of files) {
    const xml = await readFile(path.join(dir, file), 'utf8');
    const count = (xml.match(/<entry>/g) ?? []).length;
    feeds.push(await checkFeed(dir, count, file));
  }
  return feeds;
}
