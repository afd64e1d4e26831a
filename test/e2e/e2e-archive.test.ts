/**
 * The archive in real Chromium: served on 127.0.0.1 at `/` and under `/briefs/`, and
 * opened from `file://`. Home lists the briefs with working PDF links; search finds a
 * word from one brief's body and opens it; filters work; tag and author pages list the
 * right briefs; axe finds no serious or critical violation.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchViewer } from '../helpers/viewer-browser.js';
import type { ArchiveBrief } from '../../scripts/core/types.js';
import { writeArchive } from '../../scripts/archive/write-archive.js';
import { fixtureBriefs, fixtureConfig, writeBuildOutputs } from '../fixtures/archive/briefs.js';
import { checkHomeListsBriefs, checkSearchFinds, seriousAxeViolations, wordOnlyIn } from '../helpers/archive-checks.js';
import { checkLinks } from '../helpers/link-check.js';
import { serve, type StaticServer } from '../helpers/serve.js';

let tmp: string;
let browser: Browser;
let page: Page;
let root: StaticServer;
let sub: StaticServer;
const briefs: ArchiveBrief[] = fixtureBriefs();
const bySlug = (slug: string) => briefs.find((b) => b.slug === slug)!;

async function build(name: string, site: { url?: string; base_path?: string }, searchPartSize?: number) {
  const dir = path.join(tmp, name);
  await writeBuildOutputs(dir, briefs);
  await writeArchive(briefs, fixtureConfig(dir, site), { searchPartSize });
  return dir;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'briefpress-e2e-archive-'));
  const [rootDir, subDir] = await Promise.all([
    build('root', { url: 'https://briefs.example.org/' }),
    // Its search index in parts (four, two of them empty), as an archive of a few thousand briefs has.
    build('sub', { base_path: '/briefs/', url: 'https://example.org' }, 1),
  ]);
  [root, sub, browser] = await Promise.all([serve(rootDir), serve(subDir, '/briefs/'), launchViewer()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), root?.close(), sub?.close()]);
  await rm(tmp, { recursive: true, force: true });
});
beforeEach(async () => {
  page = await browser.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
});
afterEach(() => page.close());

describe('served at the domain root', () => {
  it('home lists every brief with a working PDF link', async () => {
    await checkHomeListsBriefs(page, root.url, briefs);
  });

  it('search finds a word that is only in one brief body and opens that brief', async () => {
    const only = wordOnlyIn(briefs);
    expect(only).toBeDefined();
    await checkSearchFinds(page, `${root.url}tags/itu.html`, only!.word, bySlug(only!.slug));
  });

  it('the kind, topic, year and author filters choose among every brief, and the choice is kept in the URL', async () => {
    await page.goto(root.url);
    expect(await page.$eval('#filters', (f) => (f as HTMLFormElement).hidden)).toBe(false);
    await page.click('input[name="kind"][value="post"]');
    const shown = () => page.$$eval('#filter-results:not([hidden]) .card .card__title a', (as) => as.map((a) => a.textContent));
    await page.waitForFunction(() => document.querySelectorAll('#filter-results .card').length > 0);
    expect(await shown()).toEqual(['ITU Ill-Suited to Regulate Cybersecurity', 'Intermediary Liability and Free Expression']);
    expect(await page.$eval('#year-2012', (h) => (h.closest('section') as HTMLElement).hidden)).toBe(true);
    await page.select('#filter-tag', 'cybersecurity');
    expect(await shown()).toEqual(['ITU Ill-Suited to Regulate Cybersecurity']);
    expect(await page.$eval('.filters__status', (s) => s.textContent)).toBe('1 of 4 publications');
    expect(page.url()).toContain('#kind=post&tag=cybersecurity');
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('#filter-results .card').length > 0);
    expect(await shown()).toEqual(['ITU Ill-Suited to Regulate Cybersecurity']);
    // A combination nothing matches says so, and offers the way back.
    await page.select('#filter-year', '2011');
    expect(await shown()).toEqual([]);
    expect(await page.$eval('.filters__status', (s) => s.textContent)).toBe('No publication matches these filters.');
    expect(await page.$eval('.filter-results__empty', (p) => (p as HTMLElement).hidden)).toBe(false);
    await page.click('.filter-results__empty button');
    await page.waitForFunction(() => (document.getElementById('filter-results') as HTMLElement).hidden);
    expect(await page.$$eval('[data-year] .card', (c) => c.filter((x) => (x as HTMLElement).offsetParent !== null).length)).toBe(4);
    await page.select('#filter-author', 'emma-llanso');
    expect(await shown()).toEqual(['ITU Ill-Suited to Regulate Cybersecurity', 'Intermediary Liability and Free Expression']);
  });

  it('search folds accents and hyphens, takes "quoted phrases", says what it matched and marks it', async () => {
    const search = async (q: string) => {
      await page.goto(`${root.url}search.html?q=${encodeURIComponent(q)}`, { waitUntil: 'load' });
      await page.waitForFunction(() => /publication/.test(document.getElementById('search-status')?.textContent ?? ''));
      return {
        status: await page.$eval('#search-status', (s) => s.textContent),
        titles: await page.$$eval('#search-results .card__title a', (as) => as.map((a) => a.textContent)),
        marks: await page.$$eval('#search-results mark', (ms) => [...new Set(ms.map((m) => m.textContent))]),
      };
    };
    // Emma Llansó, without the accent.
    expect((await search('llanso')).titles).toEqual([
      'ITU Ill-Suited to Regulate Cybersecurity',
      'Intermediary Liability and Free Expression',
    ]);
    // "Ill-Suited", written whole or with its hyphen.
    for (const q of ['illsuited', 'ill-suited']) {
      const found = await search(q);
      expect(found.titles, q).toEqual(['ITU Ill-Suited to Regulate Cybersecurity']);
      expect(found.marks, q).toEqual(['Ill-Suited']);
    }
    // A phrase's words as typed: "privac" is no prefix search inside quotes.
    expect((await search('"mobile privac"')).status).toBe('No publication matches “"mobile privac"”.');
    expect((await search('"mobile privacy"')).titles).toEqual([bySlug('location-privacy-and-mobile-apps').title]);
    // No brief has both words: it says so, and shows those with either.
    const either = await search('zeitgeist geolocation');
    expect(either.status).toBe('No publication has all the words of “zeitgeist geolocation”; 2 have some of them.');
    expect(either.titles).toHaveLength(2);
    const marked = await search('cybersecurity');
    expect(marked.marks.sort()).toEqual(['Cybersecurity', 'cybersecurity']);
  });

  it('without JavaScript the home page lists everything and hides the filter form', async () => {
    await page.setJavaScriptEnabled(false);
    await page.goto(root.url);
    expect(await page.$$eval('.card', (cards) => cards.filter((c) => (c as HTMLElement).offsetParent !== null).length)).toBe(4);
    expect(await page.$eval('#filters', (f) => getComputedStyle(f).display)).toBe('none');
  });

  it('tag and author pages list the right briefs', async () => {
    const titles = async (url: string) => {
      await page.goto(url);
      return page.$$eval('.card__title a', (as) => as.map((a) => a.textContent));
    };
    expect(await titles(`${root.url}tags/cybersecurity.html`)).toEqual([
      bySlug('itu-cybersecurity-proposals-threaten-existing-security-efforts').title,
      'ITU Ill-Suited to Regulate Cybersecurity',
    ]);
    expect(await titles(`${root.url}authors/emma-llanso.html`)).toEqual([
      'ITU Ill-Suited to Regulate Cybersecurity',
      'Intermediary Liability and Free Expression',
    ]);
    expect(await titles(`${root.url}tags/privacy.html`)).toEqual([bySlug('location-privacy-and-mobile-apps').title]);
  });

  it('a year page links the years before and after it, and every year', async () => {
    await page.goto(`${root.url}years/2011.html`);
    expect(await page.$$eval('.pager a', (as) => as.map((a) => [a.className, a.textContent?.trim()]))).toEqual([
      ['pager__newer', '← 2012'],
    ]);
    await Promise.all([page.waitForNavigation(), page.click('.pager__newer')]);
    expect(page.url()).toBe(`${root.url}years/2012.html`);
    expect(await page.$$eval('.pager a', (as) => as.map((a) => a.className))).toEqual(['pager__older']);
    expect(await page.$$eval('.topic-cloud li', (li) => li.map((l) => l.textContent?.replace(/\s+/g, ' ').trim()))).toEqual([
      '2012 2',
      '2011 2',
    ]);
    expect(await page.$eval('[aria-current="page"].tag', (t) => t.textContent?.trim())).toMatch(/^2012/);
  });

  it('a brief page loads its fonts and styles, and links its related brief', async () => {
    await page.goto(`${root.url}briefs/itu-ill-suited-to-regulate-cybersecurity.html`);
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check("16px 'Source Serif 4'"))).toBe(true);
    expect(await page.$eval('.brief__title', (h) => getComputedStyle(h).textTransform)).toBe('none');
    expect(await page.$$eval('.related a', (as) => as.map((a) => a.textContent))).toContain(
      bySlug('itu-cybersecurity-proposals-threaten-existing-security-efforts').title,
    );
    expect(await page.$eval('a.button--primary', (a) => a.getAttribute('href'))).toBe('itu-ill-suited-to-regulate-cybersecurity.pdf');
  });

  it('printed from the browser, a brief page keeps only the letterhead and the brief', async () => {
    await page.goto(`${root.url}briefs/itu-cybersecurity-proposals-threaten-existing-security-efforts.html`);
    await page.emulateMediaType('print');
    const shown = await page.evaluate(() =>
      ['.site-header', '.site-footer', '.brief__actions', '.related', '.letterhead', '.letterhead__address', '.brief__body'].map((sel) => [
        sel,
        getComputedStyle(document.querySelector(sel)!).display !== 'none',
      ]),
    );
    expect(Object.fromEntries(shown)).toEqual({
      '.site-header': false,
      '.site-footer': false,
      '.brief__actions': false,
      '.related': false,
      '.letterhead': true,
      '.letterhead__address': true,
      '.brief__body': true,
    });
  });

  it('a missing page gets the 404 page, with working links at any depth', async () => {
    const res = await page.goto(`${root.url}no/such/page.html`);
    expect(res?.status()).toBe(404);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Page not found');
    const css = await page.$eval('link[href$="site.css"]', (l) => (l as HTMLLinkElement).sheet?.cssRules.length ?? 0);
    expect(css).toBeGreaterThan(10);
  });

  it('axe finds no serious or critical violation on home, a brief, a tag page and search', async () => {
    for (const url of [
      root.url,
      `${root.url}briefs/itu-ill-suited-to-regulate-cybersecurity.html`,
      `${root.url}tags/itu.html`,
      `${root.url}search.html?q=cybersecurity`,
      `${root.url}authors/index.html`,
    ]) {
      expect(await seriousAxeViolations(page, url), url).toEqual([]);
    }
  });
});

describe('served under /briefs/', () => {
  it('has no broken link and loads every asset', async () => {
    expect(await checkLinks(path.join(tmp, 'sub'), { basePath: '/briefs/' })).toEqual([]);
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    for (const rel of ['', 'briefs/itu-ill-suited-to-regulate-cybersecurity.html', 'tags/itu.html', 'search.html?q=itu']) {
      await page.goto(`${sub.url}${rel}`, { waitUntil: 'networkidle0' });
    }
    expect(failed).toEqual([]);
    expect(sub.requests.some((r) => r.startsWith('/briefs/assets/fonts/'))).toBe(true);
  });

  it('home and search work, with the search index in parts', async () => {
    await checkHomeListsBriefs(page, sub.url, briefs);
    await checkSearchFinds(page, sub.url, 'geolocation', bySlug('location-privacy-and-mobile-apps'));
    await checkSearchFinds(page, sub.url, 'zeitgeist', bySlug('itu-ill-suited-to-regulate-cybersecurity'));
    // A word in every brief finds all four, from both parts that hold briefs, with their count.
    await page.goto(`${sub.url}search.html?q=only`, { waitUntil: 'load' });
    await page.waitForFunction(() => /publication/.test(document.getElementById('search-status')?.textContent ?? ''));
    expect(await page.$eval('#search-status', (s) => s.textContent)).toBe('4 publications have “only”.');
    expect(await page.$$eval('#search-results .card', (c) => c.length)).toBe(4);
    await page.goto(`${sub.url}search.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => /Type a word/.test(document.getElementById('search-status')?.textContent ?? ''));
    expect(await page.$eval('#search-status', (s) => s.textContent)).toContain('search 4 publications');
  });
});

describe('pictures of page 1 on the cards', () => {
  it('load at the domain root, under /briefs/ and from disk, decorative and sized before they load', async () => {
    for (const home of [root.url, sub.url, pathToFileURL(path.join(tmp, 'root', 'index.html')).href]) {
      await page.goto(home, { waitUntil: 'load' });
      // Lazy pictures load when they come near the view: bring each there, and wait for it.
      const pictures = await page.$$eval('.card__cover', (imgs) =>
        Promise.all(
          (imgs as HTMLImageElement[]).map(async (img) => {
            const box = img.getBoundingClientRect();
            img.scrollIntoView();
            if (!img.complete) await new Promise((resolve) => img.addEventListener('load', resolve, { once: true }));
            return {
              naturalWidth: img.naturalWidth,
              alt: img.getAttribute('alt'),
              height: Math.round(box.height),
              width: Math.round(box.width),
            };
          }),
        ),
      );
      expect(pictures, home).toHaveLength(briefs.length);
      for (const picture of pictures) {
        expect(picture.naturalWidth, home).toBeGreaterThan(0);
        expect(picture.alt, home).toBe('');
        // Its box has the page's shape before the file arrives (width and height attributes): no layout shift.
        expect(picture.height / picture.width, home).toBeCloseTo(776 / 600, 1);
      }
    }
  });
});

describe('the 404 page', () => {
  // A rule of site.css (its rules cannot be read from a file: page).
  const styled = () => page.$eval('.skip-link', (a) => getComputedStyle(a).position === 'absolute');

  it('is styled and its links work under /briefs/, at any depth', async () => {
    const res = await page.goto(`${sub.url}no/such/page.html`);
    expect(res?.status()).toBe(404);
    expect(await styled()).toBe(true);
    await Promise.all([page.waitForNavigation(), page.click('.site-nav a[href$="tags/index.html"]')]);
    expect(page.url()).toBe(`${sub.url}tags/index.html`);
  });

  it('is styled and its links work opened from disk', async () => {
    await page.goto(pathToFileURL(path.join(tmp, 'root', '404.html')).href);
    expect(await styled()).toBe(true);
    await Promise.all([page.waitForNavigation(), page.click('.site-nav a[href$="tags/index.html"]')]);
    expect(page.url()).toBe(pathToFileURL(path.join(tmp, 'root', 'tags', 'index.html')).href);
  });
});

describe('printed from the browser', () => {
  it('uses the configured paper', async () => {
    const a4 = path.join(tmp, 'a4');
    await writeBuildOutputs(a4, briefs);
    const config = fixtureConfig(a4, {});
    await writeArchive(briefs, { ...config, print: { ...config.print, paper: 'a4' } });
    const sizeOf = async (dir: string) => {
      await page.goto(pathToFileURL(path.join(dir, 'briefs', 'itu-ill-suited-to-regulate-cybersecurity.html')).href);
      const pdf = await page.pdf({ preferCSSPageSize: true });
      const box = Buffer.from(pdf)
        .toString('latin1')
        .match(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/);
      return box?.slice(1).map((n) => Math.round(Number(n)));
    };
    expect(await sizeOf(a4)).toEqual([595, 842]); // A4, 210 × 297 mm
    expect(await sizeOf(path.join(tmp, 'root'))).toEqual([612, 792]); // Letter
  });
});

describe('opened from file://', () => {
  it('search works from the home page, without a server', async () => {
    const home = pathToFileURL(path.join(tmp, 'root', 'index.html')).href;
    await checkSearchFinds(page, home, 'zeitgeist', bySlug('itu-ill-suited-to-regulate-cybersecurity'));
    expect(page.url()).toMatch(/^file:/);
  });

  it('links between pages resolve on disk', async () => {
    await page.goto(pathToFileURL(path.join(tmp, 'root', 'tags', 'itu.html')).href);
    await Promise.all([page.waitForNavigation(), page.click('.site-nav a[href$="index.html"]')]);
    expect(page.url()).toBe(pathToFileURL(path.join(tmp, 'root', 'index.html')).href);
    expect(await page.$$eval('.card', (c) => c.length)).toBe(4);
  });
});

describe('a large archive', () => {
  it('search shows 50 results at a time, from every part of the index, with a button for more', async () => {
    const [first] = briefs;
    const many = Array.from({ length: 130 }, (_, i) => {
      const slug = `brief-${String(i).padStart(3, '0')}`;
      return {
        ...first!,
        slug,
        title: `Brief ${i}`,
        html: `briefs/${slug}.html`,
        pdf: `briefs/${slug}.pdf`,
        markdown: `briefs/${slug}.md`,
        source: `sources/${slug}.txt`,
      };
    });
    const dir = path.join(tmp, 'many');
    await writeBuildOutputs(dir, many);
    await writeArchive(many, fixtureConfig(dir, {}), { searchPartSize: 40 });
    await page.goto(`${pathToFileURL(path.join(dir, 'search.html')).href}?q=cybersecurity`, { waitUntil: 'load' });
    await page.waitForFunction(() => /publication/.test(document.getElementById('search-status')?.textContent ?? ''));
    const shown = () => page.$$eval('#search-results .card', (c) => c.length);
    const button = () => page.$eval('.search-more', (b) => ((b as HTMLButtonElement).hidden ? null : b.textContent));
    expect(await page.$eval('#search-status', (s) => s.textContent)).toBe('130 publications have “cybersecurity”.');
    expect([await shown(), await button()]).toEqual([50, 'Show more results (80 left)']);
    await page.click('.search-more');
    expect([await shown(), await button()]).toEqual([100, 'Show more results (30 left)']);
    // Focus moves to the first new result, for keyboard and screen reader users.
    expect(await page.evaluate(() => document.activeElement?.closest('li') === document.querySelectorAll('#search-results li')[50])).toBe(
      true,
    );
    await page.click('.search-more');
    expect([await shown(), await button()]).toEqual([130, null]);
    const titles = await page.$$eval('#search-results .card__title a', (as) => as.map((a) => a.textContent));
    expect(new Set(titles).size).toBe(130);

    // The home page lists the 50 newest; its filters choose among all 130, with the counts of all.
    await page.goto(pathToFileURL(path.join(dir, 'index.html')).href);
    expect(await page.$$eval('[data-year] .card', (c) => c.length)).toBe(50);
    expect(await page.$eval('#filter-tag option[value="cybersecurity"]', (o) => o.textContent)).toBe('Cybersecurity (130)');
    await page.select('#filter-tag', 'cybersecurity');
    await page.waitForFunction(() => document.querySelectorAll('#filter-results .card').length > 0);
    expect(await page.$eval('.filters__status', (s) => s.textContent)).toBe('130 of 130 publications');
    expect(await page.$$eval('#filter-results .card', (c) => c.length)).toBe(50);
    await page.click('#filter-results .search-more');
    await page.click('#filter-results .search-more');
    const filtered = await page.$$eval('#filter-results .card__title a', (as) => as.map((a) => a.getAttribute('href')));
    expect(new Set(filtered).size).toBe(130);
  });
});
