/**
 * The PDF stage: full HTML pages → PDFs, with one browser per build and a pool of reused
 * pages printing in parallel (page-pool.ts). Each page loads only the project's own assets
 * (intercept.ts) and prints through its DevTools session (print-page.ts). JavaScript is off.
 * A print that takes longer than `timeoutMs` fails alone; its page is replaced. When the
 * browser or a page crashes, the next print starts a new one, and a print cut short by the
 * crash is tried again (up to MAX_ATTEMPTS times; at most MAX_RELAUNCHES new browsers per
 * printer). The metadata is set on each PDF (pdf-metadata.ts). `close()` is idempotent,
 * and the browser is killed if the process exits first.
 */
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { closeLaunchedBrowser, launchBrowser, printingArgs, printingLaunch } from './browser.js';
import type { BuildConfig } from '../core/config.js';
import { createInterceptor } from './intercept.js';
import { createPagePool } from './page-pool.js';
import { setPdfMetadata, type PdfInfo } from './pdf-metadata.js';
import { openPrintPage, printOnPage, type PrintPage } from './print-page.js';
import { pictureFirstPage } from './page-picture.js';

export type { PdfInfo } from './pdf-metadata.js';
export { VIRTUAL_ORIGIN } from './intercept.js';

export interface Printed {
  pdf: Uint8Array;
  pages: number;
  /** A JPEG of page 1 (page-picture.ts), when asked for and the browser could take it. */
  picture?: Uint8Array;
}

export interface Printer {
  /** `picture`: also take a picture of page 1 (none from a printer created with `pictures: false`). */
  print(html: string, info: PdfInfo, options?: { picture?: boolean }): Promise<Printed>;
  close(): Promise<void>;
  /**
   * Close the printer but keep its browser running and give it to the caller, who closes it
   * (`closeLaunchedBrowser`, browser.ts): only a browser this printer launched for itself and that takes
   * pictures (the build draws the favicon with it instead of launching another). Otherwise
   * the printer closes as `close()` does, and gives undefined.
   */
  release?(): Promise<Browser | undefined>;
  /** Requests refused so far: anything that is not a project asset or a `data:` URL. */
  readonly requestsBlocked: number;
  /** How it got its browser: `warm` when it printed with one kept from an earlier build, `warm-started` when it started that one. */
  readonly browser?: 'launched' | 'warm-started' | 'warm' | 'remote';
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
  /**
   * Print with the browser kept warm between builds for this cache folder (warm-browser.ts),
   * started if there is none and kept `idleMs` after this printer closes; when there can be
   * none, a browser of its own as usual.
   */
  warm?: { cacheDir: string; idleMs: number };
  /**
   * Whether it will be asked for pictures of page 1; default `config.site.page_pictures`. A
   * printer that takes none launches its browser with `FRAMELESS_ARGS` (browser.ts), which
   * makes each print cheaper, and then takes no picture even when asked.
   */
  pictures?: boolean;
  /**
   * For tests: requests whose URL this accepts are never answered, as if their server never
   * replied, so that a page waiting for one never finishes and fails after `timeoutMs`
   * (test/e2e/fault.test.ts). Users never set it: the printer answers or refuses every request.
   */
  unanswered?: (url: string) => boolean;
}

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
/** Time allowed for the picture of page 1; a browser that cannot take one says so sooner. */
const PICTURE_TIMEOUT_MS = 10_000;

export async function createPrinter(options: PrinterOptions): Promise<Printer> {
  const { config, executablePath } = options;
  const concurrency = Math.max(1, options.concurrency ?? config.concurrency);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const interceptor = await createInterceptor(config);
  const { unanswered } = options;
  const onRequest = unanswered
    ? (request: HTTPRequest) => {
        if (!unanswered(request.url())) interceptor.onRequest(request);
      }
    : interceptor.onRequest;

  let closed = false;
  let launches = 0;
  let browser: Promise<Browser> | undefined;
  /** Pages whose renderer crashed, printing or not. */
  const crashed = new WeakSet<Page>();
  const pool = createPagePool<PrintPage>({
    size: concurrency,
    usesPerPage: Math.max(1, options.printsPerPage ?? PRINTS_PER_PAGE),
    open: async () => {
      const current = await getBrowser();
      // A warm browser keeps the pages the last build printed on: opening a page costs more than printing on one.
      const page = borrowed.has(current) ? await spareTab(current) : undefined;
      return openPrintPage(current, { onRequest, timeoutMs, onCrash: (p) => crashed.add(p), page });
    },
    close: ({ page }) => {
      if (!page.isClosed()) void page.close().catch(() => {});
    },
    usable: ({ page }) => !page.isClosed() && !crashed.has(page),
  });

  const killOnExit = () => {
    void browser?.then((b) => b.process()?.kill('SIGKILL')).catch(() => {});
  };
  process.once('exit', killOnExit);

  /** Browsers this printer connected to rather than launched: closing the printer leaves them running. */
  const borrowed = new WeakSet<Browser>();
  let kind: 'launched' | 'warm-started' | 'warm' | 'remote' = options.connect ? 'remote' : 'launched';
  const pictures = options.pictures ?? config.site.page_pictures;
  const launchOwn = () => launchBrowser(executablePath, printingArgs(pictures), { systemFonts: false });
  async function warmOrLaunched(warm: { cacheDir: string; idleMs: number }): Promise<Browser> {
    const { connectWarmBrowser } = await import('./warm-browser.js');
    const found = await connectWarmBrowser(await printingLaunch(executablePath, pictures), warm.cacheDir, warm.idleMs);
    if (!found) return launchOwn();
    borrowed.add(found.browser);
    kind = found.started ? 'warm-started' : 'warm';
    return found.browser;
  }

  const adopted = new WeakSet<Page>();
  async function spareTab(current: Browser): Promise<Page | undefined> {
    const spare = (await current.pages().catch(() => [])).find((p) => !adopted.has(p) && !p.isClosed());
    if (spare) adopted.add(spare);
    return spare;
  }

  function getBrowser(): Promise<Browser> {
    if (closed) return Promise.reject(new Error('the printer is closed'));
    if (!browser) {
      if (++launches > MAX_RELAUNCHES + 1) return Promise.reject(new Error(`the browser crashed ${launches - 1} times; giving up`));
      const launching = options.connect ? options.connect() : options.warm ? warmOrLaunched(options.warm) : launchOwn();
      browser = launching;
      launching
        .then((b) =>
          b.once('disconnected', () => {
            // A crash (or close): forget this browser and its pages; the next print starts another.
            if (browser !== launching) return;
            browser = undefined;
            pool.newGeneration();
          }),
        )
        .catch(() => {
          if (browser === launching) browser = undefined;
        });
    }
    return browser;
  }

  /** Set when a picture could not be taken: this browser takes none (the briefs still print). */
  let noPictures = false;

  async function printOnce(html: string, info: PdfInfo, picture: boolean): Promise<{ pdf: Uint8Array; picture?: Uint8Array }> {
    const target = await pool.acquire();
    let outcome: 'printed' | 'broken' = 'broken';
    try {
      const pdf = await printOnPage(target, html, info.paper, timeoutMs);
      let taken: Uint8Array | undefined;
      // A remote browser was started by someone else, with frames: it can take pictures.
      if (picture && (pictures || options.connect) && !noPictures) {
        try {
          taken = await pictureFirstPage(target, info.paper, Math.min(timeoutMs, PICTURE_TIMEOUT_MS));
        } catch (error) {
          if (isCrash(error)) throw error;
          // The brief is printed; its page, whose screenshot may still be pending, is replaced.
          noPictures = true;
          return { pdf };
        }
      }
      outcome = 'printed';
      return { pdf, ...(taken ? { picture: taken } : {}) };
    } finally {
      pool.release(target, outcome);
    }
  }

  async function print(html: string, info: PdfInfo, options: { picture?: boolean } = {}): Promise<Printed> {
    if (closed) throw new Error('the printer is closed');
    let printed: { pdf: Uint8Array; picture?: Uint8Array } | undefined;
    for (let attempt = 1; !printed; attempt++) {
      try {
        printed = await printOnce(html, info, options.picture ?? false);
      } catch (error) {
        // A crash is the browser's fault, not the brief's: try again in a new page (or browser).
        if (closed || !isCrash(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
    const done = await setPdfMetadata(printed.pdf, { ...info, authors: info.authors.length ? info.authors : [config.organization.name] });
    return { ...done, ...(printed.picture ? { picture: printed.picture } : {}) };
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    const idle = pool.close(new Error('the printer is closed'));
    process.removeListener('exit', killOnExit);
    const current = browser;
    browser = undefined;
    const launched = await current?.catch(() => undefined);
    if (launched && (options.connect || borrowed.has(launched))) {
      // A warm browser's keeper keeps a few of them for the next build; a remote browser keeps none of this build's.
      if (options.connect) await Promise.all(idle.map(({ page }) => page.close().catch(() => {})));
      await launched.disconnect().catch(() => {});
      return;
    }
    if (launched) await closeLaunchedBrowser(launched);
  }

  async function release(): Promise<Browser | undefined> {
    const current = closed || options.connect || !pictures ? undefined : await browser?.catch(() => undefined);
    if (!current || borrowed.has(current) || !current.connected) {
      await close();
      return undefined;
    }
    closed = true;
    process.removeListener('exit', killOnExit);
    browser = undefined;
    const idle = pool.close(new Error('the printer is closed'));
    await Promise.all(idle.map(({ page }) => page.close().catch(() => {})));
    return current;
  }

  // Start the browser and its pages now, as many as will print at once: a missing browser
  // fails before any work, and no brief waits for a page to open.
  try {
    const pages = await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, options.pagesAtStart ?? 1)) }, pool.acquire));
    for (const page of pages) pool.release(page, 'unused');
  } catch (error) {
    await close();
    throw error;
  }

  return {
    print,
    close,
    release,
    get requestsBlocked() {
      return interceptor.blocked;
    },
    get browser() {
      return kind;
    },
  };
}

function isCrash(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Target closed|Session closed|Connection closed|browser has disconnected|detached|crashed|WebSocket is not open|socket hang up/i.test(
    message,
  );
}
