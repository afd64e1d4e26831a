/**
 * Every kind of archive page, on a generated archive of 160 briefs (the bench's prose,
 * varied dates, topics, accented authors, a title of one long word, long addresses), as
 * published three ways: served at `/`, served under `/briefs/` and opened from disk.
 * html-validate (recommended rules) finds nothing on any page; axe finds no violation of
 * any impact on any page type; nothing is wider than a 390 px phone; a brief's page reads
 * its title first and shows the wordmark once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeArchive } from '../../scripts/archive/write-archive.js';
import { launchBrowser } from '../../scripts/print/browser.js';
import { fixtureConfig, writeBuildOutputs } from '../fixtures/archive/briefs.js';
import { axeViolations } from '../helpers/archive-checks.js';
import { generatedBriefs } from '../helpers/generated-archive.js';
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

const SITES = {
  root: { url: 'https://briefs.example.org/' },
  sub: { url: 'https://example.org', base_path: '/briefs/' },
  disk: {},
};

/** One page of each kind, relative to the archive's folder. */
function pageTypes(): Record<string, string> {
  const tagged = briefs.find((b) => b.tags.length)!;
  const authored = briefs.find((b) => b.authors.length)!;
  const slug = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z\d]+/g, '-')
      .replace(/^-|-$/g, '');
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
  for (const [name, site] of Object.entries(SITES)) {
    const dir = path.join(tmp, name);
    await writeBuildOutputs(dir, briefs);
    await writeArchive(briefs, fixtureConfig(dir, site));
  }
  const [root, sub] = await Promise.all([serve(path.join(tmp, 'root')), serve(path.join(tmp, 'sub'), '/briefs/')]);
  servers.push(root, sub);
  roots.root = root.url;
  roots.sub = sub.url;
  roots.disk = pathToFileURL(path.join(tmp, 'disk')).href + '/';
  browser = await launchBrowser();
}, 120_000);
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

  it.each(Object.keys(SITES) as (keyof typeof roots)[])(
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

  it('no page type is wider than a phone, with a title of one long word and long addresses', async () => {
    await page.setViewport({ width: 390, height: 844 });
    for (const [type, rel] of Object.entries(pageTypes())) {
      await page.goto(roots.root + rel, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, type).toBeLessThanOrEqual(390);
    }
  });

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
});
