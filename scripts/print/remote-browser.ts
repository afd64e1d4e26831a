/**
 * Remote browsers: `--browser-ws ENDPOINT` (repeatable or comma-separated) or
 * `BRIEFPRESS_BROWSER_WS` prints through browsers that are already running, such as a
 * Chrome started with `--remote-debugging-port` or a browserless-style pool, instead of
 * launching Chromium. Each endpoint gets a printer of its own (print/printer.ts: its own
 * pool of pages and concurrency); briefs go to the endpoint with the fewest in flight.
 *
 * Nothing is read from disk by the remote browser: pages live at the printer's virtual
 * origin and their assets are answered from this process's memory by request
 * interception, so a remote PDF is byte for byte the PDF of a local build.
 *
 * A lost connection (the browser crashed or was killed) is retried first on the same
 * endpoint, which behind a load balancer reaches another browser; when the endpoint no
 * longer answers it is dropped and the brief is printed on another one. `close()`
 * closes this build's pages and disconnects; it never closes a browser it did not launch.
 */
import puppeteer, { type Browser, type ConnectOptions } from 'puppeteer-core';
import type { BuildConfig } from '../core/config.js';
import { createPrinter, type PdfInfo, type Printed, type Printer } from './printer.js';
import { UserError } from '../core/user-error.js';

function connectOptions(endpoint: string): ConnectOptions {
  const target = /^wss?:/i.test(endpoint) ? { browserWSEndpoint: endpoint } : { browserURL: endpoint };
  return { ...target, defaultViewport: { width: 800, height: 600 } };
}

export interface RemotePrinterOptions {
  config: BuildConfig;
  endpoints: readonly string[];
  /** Pages printing at once on each endpoint; default `config.concurrency`. */
  concurrency?: number;
  /** Time allowed for one brief; default that of print/printer.ts. */
  timeoutMs?: number;
  /** Lines for the person building: a lost or unreachable endpoint. */
  log?: (line: string) => void;
  /** How to connect; default `puppeteer.connect` (tests may wrap it). */
  connect?: (options: ConnectOptions) => Promise<Browser>;
}

export interface RemotePrinter extends Printer {
  /** Per endpoint: briefs printed there and why it was dropped, if it was. */
  readonly endpoints: { url: string; printed: number; dropped?: string }[];
}

interface Endpoint {
  url: string;
  printer?: Printer;
  inFlight: number;
  printed: number;
  /** Times its browser disconnected. */
  lost: number;
  dropped?: string;
}

const CONNECTION_ERROR =
  /Target closed|Session closed|Connection closed|disconnected|detached|ECONNREFUSED|ECONNRESET|socket hang up|WebSocket|Failed to fetch browser/i;

function reasonOf(error: unknown): string {
  // A refused WebSocket rejects with an ErrorEvent, whose `error` holds the Error.
  const inner = error && typeof error === 'object' && 'error' in error && error.error instanceof Error ? error.error : error;
  const message =
    inner instanceof Error
      ? inner.message
      : error && typeof error === 'object' && 'message' in error
        ? String(error.message)
        : String(inner);
  return message.split('\n')[0]! || 'unknown error';
}

export async function createRemotePrinter(options: RemotePrinterOptions): Promise<RemotePrinter> {
  const { config, log = () => {} } = options;
  const connect = options.connect ?? ((o: ConnectOptions) => puppeteer.connect(o));
  if (options.endpoints.length === 0) throw new UserError('no remote browser endpoint given');
  const endpoints: Endpoint[] = options.endpoints.map((url) => ({ url, inFlight: 0, printed: 0, lost: 0 }));
  let closed = false;

  const drop = (endpoint: Endpoint, reason: string) => {
    if (endpoint.dropped) return;
    endpoint.dropped = reason;
    log(`remote browser ${endpoint.url} dropped: ${reason}`);
    void endpoint.printer?.close();
  };

  const connectTo = (endpoint: Endpoint) => async (): Promise<Browser> => {
    try {
      const browser = await connect(connectOptions(endpoint.url));
      browser.once('disconnected', () => {
        endpoint.lost++;
      });
      return browser;
    } catch (error) {
      // The endpoint does not answer (any more): print elsewhere.
      drop(endpoint, `cannot connect (${reasonOf(error)})`);
      throw error;
    }
  };

  // Connect to every endpoint at once; the build goes on as long as one answers.
  await Promise.all(
    endpoints.map(async (endpoint) => {
      try {
        endpoint.printer = await createPrinter({
          config,
          concurrency: options.concurrency ?? config.concurrency,
          ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
          connect: connectTo(endpoint),
        });
      } catch (error) {
        drop(endpoint, `cannot connect (${reasonOf(error)})`);
      }
    }),
  );
  if (endpoints.every((e) => e.dropped)) {
    throw new UserError(`no remote browser answered:\n  ${endpoints.map((e) => `${e.url}: ${e.dropped}`).join('\n  ')}`);
  }

  async function print(html: string, info: PdfInfo, options: { picture?: boolean } = {}): Promise<Printed> {
    const tried = new Set<Endpoint>();
    let lastError: unknown;
    for (;;) {
      if (closed) throw new Error('the printer is closed');
      const candidates = endpoints.filter((e) => !e.dropped && !tried.has(e) && e.printer);
      if (candidates.length === 0) {
        throw new Error(
          `every remote browser was lost (${endpoints.map((e) => `${e.url}: ${e.dropped ?? 'connection lost'}`).join('; ')})`,
          { cause: lastError },
        );
      }
      const endpoint = candidates.reduce((best, e) => (e.inFlight < best.inFlight ? e : best));
      const lostBefore = endpoint.lost;
      endpoint.inFlight++;
      try {
        const printed = await endpoint.printer!.print(html, info, options);
        endpoint.printed++;
        return printed;
      } catch (error) {
        // A brief's own failure (a timeout, a page that cannot print) is not the endpoint's.
        const connectionLost = endpoint.lost !== lostBefore || endpoint.dropped !== undefined || CONNECTION_ERROR.test(reasonOf(error));
        if (closed || !connectionLost) throw error;
        tried.add(endpoint);
        lastError = error;
      } finally {
        endpoint.inFlight--;
      }
    }
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    await Promise.all(endpoints.map((e) => e.printer?.close()));
  }

  return {
    print,
    close,
    get requestsBlocked() {
      return endpoints.reduce((sum, e) => sum + (e.printer?.requestsBlocked ?? 0), 0);
    },
    get endpoints() {
      return endpoints.map((e) => ({ url: e.url, printed: e.printed, ...(e.dropped ? { dropped: e.dropped } : {}) }));
    },
  };
}
