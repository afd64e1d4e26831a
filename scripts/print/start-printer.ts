/**
 * The printer of one build: through remote browsers (`--browser-ws`), the caller's (the dev
 * server keeps one warm), a browser kept warm between builds, or a browser of its own.
 */
import type { BuildConfig } from '../core/config.js';
import type { Printer } from './printer.js';

/** Builds printing at most this many briefs use the browser kept warm (`keepBrowser`). */
const WARM_BRIEFS = 50;

export interface PrinterChoice {
  /** The caller's printer, kept open afterwards. */
  printer?: Printer;
  /** DevTools endpoints of running browsers to print through (remote-browser.ts). */
  browserWs?: string[];
  /** Seconds to keep the browser warm after a small build (warm-browser.ts); 0: none. */
  keepBrowser?: number;
  /** Milliseconds one brief may take to print. */
  printTimeout?: number;
  quiet?: boolean;
}

/** Start the printer for a build that prints `briefs` briefs; Puppeteer and pdf-lib load only here. */
export async function startPrinter(choice: PrinterChoice, config: BuildConfig, briefs: number): Promise<Printer> {
  if (choice.printer) return choice.printer;
  if (choice.browserWs?.length) {
    const log = (line: string) => choice.quiet || process.stderr.write(`briefpress: ${line}\n`);
    const { createRemotePrinter } = await import('./remote-browser.js');
    return createRemotePrinter({ config, endpoints: choice.browserWs, timeoutMs: choice.printTimeout, log });
  }
  const { createPrinter } = await import('./printer.js');
  // A build of many briefs launches its own: the launch is small beside its printing, and its pipe carries less.
  const warm = choice.keepBrowser && briefs <= WARM_BRIEFS ? { cacheDir: config.cacheDir, idleMs: choice.keepBrowser * 1000 } : undefined;
  return createPrinter({
    config,
    concurrency: config.concurrency,
    timeoutMs: choice.printTimeout,
    pagesAtStart: briefs,
    ...(warm ? { warm } : {}),
  });
}
