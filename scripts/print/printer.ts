/**
 * The PDF stage: full HTML pages → PDFs, with one browser per build and a pool of reused
 * pages printing in parallel. Each pooled page is opened once at a virtual origin
 * (`https://briefpress.invalid/`, a name that never resolves) and each brief is written
 * into it with `Page.setDocumentContent`, so relative asset URLs resolve there. Request interception
 * answers the project's own assets from memory (read once), lets `data:` URLs through and
 * refuses everything else, counting it in `requestsBlocked`. JavaScript is off. A print
 * that takes longer than `timeoutMs` fails alone; its page is replaced. When the browser
 * or a page crashes, the next print starts a new one, and a print cut short by the crash is
 * tried again (up to MAX_ATTEMPTS times; at most MAX_RELAUNCHES new browsers per printer).
 * `close()` is idempotent, and the browser is killed if the process exits first.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, CDPSession, HTTPRequest, Page } from 'puppeteer-core';
import { projectAssets } from '../render/assets.js';
import { launchBrowser, PRINTING_ARGS } from './browser.js';
import type { BuildConfig } from '../core/config.js';
import { setPdfMetadata, type PdfInfo } from './pdf-metadata.js';

export type { PdfInfo } from './pdf-metadata.js';

export interface Printer {
  print(html: string, info: PdfInfo): Promise<{ pdf: Uint8Array; pages: number }>;
  close(): Promise<void>;
  /** Requests refused so far: anything that is not a project asset or a `data:` URL. */
  readonly requestsBlocked: number;
}

export interface PrinterOptions {
  config: BuildConfig;
  /** Browser binary; default: `findBrowser()`. */
  executablePath?: string;
  /** Pages printing at once; default `config.concurrency`. */
  concurrency?: number;
  /** Time allowed for one brief, load and print; default 30 s. */
  timeoutMs?: number;
  /** Briefs a page prints before another replaces it; default `PRINTS_PER_PAGE`. */
  printsPerPage?: number;
  /** Pages opened at once when the printer starts (at most `concurrency`); default 1. The others open when first needed. */
  pagesAtStart?: number;
  /** Connect to a running browser instead of launching one (remote-browser.ts); `close()` then closes this printer's pages and disconnects, leaving that browser running. */
  connect?: () => Promise<Browser>;
}

export const VIRTUAL_ORIGIN = 'https://briefpress.invalid/';
const BLANK_URL = `${VIRTUAL_ORIGIN}print.html`;
// The data: icon keeps Chromium from asking for /favicon.ico.
const BLANK_PAGE = '<!DOCTYPE html><title>briefpress</title><link rel="icon" href="data:,">';
/** How many times one printer starts a new browser after a crash. */
const MAX_RELAUNCHES = 3;
/** How many times one brief is tried when the browser or its page crashes while printing it. */
const MAX_ATTEMPTS = 3;
/**
 * Briefs one page prints before it is closed and another opened in its place: a renderer
 * grows slowly over thousands of documents (caches, fragmentation), and a fresh one
 * starts small again, so that the browser's memory does not grow with the number of briefs.
 */
export const PRINTS_PER_PAGE = 500;

interface Served {
  body: Buffer;
  type: string;
}

/** Paper sizes in inches, as Puppeteer's `format` gives them. */
const PAPER = { letter: { paperWidth: 8.5, paperHeight: 11 }, a4: { paperWidth: 8.27, paperHeight: 11.7 } } as const;

/**
 * A pooled page's own DevTools session and its main frame. Printing talks to Chromium
 * through it directly: the brief goes in with one `Page.setDocumentContent` and comes
 * back in one `Page.printToPDF` reply, which costs this process about half the CPU of
 * Puppeteer's `setContent` and `pdf` (a script evaluation, navigation tracking, and the
 * PDF read back in chunks) — and on a machine whose cores Chromium keeps busy, every
 * millisecond spent here is a millisecond added to the build.
 */
interface Driver {
  session: CDPSession;
  frameId: string;
  /** Briefs printed on this page so far. */
  prints: number;
}

export async function createPrinter(options: PrinterOptions): Promise<Printer> {
  const { config, executablePath } = options;
  const concurrency = Math.max(1, options.concurrency ?? config.concurrency);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const printsPerPage = Math.max(1, options.printsPerPage ?? PRINTS_PER_PAGE);
  const served = new Map<string, Served>();
  for (const asset of await projectAssets(config)) {
    served.set(`${VIRTUAL_ORIGIN}${asset.url}`, { body: await readFile(asset.file), type: asset.type });
  }
  served.set(BLANK_URL, { body: Buffer.from(BLANK_PAGE), type: 'text/html; charset=utf-8' });

  let blocked = 0;
  let closed = false;
  let launches = 0;
  let browser: Promise<Browser> | undefined;
  // Each browser is a generation; pages count against `concurrency` only in their own.
  let generation = 0;
  const generationOf = new WeakMap<Page, number>();
  const drivers = new WeakMap<Page, Driver>();
  /** Pages whose renderer crashed, printing or not. */
  const crashed = new WeakSet<Page>();
  const idle: Page[] = [];
  const waiting: { resolve: (page: Page) => void; reject: (error: unknown) => void }[] = [];
  let pagesOpen = 0;

  const killOnExit = () => {
    void browser?.then((b) => b.process()?.kill('SIGKILL')).catch(() => {});
  };
  process.once('exit', killOnExit);

  function onRequest(request: HTTPRequest): void {
    const url = request.url();
    if (url.startsWith('data:')) return void request.continue().catch(() => {});
    const hit = request.method() === 'GET' ? served.get(url.split(/[?#]/)[0]!) : undefined;
    if (hit) {
      void request.respond({ status: 200, contentType: hit.type, body: hit.body }).catch(() => {});
    } else {
      blocked++;
      void request.abort('blockedbyclient').catch(() => {});
    }
  }

  function getBrowser(): Promise<Browser> {
    if (closed) return Promise.reject(new Error('the printer is closed'));
    if (!browser) {
      if (++launches > MAX_RELAUNCHES + 1) return Promise.reject(new Error(`the browser crashed ${launches - 1} times; giving up`));
      const launching = options.connect ? options.connect() : launchBrowser(executablePath, PRINTING_ARGS);
      browser = launching;
      launching
        .then((b) =>
          b.once('disconnected', () => {
            // A crash (or close): forget this browser and its pages; the next print starts another.
            if (browser !== launching) return;
            browser = undefined;
            generation++;
            idle.length = 0;
            pagesOpen = 0;
          }),
        )
        .catch(() => {
          if (browser === launching) browser = undefined;
        });
    }
    return browser;
  }

  async function openPage(): Promise<Page> {
    const born = generation;
    const page = await (await getBrowser()).newPage();
    try {
      generationOf.set(page, born);
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      page.on('request', onRequest);
      page.setDefaultTimeout(timeoutMs);
      // Opening a page is not printing a brief: a short per-brief timeout must not fail it.
      await page.goto(BLANK_URL, { waitUntil: 'load', timeout: Math.max(timeoutMs, 30_000) });
      page.on('error', () => crashed.add(page));
      // Commands only: the page's events (its load, a crash) come through Puppeteer's own session.
      const session = await page.createCDPSession();
      const { frameTree } = await session.send('Page.getFrameTree');
      drivers.set(page, { session, frameId: frameTree.frame.id, prints: 0 });
      return page;
    } catch (error) {
      await page.close().catch(() => {});
      throw error;
    }
  }

  async function acquire(): Promise<Page> {
    for (let page = idle.pop(); page; page = idle.pop()) {
      if (!page.isClosed() && !crashed.has(page)) return page;
      // Its renderer died while it waited: DevTools calls to it would never answer. Open another.
      discard(page);
    }
    if (pagesOpen < concurrency) {
      pagesOpen++;
      try {
        return await openPage();
      } catch (error) {
        pagesOpen--;
        throw error;
      }
    }
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  }

  /** Close a page that will not print again, and free its place in this browser's pool. */
  function discard(page: Page): void {
    if (!page.isClosed()) void page.close().catch(() => {});
    if (pagesOpen > 0 && generationOf.get(page) === generation) pagesOpen--;
  }

  function release(page: Page, healthy: boolean): void {
    if (!healthy || closed || (drivers.get(page)?.prints ?? 0) >= printsPerPage) {
      discard(page);
      if (waiting.length > 0) replace();
      return;
    }
    const next = waiting.shift();
    if (next) next.resolve(page);
    else idle.push(page);
  }

  /**
   * Open a page in the place of one discarded while briefs wait for a page. The briefs
   * keep waiting in line: a page that frees up before the new one is ready serves them
   * first (opening one takes a tenth of a second or more, several briefs' printing).
   */
  function replace(): void {
    if (closed || pagesOpen >= concurrency) return;
    pagesOpen++;
    openPage().then(
      (page) => release(page, true),
      (error: unknown) => {
        pagesOpen--;
        waiting.shift()?.reject(error);
        if (waiting.length > 0) replace();
      },
    );
  }

  async function printOnce(html: string, info: PdfInfo): Promise<Uint8Array> {
    const page = await acquire();
    let healthy = false;
    let timer: NodeJS.Timeout | undefined;
    let onCrash: ((error: Error) => void) | undefined;
    let onLoad: (() => void) | undefined;
    try {
      const work = (async () => {
        const { session, frameId } = drivers.get(page)!;
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
          ...PAPER[info.paper],
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
      });
      const pdf = await Promise.race([work, timeout]);
      drivers.get(page)!.prints++;
      healthy = true;
      return pdf;
    } finally {
      clearTimeout(timer);
      if (onCrash) page.off('error', onCrash);
      if (onLoad) page.off('load', onLoad);
      release(page, healthy);
    }
  }

  async function print(html: string, info: PdfInfo): Promise<{ pdf: Uint8Array; pages: number }> {
    if (closed) throw new Error('the printer is closed');
    let printed: Uint8Array | undefined;
    for (let attempt = 1; !printed; attempt++) {
      try {
        printed = await printOnce(html, info);
      } catch (error) {
        // A crash is the browser's fault, not the brief's: try again in a new page (or browser).
        if (closed || !isCrash(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
    return setPdfMetadata(printed, { ...info, authors: info.authors.length ? info.authors : [config.organization.name] });
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    // Prints still waiting for a page would otherwise wait for ever.
    for (const waiter of waiting.splice(0)) waiter.reject(new Error('the printer is closed'));
    process.removeListener('exit', killOnExit);
    const current = browser;
    browser = undefined;
    if (current && options.connect) {
      const remote = await current.catch(() => undefined);
      await Promise.all(idle.splice(0).map((page) => page.close().catch(() => {})));
      await remote?.disconnect().catch(() => {});
      return;
    }
    idle.length = 0;
    const launched = await current?.catch(() => undefined);
    const profile = temporaryProfile(launched);
    await launched?.close().catch(() => {});
    // Puppeteer deletes its temporary profile before the browser has quite exited, and the
    // browser may write into it once more: delete it again, now that the browser is gone.
    if (profile) await rm(profile, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
  }

  // Start the browser and its pages now, as many as will print at once: a missing browser
  // fails before any work, and no brief waits for a page to open.
  try {
    const pages = await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, options.pagesAtStart ?? 1)) }, acquire));
    for (const page of pages) release(page, true);
  } catch (error) {
    await close();
    throw error;
  }

  return {
    print,
    close,
    get requestsBlocked() {
      return blocked;
    },
  };
}

/** The temporary profile folder Puppeteer made for a browser it launched, if any. */
function temporaryProfile(browser: Browser | undefined): string | undefined {
  const arg = browser?.process()?.spawnargs.find((a) => a.startsWith('--user-data-dir='));
  const dir = arg?.slice('--user-data-dir='.length);
  return dir && path.basename(dir).startsWith('puppeteer_dev_chrome_profile-') ? dir : undefined;
}

function isCrash(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Target closed|Session closed|Connection closed|browser has disconnected|detached|crashed|WebSocket is not open|socket hang up/i.test(
    message,
  );
}
