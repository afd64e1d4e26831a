/**
 * Real PDFs from real Chromium: the two sample briefs (a CDT 2012 one-pager and blog post,
 * as the normalizer writes them) checked the way a reader would: text, pages, links,
 * metadata, tags, outline, fonts; a hostile page that must fetch nothing; determinism.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPageRenderer } from '../../scripts/render/print-page.js';
import { findBrowser, launchBrowser } from '../../scripts/print/browser.js';
import { loadConfig, type BuildConfig } from '../../scripts/core/config.js';
import { createPrinter, type PdfInfo, type Printer, VIRTUAL_ORIGIN } from '../../scripts/print/printer.js';
import { renderHtml } from '../../scripts/render/markdown-to-html.js';
import type { BriefData, RenderedBrief } from '../../scripts/core/types.js';
import { normalizeText, readPdf, sentences, type PdfSummary } from '../helpers/pdf.js';

const repo = path.join(import.meta.dirname, '../..');
const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'print');

let config: BuildConfig;
let printer: Printer;

async function load(name: string): Promise<{ brief: RenderedBrief; info: PdfInfo; body: string }> {
  const markdown = readFileSync(path.join(fixtures, `${name}.md`), 'utf8');
  const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown) ?? [];
  const data = parseYaml(yaml) as BriefData;
  const file = new VFile({ path: `dist/briefs/${name}.md`, value: markdown });
  const brief = await renderHtml({ file, reader: 'markdown', slug: name, data, markdown }, file);
  const info: PdfInfo = {
    title: data.title,
    authors: (data.authors ?? []).map((a) => a.name),
    subject: data.summary,
    keywords: data.tags ?? [],
    date: data.date,
    language: 'en',
    paper: data.paper ?? 'letter',
  };
  return { brief, info, body };
}

/** The sentences of a Markdown body as plain text: paragraphs and list items, not headings. */
/** A browser of the test's own (the printer connects to it), closed afterwards whatever happens. */
async function withBrowser(use: (browser: Browser) => Promise<void>): Promise<void> {
  const browser = await launchBrowser();
  try {
    await use(browser);
  } finally {
    await browser.close();
  }
}

/** The command lines of this process's children (Linux). */
function childCommandLines(): string[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return ppid === process.pid ? [readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0').join(' ')] : [];
      } catch {
        return [];
      }
    });
}

/** The pages a printer has open in `browser`. */
async function printingPages(browser: Browser) {
  return (await browser.pages()).filter((p) => p.url().startsWith(VIRTUAL_ORIGIN));
}

function bodySentences(body: string): string[] {
  return body
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

/** Straight and curly quotes compare equal (the HTML stage sets typographic ones). */
const plain = (s: string) => normalizeText(s).replace(/[‘’ʼ]/g, "'").replace(/[“”]/g, '"');

async function printBrief(name: string): Promise<{ pdf: Uint8Array; pages: number; summary: PdfSummary; body: string }> {
  const { brief, info, body } = await load(name);
  const { pdf, pages } = await printer.print(createPageRenderer(config).printPage(brief), info);
  return { pdf, pages, summary: await readPdf(pdf), body };
}

beforeAll(async () => {
  await findBrowser(); // a clear failure when no browser is installed
  config = await loadConfig(repo);
  printer = await createPrinter({ config, concurrency: 2 });
});

afterAll(async () => {
  await printer?.close();
});

describe('printing the CDT one-pager', () => {
  let result: Awaited<ReturnType<typeof printBrief>>;
  beforeAll(async () => {
    result = await printBrief('cdt-2012-one-pager');
  });

  it('has the title, the date, the letterhead and every sentence of the body', () => {
    const text = plain(result.summary.text);
    expect(text).toContain('ITU CYBERSECURITY PROPOSALS THREATEN EXISTING SECURITY EFFORTS, INTERNET OPERATIONS, AND HUMAN RIGHTS');
    expect(text).toContain('October 4, 2012');
    for (const detail of [
      'KEEPING THE INTERNET',
      'OPEN • INNOVATIVE • FREE',
      'www.cdt.org',
      'CENTER FOR DEMOCRACY & TECHNOLOGY',
      '1634 I Street, NW',
      'Suite 1100',
      'Washington, DC 20006',
      'P +1-202-637-9800',
      'F +1-202-637-0968',
      'E info@cdt.org',
    ]) {
      expect(text).toContain(detail);
    }
    const missing = bodySentences(result.body).filter((s) => !text.includes(plain(s)));
    expect(missing).toEqual([]);
  });

  it('fits its two-page budget, on US Letter, with the running header and page numbers after page 1', () => {
    expect(result.pages).toBe(result.summary.pages);
    expect(result.pages).toBeLessThanOrEqual(2);
    expect(result.summary.sizes[0]).toEqual([612, 792]);
    expect(result.summary.pageTexts[0]).not.toContain('Page 1 of');
    if (result.pages > 1) {
      expect(result.summary.pageTexts[1]).toContain(`Page 2 of ${result.pages}`);
      expect(result.summary.pageTexts[1]).toContain('ITU CYBERSECURITY PROPOSALS');
    }
  });

  it('links to the web, to e-mail and phone, and back to the archive', () => {
    const urls = result.summary.links.map((l) => l.url);
    expect(urls).toEqual(
      expect.arrayContaining([
        'https://www.cdt.org/',
        'tel:+12026379800',
        'mailto:info@cdt.org',
        'https://briefs.example.org/briefs/cdt-2012-one-pager.html',
        'https://www.cdt.org/files/pdfs/Cybersecurity_ITU_WCIT_Proposals.pdf',
        'mailto:ellanso@cdt.org',
        'mailto:jdempsey@cdt.org',
      ]),
    );
  });

  it('carries its metadata, is tagged, has an outline and embeds its fonts', () => {
    const { info } = result.summary;
    expect(info.Title).toBe('ITU Cybersecurity Proposals Threaten Existing Security Efforts, Internet Operations, and Human Rights');
    expect(info.Author).toBe('Center for Democracy & Technology');
    expect(info.Subject).toMatch(/^The inclusion of security-related measures/);
    expect(info.Keywords).toBe('ITU, cybersecurity');
    expect(info.Producer).toBe('briefpress');
    expect(info.Creator).toBe('briefpress');
    expect(info.CreationDate).toBe('D:20121004000000Z');
    expect(info.ModDate).toBe('D:20121004000000Z');
    expect(info.Language).toBe('en');
    expect(result.summary.marked).toBe(true);
    expect(result.summary.structured).toBe(true);
    expect(result.summary.outline).toEqual([
      'ITU Cybersecurity Proposals Threaten Existing Security Efforts, Internet Operations, and Human Rights',
      '  Cybersecurity Proposals Pending before the ITU Are Too Broad',
      '  Key Points',
      '  Conclusions',
      '  Further Information',
    ]);
    const raw = Buffer.from(result.pdf).toString('latin1');
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+SourceSerif4/);
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+SourceSans3/);
    expect(raw).toContain('/FontFile2');
  });

  it('prints the same bytes twice', async () => {
    const again = await printBrief('cdt-2012-one-pager');
    expect(Buffer.from(again.pdf).equals(Buffer.from(result.pdf))).toBe(true);
  });

  it('prints the same bytes with a browser that makes no frames, as a printer that takes no pictures launches it', async () => {
    const own = await createPrinter({ config, concurrency: 1, pictures: false });
    try {
      const { brief, info } = await load('cdt-2012-one-pager');
      const printed = await own.print(createPageRenderer(config).printPage(brief), info, { picture: true });
      expect(printed.picture).toBeUndefined();
      expect(Buffer.from(printed.pdf).equals(Buffer.from(result.pdf))).toBe(true);
      // Its browser is this process's child launched with the flag; the shared printer's is not.
      const children = childCommandLines();
      expect(children.filter((c) => c.includes('--enable-begin-frame-control'))).toHaveLength(1);
      expect(children.length).toBeGreaterThan(1);
    } finally {
      await own.close();
    }
  });
});

describe('printing a blog post', () => {
  it('has the byline, tags, source line and every sentence, on one page', async () => {
    const { summary, body, pages } = await printBrief('cdt-2012-blog-post');
    const text = plain(summary.text);
    expect(pages).toBe(1);
    expect(text).toContain('ITU ILL-SUITED TO REGULATE CYBERSECURITY');
    expect(text).toContain('By Emma Llansó');
    expect(text).toContain('September 6, 2012');
    expect(text).toMatch(/TAGS WCIT · ITU/);
    expect(text).toContain('https://cdt.org/blogs/emma-llanso/0609itu-ill-suited-regulate-cybersecurity');
    expect(bodySentences(body).filter((s) => !text.includes(plain(s)))).toEqual([]);
    const urls = summary.links.map((l) => l.url);
    expect(urls).toContain('https://cdt.org/personnel/emma-llans%C3%B3');
    expect(urls).toContain('https://cdt.org/blogs/emma-llanso/0609itu-ill-suited-regulate-cybersecurity');
    expect(urls).toContain('https://www.cdt.org/files/pdfs/Cybersecurity_ITU_WCIT_Proposals.pdf');
    expect(summary.info.Author).toBe('Emma Llansó');
  });

  it('prints on A4 when the brief asks for it', async () => {
    const { brief, info } = await load('cdt-2012-blog-post');
    brief.data = { ...brief.data, paper: 'a4' };
    const { pdf } = await printer.print(createPageRenderer(config).printPage(brief), { ...info, paper: 'a4' });
    expect((await readPdf(pdf)).sizes[0]).toEqual([595, 842]);
  });
});

describe('a hostile page', () => {
  let server: Server;
  let hits = 0;
  beforeAll(async () => {
    server = createServer((_, res) => {
      hits++;
      res.end('root:x:0:0:root:/root:/bin/bash');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches nothing but the project’s assets, and no local file reaches the PDF', async () => {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const before = printer.requestsBlocked;
    const html = `<!DOCTYPE html><html><head>
      <link rel="stylesheet" href="assets/styles/fonts.css">
      <link rel="stylesheet" href="${origin}/remote.css">
      <style>@import url(${origin}/import.css); @font-face { font-family: Evil; src: url(${origin}/f.woff2); }
      body { font-family: Evil; background: url(file:///etc/passwd); }</style>
      <script>document.write('<p>SCRIPT RAN</p>')</script></head><body>
      <p>Hostile page</p>
      <img src="file:///etc/passwd"><img src="${origin}/pixel.png"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
      <iframe src="file:///etc/passwd"></iframe><iframe src="${origin}/frame.html"></iframe>
      <object data="file:///etc/hostname"></object><embed src="${origin}/x.swf">
      <video poster="${origin}/poster.png"></video>
      </body></html>`;
    const { pdf } = await printer.print(html, { title: 'Hostile', authors: [], keywords: [], language: 'en', paper: 'letter' });
    const summary = await readPdf(pdf);
    expect(hits).toBe(0);
    // file: addresses are refused by Chromium itself before any request; the rest are counted.
    expect(printer.requestsBlocked - before).toBeGreaterThanOrEqual(6);
    expect(summary.text).toContain('Hostile page');
    expect(summary.text).not.toContain('SCRIPT RAN');
    expect(summary.text).not.toContain('root:');
    expect(Buffer.from(pdf).toString('latin1')).not.toContain('root:x:0');
  });
});

describe('the printer', () => {
  it('prints in parallel on its pool, and close() can be called twice', async () => {
    const own = await createPrinter({ config, concurrency: 2, timeoutMs: 20_000 });
    const { brief, info } = await load('cdt-2012-blog-post');
    const html = createPageRenderer(config).printPage(brief);
    const results = await Promise.all([1, 2, 3].map(() => own.print(html, info)));
    expect(results.map((r) => r.pages)).toEqual([1, 1, 1]);
    expect(own.requestsBlocked).toBe(0);
    await own.close();
    await own.close();
    await expect(own.print(html, info)).rejects.toThrow(/closed/);
  });

  it('replaces a page after its share of prints, so the browser starts small again, and the PDFs stay the same', async () => {
    await withBrowser(async (browser) => {
      const own = await createPrinter({ config, concurrency: 1, printsPerPage: 3, connect: async () => browser });
      const { brief, info } = await load('cdt-2012-blog-post');
      const html = createPageRenderer(config).printPage(brief);
      const seen = new Set<unknown>();
      const printed: Uint8Array[] = [];
      for (let i = 0; i < 7; i++) {
        printed.push((await own.print(html, info)).pdf);
        const pages = await printingPages(browser);
        for (const p of pages) seen.add(p);
      }
      // Replaced after prints 3 and 6: the seventh is on a third page.
      expect(seen.size).toBe(3);
      for (const pdf of printed) expect(Buffer.from(pdf).equals(Buffer.from(printed[0]!))).toBe(true);
      await own.close();
    });
  });

  it('replaces a retired page while briefs wait for one, and serves them all', async () => {
    await withBrowser(async (browser) => {
      const own = await createPrinter({ config, concurrency: 1, printsPerPage: 2, connect: async () => browser });
      const { brief, info } = await load('cdt-2012-blog-post');
      const html = createPageRenderer(config).printPage(brief);
      // Five at once: four wait in line each time the page retires.
      const results = await Promise.all(Array.from({ length: 5 }, () => own.print(html, info)));
      expect(results.map((r) => r.pages)).toEqual([1, 1, 1, 1, 1]);
      const open = await printingPages(browser);
      expect(open).toHaveLength(1);
      await own.close();
    });
  });

  it('opens as many pages as asked at start, up to its concurrency', async () => {
    await withBrowser(async (browser) => {
      const own = await createPrinter({ config, concurrency: 2, pagesAtStart: 5, connect: async () => browser });
      const open = await printingPages(browser);
      expect(open).toHaveLength(2);
      await own.close();
    });
  });

  it('leaves no listener behind on its pages: each one held a printed PDF', async () => {
    await withBrowser(async (browser) => {
      const own = await createPrinter({ config, concurrency: 1, connect: async () => browser });
      const { brief, info } = await load('cdt-2012-blog-post');
      const html = createPageRenderer(config).printPage(brief);
      const counts = async () => {
        const pages = await printingPages(browser);
        return pages.map((p) => [p.listenerCount('error'), p.listenerCount('load')]);
      };
      await own.print(html, info);
      const after1 = await counts();
      for (let i = 0; i < 4; i++) await own.print(html, info);
      expect(after1).toHaveLength(1);
      expect(await counts()).toEqual(after1);
      await own.close();
    });
  });
});
