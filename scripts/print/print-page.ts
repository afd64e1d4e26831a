/**
 * One page of the printer's pool, and one brief printed on it. The page is opened once at
 * the virtual origin with JavaScript off and every request intercepted; each brief is then
 * written into it with `Page.setDocumentContent`, so relative asset URLs resolve there.
 *
 * Printing talks to Chromium through the page's own DevTools session: the brief goes in
 * with one `Page.setDocumentContent` and comes back in one `Page.printToPDF` reply, which
 * costs this process about half the CPU of Puppeteer's `setContent` and `pdf` (a script
 * evaluation, navigation tracking, and the PDF read back in chunks); on a machine whose
 * cores Chromium keeps busy, CPU spent here is time added to the build.
 */
import type { Browser, CDPSession, HTTPRequest, Page } from 'puppeteer-core';
import type { PdfInfo } from './pdf-metadata.js';
import { BLANK_URL } from './intercept.js';

/** Paper sizes in inches, as Puppeteer's `format` gives them. */
const PAPER = { letter: { paperWidth: 8.5, paperHeight: 11 }, a4: { paperWidth: 8.27, paperHeight: 11.7 } } as const;

export interface PrintPage {
  page: Page;
  session: CDPSession;
  frameId: string;
}

export interface OpenPageOptions {
  /** The printer's request interception (intercept.ts). */
  onRequest: (request: HTTPRequest) => void;
  /** Time allowed for one brief; the page's default timeout. */
  timeoutMs: number;
  /** Called when the page's renderer crashes, printing or not. */
  onCrash: (page: Page) => void;
  /** A page the browser has open already (a warm browser's, left by the last build) to use instead of a new one. */
  page?: Page | undefined;
}

export async function openPrintPage(browser: Browser, options: OpenPageOptions): Promise<PrintPage> {
  const page = options.page ?? (await browser.newPage());
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', options.onRequest);
    page.setDefaultTimeout(options.timeoutMs);
    // Opening a page is not printing a brief: a short per-brief timeout must not fail it.
    await page.goto(BLANK_URL, { waitUntil: 'load', timeout: Math.max(options.timeoutMs, 30_000) });
    page.on('error', () => options.onCrash(page));
    // Commands only: the page's events (its load, a crash) come through Puppeteer's own session.
    const session = await page.createCDPSession();
    const { frameTree } = await session.send('Page.getFrameTree');
    return { page, session, frameId: frameTree.frame.id };
  } catch (error) {
    await page.close().catch(() => {});
    throw error;
  }
}

/**
 * Print `html` on `target`: write it into the page, wait for its load and its fonts, print.
 * Fails after `timeoutMs`, or at once when the page's renderer crashes or its browser goes
 * away (then nothing else would end the wait for the page's load).
 */
export async function printOnPage(target: PrintPage, html: string, paper: PdfInfo['paper'], timeoutMs: number): Promise<Uint8Array> {
  const { page, session, frameId } = target;
  let timer: NodeJS.Timeout | undefined;
  let onCrash: ((error: Error) => void) | undefined;
  let onGone: (() => void) | undefined;
  let onLoad: (() => void) | undefined;
  try {
    const work = (async () => {
      const loaded = new Promise<void>((resolve) => {
        onLoad = () => resolve();
        // `on`, not `once`: Puppeteer's `once` registers a wrapper that `off(handler)` does
        // not find, so every print would leave a listener behind, holding its PDF.
        page.on('load', onLoad);
      });
      await session.send('Page.setDocumentContent', { frameId, html });
      await loaded;
      // Every face the page uses has loaded, so every face is embedded.
      await session.send('Runtime.evaluate', { expression: 'document.fonts.ready.then(() => true)', awaitPromise: true });
      const { data } = await session.send('Page.printToPDF', {
        ...PAPER[paper],
        marginTop: 0,
        marginBottom: 0,
        marginLeft: 0,
        marginRight: 0,
        preferCSSPageSize: true,
        printBackground: true,
        generateTaggedPDF: true,
        generateDocumentOutline: true,
        transferMode: 'ReturnAsBase64',
      });
      return Buffer.from(data, 'base64');
    })();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`printing took longer than ${timeoutMs / 1000} s`)), timeoutMs);
      // A renderer that dies leaves the page's pending calls waiting: fail now, as a crash.
      onCrash = (error) => reject(new Error(`the page crashed (${error.message})`));
      page.on('error', onCrash);
      // A killed browser crashes no page: it disconnects, and nothing else ends the wait.
      onGone = () => reject(new Error('the page crashed (Target closed)'));
      page.browser().on('disconnected', onGone);
      page.on('close', onGone);
      if (session.detached || page.isClosed() || !page.browser().connected) onGone();
    });
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
    if (onCrash) page.off('error', onCrash);
    if (onGone) {
      page.browser().off('disconnected', onGone);
      page.off('close', onGone);
    }
    if (onLoad) page.off('load', onLoad);
  }
}
