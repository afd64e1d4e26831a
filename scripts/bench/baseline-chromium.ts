/**
 * The floor: bare Chromium printing the same HTML pages the build printed, with one
 * browser and a pool of `concurrency` reused pages, `page.setContent` then `page.pdf`,
 * no request interception. Each pooled page first opens `baseUrl` once (untimed as part
 * of the pool's set-up, like a printer's warm-up) so that relative asset URLs resolve.
 *
 * With `pictures`, each page also takes the picture of page 1 a build takes (the same
 * style, clip, size and JPEG quality: print/page-picture.ts) with Puppeteer's `screenshot`,
 * as a script printing briefs and their previews would: the floor for a build that takes them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchBrowser } from '../print/browser.js';
import { PAGE_ONE_STYLE, PICTURE_QUALITY, pictureClip } from '../print/page-picture.js';

export interface BaselinePage {
  name: string;
  html: string;
  paper?: 'letter' | 'a4';
}

export interface BaselineOptions {
  concurrency: number;
  executablePath?: string;
  /** A URL each pooled page opens once, so relative URLs in the HTML resolve against it. */
  baseUrl?: string;
  /** Chromium flags besides briefpress's usual ones (browser.ts `launchArgs`), e.g. the printer's `PRINTING_ARGS`. */
  args?: readonly string[];
  /** Write the PDFs here (as a build would); default: keep only their sizes. */
  outDir?: string;
  /** Also take the picture of page 1 of each, as the printer does; default false. */
  pictures?: boolean;
}

export interface BaselineResult {
  documents: number;
  concurrency: number;
  /** Browser launch and page pool set-up. */
  launchMs: number;
  /** Printing every page, set-up excluded. */
  printMs: number;
  totalMs: number;
  msPerPdf: number;
  bytes: number;
  chromiumVersion: string;
  /** Whether it took pictures of page 1 too. */
  pictures: boolean;
}

export async function printBaseline(pages: BaselinePage[], options: BaselineOptions): Promise<BaselineResult> {
  const start = performance.now();
  // The same fonts as the printer: the machine's own are out of reach of both.
  const browser = await launchBrowser(options.executablePath, options.args, { systemFonts: false });
  try {
    const pool: Page[] = await Promise.all(
      Array.from({ length: Math.max(1, options.concurrency) }, async () => {
        const page = await browser.newPage();
        if (options.baseUrl) await page.goto(options.baseUrl);
        // Wide and tall enough for either paper, as the printer's pictures are taken.
        if (options.pictures) await page.setViewport({ width: 816, height: 1123 });
        return page;
      }),
    );
    const launched = performance.now();
    if (options.outDir) await mkdir(options.outDir, { recursive: true });
    let next = 0;
    let bytes = 0;
    await Promise.all(
      pool.map(async (page) => {
        while (next < pages.length) {
          const doc = pages[next++]!;
          await page.setContent(doc.html, { waitUntil: 'load' });
          const pdf = await page.pdf({
            format: doc.paper ?? 'letter',
            printBackground: true,
            preferCSSPageSize: true,
            tagged: true,
            outline: true,
          });
          bytes += pdf.byteLength;
          if (options.outDir) await writeFile(path.join(options.outDir, `${doc.name}.pdf`), pdf);
          if (options.pictures) {
            await page.evaluate((style) => document.head.insertAdjacentHTML('beforeend', style), PAGE_ONE_STYLE);
            const picture = await page.screenshot({ type: 'jpeg', quality: PICTURE_QUALITY, clip: pictureClip(doc.paper ?? 'letter') });
            bytes += picture.byteLength;
            if (options.outDir) await writeFile(path.join(options.outDir, `${doc.name}.jpg`), picture);
          }
        }
      }),
    );
    const done = performance.now();
    return {
      documents: pages.length,
      concurrency: pool.length,
      launchMs: Math.round(launched - start),
      printMs: Math.round(done - launched),
      totalMs: Math.round(done - start),
      msPerPdf: pages.length ? (done - launched) / pages.length : 0,
      bytes,
      chromiumVersion: await browser.version(),
      pictures: options.pictures === true,
    };
  } finally {
    await browser.close();
  }
}
