/**
 * Checks of a built archive, usable against any output folder (the fixture archive in
 * these tests, or the real sample build): the home page lists the briefs with working
 * PDF links, search finds a brief and opens it, the feed is Atom, axe finds nothing
 * serious. They throw (node:assert) with a message naming what is wrong.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Page } from 'puppeteer-core';
import { bodyText } from '../../scripts/archive/search/search-index.js';

const require = createRequire(import.meta.url);

export interface BriefRef {
  slug: string;
  title: string;
  /** Paths relative to the output folder. */
  html: string;
  pdf: string;
}

/** Open the home page at `siteUrl` and check it lists every brief, with a PDF link that serves a PDF. */
export async function checkHomeListsBriefs(page: Page, siteUrl: string, briefs: BriefRef[]): Promise<void> {
  await page.goto(siteUrl, { waitUntil: 'load' });
  const cards = await page.$$eval('.card', (els) =>
    els.map((el) => ({
      title: el.querySelector('.card__title a')?.textContent?.trim() ?? '',
      page: (el.querySelector('.card__title a') as HTMLAnchorElement | null)?.href ?? '',
      pdf: (el.querySelector('a.pdf-link') as HTMLAnchorElement | null)?.href ?? '',
      pdfText: el.querySelector('a.pdf-link')?.textContent ?? '',
    })),
  );
  assert.equal(cards.length, briefs.length, `home lists ${cards.length} briefs, expected ${briefs.length}`);
  for (const brief of briefs) {
    const card = cards.find((c) => c.page.endsWith(`/${brief.html}`));
    assert.ok(card, `home has no link to ${brief.html}`);
    assert.equal(card.title, brief.title);
    assert.ok(card.pdf.endsWith(`/${brief.pdf}`), `PDF link of ${brief.slug} is ${card.pdf}`);
    assert.match(card.pdfText, /\d+ pages? · \d/, `PDF link of ${brief.slug} lacks page count and size`);
    const head = await page.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, type: res.headers.get('content-type'), start: (await res.text()).slice(0, 5) };
    }, card.pdf);
    assert.deepEqual([head.status, head.start], [200, '%PDF-'], `PDF of ${brief.slug} at ${card.pdf}: ${JSON.stringify(head)}`);
  }
}

/**
 * From `startUrl`, type `word` into the page's search box and submit; the results must be
 * exactly `expected`, and following the result must open its page.
 */
export async function checkSearchFinds(page: Page, startUrl: string, word: string, expected: BriefRef): Promise<void> {
  await page.goto(startUrl, { waitUntil: 'load' });
  const box = 'form[role="search"] input[name="q"]';
  await page.type(box, word);
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.$eval(box, (el) => (el as HTMLInputElement).form?.requestSubmit()),
  ]);
  // The page says it is loading its index, then shows the results by itself.
  await page.waitForFunction(
    () => !['', 'Loading the search index…'].includes(document.getElementById('search-status')?.textContent?.trim() ?? ''),
    { timeout: 60_000 },
  );
  const results = await page.$$eval('#search-results .card__title a', (els) =>
    els.map((a) => ({ title: a.textContent ?? '', href: (a as HTMLAnchorElement).href })),
  );
  assert.deepEqual(
    results.map((r) => r.title),
    [expected.title],
    `search for "${word}" found ${JSON.stringify(results)}`,
  );
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#search-results .card__title a')]);
  assert.ok(page.url().endsWith(`/${expected.html}`), `the search result opened ${page.url()}, not ${expected.html}`);
  assert.equal(await page.$eval('h1', (h) => h.textContent?.trim()), expected.title);
}

/** A word of at least 7 letters that occurs in exactly one brief's body, for search checks. */
export function wordOnlyIn(briefs: { slug: string; body: string }[]): { word: string; slug: string } | undefined {
  const words = briefs.map(
    (b) =>
      new Set(
        bodyText(b.body)
          .toLowerCase()
          .match(/\p{L}{7,}/gu) ?? [],
      ),
  );
  const count = new Map<string, number>();
  for (const set of words) for (const w of set) count.set(w, (count.get(w) ?? 0) + 1);
  for (const [i, set] of words.entries()) {
    const word = [...set].sort().find((w) => count.get(w) === 1);
    if (word) return { word, slug: briefs[i]!.slug };
  }
  return undefined;
}

export interface AtomSummary {
  title: string;
  updated: string;
  /** The feed's `rel="self"` address. */
  self: string;
  entries: { id: string; title: string; link: string; updated: string }[];
}

/** Parse `feed.xml` (or `file`) as Atom and check it has `count` entries, each with id, title, link and date. */
export async function checkFeed(outDir: string, count: number, file = 'feed.xml'): Promise<AtomSummary> {
  const xml = await readFile(path.join(outDir, file), 'utf8');
  const valid = XMLValidator.validate(xml);
  assert.equal(valid, true, `feed.xml is not well-formed XML: ${JSON.stringify(valid)}`);
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (name) => ['entry', 'link', 'author', 'category'].includes(name),
  }).parse(xml);
  const feed = doc.feed;
  assert.ok(feed, 'feed.xml has no <feed> root');
  assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom', 'feed.xml is not in the Atom namespace');
  const entries = (feed.entry ?? []) as Record<string, unknown>[];
  assert.equal(entries.length, count, `feed.xml has ${entries.length} entries, expected ${count}`);
  const text = (v: unknown) =>
    typeof v === 'object' && v !== null ? String((v as Record<string, unknown>)['#text'] ?? '') : String(v ?? '');
  const summary = entries.map((e) => {
    const links = (e.link ?? []) as Record<string, string>[];
    const link = links.find((l) => !l['@rel'] || l['@rel'] === 'alternate')?.['@href'] ?? '';
    return { id: text(e.id), title: text(e.title), link, updated: text(e.updated) };
  });
  for (const e of summary) {
    assert.ok(e.id && e.title && e.link && !Number.isNaN(Date.parse(e.updated)), `incomplete feed entry ${JSON.stringify(e)}`);
  }
  assert.equal(new Set(summary.map((e) => e.id)).size, count, 'feed entry ids are not unique');
  const self = ((feed.link ?? []) as Record<string, string>[]).find((l) => l['@rel'] === 'self')?.['@href'] ?? '';
  return { title: text(feed.title), updated: text(feed.updated), self, entries: summary };
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Run axe-core in the page at `url`; the violations of impact serious or critical. */
export async function seriousAxeViolations(page: Page, url: string): Promise<AxeViolation[]> {
  return (await axeViolations(page, url)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Every axe violation on the page at `url`, of any impact. */
export async function axeViolations(page: Page, url: string): Promise<AxeViolation[]> {
  await page.goto(url, { waitUntil: 'load' });
  return axeViolationsHere(page);
}

let axeSource: Promise<string> | undefined;

/**
 * Every axe violation on the page as it is now (loaded by the caller), of any impact. axe is
 * evaluated in the page from a string read once, not added as a script tag (which sent and
 * parsed its 500 KB again as a document script on every page: as long as axe's own run).
 */
export async function axeViolationsHere(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(() => document.fonts.ready);
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(await axeSource);
  return runAxe(page);
}

/**
 * Every axe violation on the page at `url` in light mode, then in dark mode (the system
 * setting, emulated on the same page: loaded once, axe added once).
 */
export async function axeViolationsLightAndDark(page: Page, url: string): Promise<{ light: AxeViolation[]; dark: AxeViolation[] }> {
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  const light = await axeViolations(page, url);
  const scheme = () => page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
  assert.equal(await scheme(), 'light', `${url} is not light`);
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  assert.equal(await scheme(), 'dark', `${url} did not turn dark`);
  const dark = await runAxe(page);
  await page.emulateMediaFeatures([]);
  return { light, dark };
}

/** Run axe (already added to the page) on the page as it is. */
async function runAxe(page: Page): Promise<AxeViolation[]> {
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations;
}
