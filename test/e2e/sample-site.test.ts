/**
 * The sample site as a user gets it: the two real seed texts in sources/, built with
 * `build()` into a temp folder (once per test run, test/setup/sample-site-build.ts; copied here), then checked as a reader would check them — the PDFs by
 * their text, pages, links and metadata, and the archive in real Chromium, served on
 * 127.0.0.1: home, search, tag and author pages, related briefs, feed, links, axe.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/print/browser.js';
import { build, type BuildResult } from '../../scripts/build.js';
import { readBody } from '../../scripts/cache/bodies.js';
import { cacheDirOf } from '../../scripts/core/cache-dir.js';
import { readStore } from '../helpers/build-store.js';
import type { ManifestEntry } from '../../scripts/core/types.js';
import { checkFeed, checkHomeListsBriefs, checkSearchFinds, seriousAxeViolations, wordOnlyIn } from '../helpers/archive-checks.js';
import { checkLinks } from '../helpers/link-check.js';
import { normalizeText, readPdf, sentences, type PdfSummary } from '../helpers/pdf.js';
import { checkPdfUa } from '../../scripts/bench/pdf-ua-check.js';
import { sampleSiteCopy } from '../helpers/sample-site.js';
import { serve, type StaticServer } from '../helpers/serve.js';

let project: string;
let out: string;
let result: BuildResult;
let briefs: ManifestEntry[];
let browser: Browser;
let page: Page;
let site: StaticServer;

const brief = () => briefs.find((b) => b.kind === 'brief')!;
const post = () => briefs.find((b) => b.kind === 'post')!;
/** Straight and curly quotes compare equal (the HTML stage sets typographic ones). */
const plain = (s: string) => normalizeText(s).replace(/[‘’ʼ]/g, "'").replace(/[“”]/g, '"');

async function pdfOf(entry: ManifestEntry): Promise<PdfSummary> {
  return readPdf(new Uint8Array(await readFile(path.join(out, entry.pdf))));
}

/** The sentences of a normalized brief's body: paragraphs and list items, not headings or front matter. */
async function bodySentences(entry: ManifestEntry): Promise<string[]> {
  const markdown = await readFile(path.join(out, entry.markdown), 'utf8');
  return markdown
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .split('\n')
    .filter((line) => line.trim() && !/^#{1,6}\s/.test(line))
    .map((line) =>
      line
        .replace(/^\s*[-*]\s+/, '')
        .replace(/<([^>]+)>/g, '$1')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'),
    )
    .flatMap(sentences);
}

beforeAll(async () => {
  ({ project, cold: result } = await sampleSiteCopy('briefpress-sample-'));
  out = path.join(project, 'dist');
  briefs = result.manifest;
  browser = await launchBrowser();
  page = await browser.newPage();
  site = await serve(out);
});

afterAll(async () => {
  // Under a loaded machine a graceful close has hung once: give it ten seconds, then kill.
  await Promise.race([browser?.close(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
  browser?.process()?.kill('SIGKILL');
  await site?.close();
  if (project) await rm(project, { recursive: true, force: true });
});

describe('the sample site’s PDFs, printed from the seed texts', () => {
  it('builds both seeds without a warning', () => {
    expect(result.messages.filter((m) => /: (error|warning): /.test(m))).toEqual([]);
    expect(briefs.map((b) => b.kind).sort()).toEqual(['brief', 'post']);
  });

  it('prints the one-pager with its title, date, letterhead and every sentence of its body, within budget', async () => {
    const pdf = await pdfOf(brief());
    const text = plain(pdf.text);
    expect(text).toContain('ITU CYBERSECURITY PROPOSALS THREATEN EXISTING SECURITY EFFORTS, INTERNET OPERATIONS, AND HUMAN RIGHTS');
    expect(text).toContain('October 4, 2012');
    for (const detail of [
      'KEEPING THE INTERNET',
      'INNOVATIVE',
      'www.cdt.org',
      'CENTER FOR DEMOCRACY',
      '1634 I Street, NW',
      'Suite 1100',
      'Washington, DC 20006',
      '+1-202-637-9800',
      '+1-202-637-0968',
      'info@cdt.org',
    ]) {
      expect(text).toContain(detail);
    }
    expect((await bodySentences(brief())).filter((s) => !text.includes(plain(s)))).toEqual([]);
    expect(pdf.pages).toBe(brief().pages);
    expect(pdf.pages).toBeLessThanOrEqual(brief().budget);
  });

  it('prints the post with its byline, tags, source URL and every sentence of its body', async () => {
    const pdf = await pdfOf(post());
    const text = plain(pdf.text);
    expect(text).toContain('ITU ILL-SUITED TO REGULATE CYBERSECURITY');
    expect(text).toContain('September 6, 2012');
    expect(text).toContain('Emma Llansó');
    expect(text).toMatch(/WCIT.*ITU/);
    expect(text).toContain('cdt.org/blogs/emma-llanso/0609itu-ill-suited-regulate-cybersecurity');
    expect((await bodySentences(post())).filter((s) => !text.includes(plain(s)))).toEqual([]);
    expect(pdf.pages).toBeLessThanOrEqual(post().budget);
  });

  it('has working links: the cited paper, the contacts’ mailto, the author page', async () => {
    const one = (await pdfOf(brief())).links.map((l) => l.url);
    expect(one).toContain('https://www.cdt.org/files/pdfs/Cybersecurity_ITU_WCIT_Proposals.pdf');
    expect(one).toContain('mailto:ellanso@cdt.org');
    expect(one).toContain('mailto:jdempsey@cdt.org');
    const two = (await pdfOf(post())).links.map((l) => l.url);
    expect(two).toContain('https://www.cdt.org/files/pdfs/Cybersecurity_ITU_WCIT_Proposals.pdf');
    expect(two).toContain('https://cdt.org/personnel/emma-llans%C3%B3');
  });

  it('carries the metadata and is tagged, with an outline from the headings', async () => {
    const pdf = await pdfOf(post());
    expect(pdf.info).toMatchObject({
      Title: 'ITU Ill-Suited to Regulate Cybersecurity',
      Author: 'Emma Llansó',
      Producer: 'briefpress',
      Keywords: 'WCIT, ITU',
    });
    expect(String(pdf.info.Subject)).toMatch(/^The issue of cybersecurity/);
    expect(String(pdf.info.CreationDate)).toMatch(/^D:20120906/);
    const one = await pdfOf(brief());
    expect(one.marked && one.structured).toBe(true);
    expect(one.outline.join('\n')).toMatch(/Key Points/);
  });

  it('passes the PDF/UA-1 checks a machine can make (scripts/bench/pdf-ua-check.ts), every one of them', async () => {
    for (const entry of briefs) {
      const report = await checkPdfUa(new Uint8Array(await readFile(path.join(out, entry.pdf))));
      expect({ pdf: entry.pdf, failures: report.failures }).toEqual({ pdf: entry.pdf, failures: [] });
      expect(report.figures).toBeGreaterThan(0);
      expect(report.links).toBeGreaterThan(0);
    }
  });
});

describe('the sample site’s archive in a browser', () => {
  it('lists both briefs on the home page with working PDF links', async () => {
    await checkHomeListsBriefs(page, site.url, briefs);
  });

  it('finds a word that only one brief’s body has, and opens that brief', async () => {
    const state = await readStore(out);
    const bodies = await Promise.all(
      [...state.briefs.values()].map(async (b) => ({ slug: b.entry.slug, body: await readBody(cacheDirOf(out), b.bodyHash) })),
    );
    const only = wordOnlyIn(bodies);
    expect(only).toBeDefined();
    await checkSearchFinds(
      page,
      site.url,
      only!.word,
      briefs.find((b) => b.slug === only!.slug)!,
    );
  });

  it('has tag and author pages listing the right briefs', async () => {
    await page.goto(`${site.url}tags/wcit.html`, { waitUntil: 'load' });
    expect(await page.$$eval('.card__title a', (as) => as.map((a) => a.textContent?.trim()))).toEqual([post().title]);
    await page.goto(`${site.url}authors/emma-llanso.html`, { waitUntil: 'load' });
    expect(await page.$$eval('.card__title a', (as) => as.map((a) => a.textContent?.trim()))).toEqual([post().title]);
  });

  it('lists each brief as related to the other (they cite the same paper)', async () => {
    for (const [from, to] of [
      [brief(), post()],
      [post(), brief()],
    ] as const) {
      const html = await readFile(path.join(out, from.html), 'utf8');
      const related = html.slice(html.search(/class="[^"]*related/));
      expect(related).toContain(path.basename(to.html));
    }
  });

  it('has an Atom feed with one entry per brief and no broken internal link', async () => {
    expect((await checkFeed(out, 2)).entries).toHaveLength(2);
    expect(await checkLinks(out)).toEqual([]);
  });

  it('has no serious or critical accessibility violation on home, a brief, a tag page and search', async () => {
    for (const url of ['', brief().html, 'tags/itu.html', 'search.html?q=security']) {
      expect(await seriousAxeViolations(page, `${site.url}${url}`), url || 'home').toEqual([]);
    }
  });
});

/** Width and height of a JPEG, from its start-of-frame segment. */
function jpegSize(jpeg: Buffer): { width: number; height: number } | undefined {
  for (let at = 2; at + 9 < jpeg.length; at += 2 + jpeg.readUInt16BE(at + 2)) {
    if (jpeg[at] !== 0xff) return undefined;
    if (jpeg[at + 1]! >= 0xc0 && jpeg[at + 1]! <= 0xc2) return { width: jpeg.readUInt16BE(at + 7), height: jpeg.readUInt16BE(at + 5) };
  }
  return undefined;
}

/** Each picture scaled down by the browser to a grid of grey levels (0–255), coarse enough that antialiasing does not count. */
async function greyGrids(pictures: { type: string; bytes: Buffer }[]): Promise<number[][]> {
  const urls = pictures.map((p) => `data:${p.type};base64,${p.bytes.toString('base64')}`);
  return page.evaluate(async (sources: string[]) => {
    const grids: number[][] = [];
    for (const src of sources) {
      const img = new Image();
      img.src = src;
      await img.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [24, 31];
      const context = canvas.getContext('2d')!;
      context.imageSmoothingQuality = 'high';
      context.drawImage(img, 0, 0, 24, 31);
      const { data } = context.getImageData(0, 0, 24, 31);
      const grid: number[] = [];
      for (let i = 0; i < data.length; i += 4) grid.push(0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!);
      grids.push(grid);
    }
    return grids;
  }, urls);
}

const meanDifference = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length;

describe('the picture of page 1 of each PDF', () => {
  it('is a JPEG of page 1 as printed, listed in the manifest with its size', async () => {
    for (const entry of briefs) {
      expect(entry.cover).toBe(`briefs/${entry.slug}.jpg`);
      const jpeg = await readFile(path.join(out, entry.cover!));
      expect(jpegSize(jpeg)).toEqual({ width: 600, height: 776 });
      expect([entry.cover_width, entry.cover_height]).toEqual([600, 776]);
      // The PDF's pages drawn by another renderer (poppler), at the picture's size.
      const prefix = path.join(project, `page-${entry.slug}`);
      execFileSync('pdftoppm', [
        '-png',
        '-scale-to-x',
        '600',
        '-scale-to-y',
        '776',
        '-f',
        '1',
        '-l',
        '2',
        path.join(out, entry.pdf),
        prefix,
      ]);
      const rendered = (await readdir(project)).filter((f) => f.startsWith(`page-${entry.slug}`)).sort();
      const pages = await Promise.all(rendered.map((f) => readFile(path.join(project, f))));
      const [picture, first, second] = await greyGrids([
        { type: 'image/jpeg', bytes: jpeg },
        ...pages.map((bytes) => ({ type: 'image/png', bytes })),
      ]);
      // Not blank: the letterhead, the title and the text make dark areas on white.
      expect(Math.min(...picture!)).toBeLessThan(160);
      expect(Math.max(...picture!)).toBeGreaterThan(240);
      expect(meanDifference(picture!, first!), entry.slug).toBeLessThan(8);
      // Page 1, not another page of the same brief.
      if (second) expect(meanDifference(picture!, second), entry.slug).toBeGreaterThan(2 * meanDifference(picture!, first!));
    }
  });

  it('is the brief page’s og:image, at its public URL, with its size and a large-image card', async () => {
    for (const entry of briefs) {
      const html = await readFile(path.join(out, entry.html), 'utf8');
      const meta = (property: string) => html.match(new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)">`))?.[1];
      expect(meta('og:image')).toBe(`https://briefs.example.org/${entry.cover}`);
      expect([meta('og:image:width'), meta('og:image:height')]).toEqual(['600', '776']);
      expect(meta('og:image:alt')).toContain('Page 1 of the PDF');
      expect(meta('twitter:card')).toBe('summary_large_image');
    }
  });

  it('shows on the home page’s cards', async () => {
    await page.goto(site.url, { waitUntil: 'load' });
    const widths = await page.$$eval('.card__cover', (imgs) =>
      Promise.all(
        (imgs as HTMLImageElement[]).map(async (img) => {
          img.scrollIntoView();
          if (!img.complete) await new Promise((resolve) => img.addEventListener('load', resolve, { once: true }));
          return img.naturalWidth;
        }),
      ),
    );
    expect(widths).toEqual([600, 600]);
  });

  it('is not written again by a build with nothing changed, and goes with its brief', async () => {
    const file = path.join(out, brief().cover!);
    const before = (await stat(file)).mtimeMs;
    const again = await build({ root: project, quiet: true });
    expect(again.manifest.find((b) => b.slug === brief().slug)?.cover).toBe(brief().cover);
    expect((await stat(file)).mtimeMs).toBe(before);
  });
});
