/**
 * `npm run dev`: a preview server on loopback. It builds the site with `build()` (whose
 * cache means only changed briefs are printed again), serves the output folder, watches
 * the sources, the templates and the configuration, rebuilds after each burst of changes,
 * and tells open pages to reload over Server-Sent Events: the pages of the briefs a rebuild
 * printed as soon as they and their PDFs are written (`updated`; the build serves them before
 * it makes the rest of the archive), every page once the build is done (`reload`). A failed
 * build leaves the last good output in place; its errors are printed and shown as an overlay
 * on every page.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { build, type BuildOptions, type BuildResult } from '../build.js';
import { CONFIG_FILE, loadConfig } from '../core/config.js';
import type { Printer } from '../print/printer.js';
import type { ManifestEntry } from '../core/types.js';
import { UserError } from '../core/user-error.js';
import { CLIENT_FILES, injectIntoHtml, overlayHtml, PDFJS_DIR, printViewHtml } from './dev-pages.js';
import { isAllowedHost } from './allowed-host.js';
import { listenFreePort } from './listen-free-port.js';
import { createLiveReload } from './live-reload.js';
import { serveStatic } from './serve-static.js';
import { watchProject, type ProjectWatcher } from './watch-project.js';

export interface DevServerOptions extends Pick<BuildOptions, 'root' | 'sources' | 'out' | 'concurrency'> {
  /** Port on 127.0.0.1; default 4173 or the next free one; 0 for any free port. */
  port?: number;
  /** Where to say what happens (builds, problems); default: stderr. */
  log?: (line: string) => void;
  /** Watch the project and rebuild on change. Default: true. */
  watch?: boolean;
}

export interface BuildOutcome {
  /** Incremented after every build, failed or not. */
  version: number;
  result?: BuildResult;
  /** Every problem, one `path:line:column: severity: reason` line each. */
  messages: string[];
}

export interface DevServer {
  url: string;
  port: number;
  /** The last build. */
  readonly last: BuildOutcome;
  /** Build now (or after the build under way); resolves when that build is done. */
  rebuild(): Promise<BuildOutcome>;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
/**
 * After `updated` (a build's edited pages written, the rest of its archive still to make), the
 * build waits until the pages that reload have been served: no request in flight for
 * `SERVED_QUIET_MS`, once the first has come (or `FIRST_REQUEST_MS` passed without one), at
 * most `PREVIEW_WAIT_MS` in all. The rest of the archive would otherwise hold this thread
 * while the reloaded page, its print view and their files are asked for.
 */
const FIRST_REQUEST_MS = 150;
const SERVED_QUIET_MS = 30;
const PREVIEW_WAIT_MS = 1000;

export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const root = path.resolve(options.root ?? process.cwd());
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const config = await loadConfig(root, options);
  const outDir = config.outDir;
  const basePath = config.site.base_path ?? '/';
  const live = createLiveReload();
  let last: BuildOutcome = { version: 0, messages: [] };
  /** The briefs a build under way has printed and written the pages of already (`onPreview`), by slug. */
  let preview: { version: number; entries: Map<string, ManifestEntry> } | undefined;

  // Builds run one at a time; changes during a build ask for one more after it.
  let running: Promise<BuildOutcome> | undefined;
  let again = false;
  async function runBuilds(): Promise<BuildOutcome> {
    do {
      again = false;
      live.broadcast('building', { version: last.version });
      last = await buildOnce(last.version + 1);
      preview = undefined;
      live.broadcast('reload', { version: last.version, ok: last.result?.ok ?? false, messages: last.messages });
      // Read now, from the store the next build changes (after the reload: no page waits for it).
      void last.result?.manifest;
    } while (again);
    return last;
  }
  function rebuild(): Promise<BuildOutcome> {
    if (running) {
      again = true;
      return running;
    }
    running = runBuilds().finally(() => {
      running = undefined;
    });
    return running;
  }

  // One warm browser for every rebuild; started again when the templates or the
  // configuration change (the printer holds the styles and fonts it serves).
  let printer: Printer | undefined;
  async function warmPrinter(): Promise<Printer | undefined> {
    if (!printer) {
      try {
        const { createPrinter } = await import('../print/printer.js');
        const current = await loadConfig(root, options);
        printer = await createPrinter({ config: current, concurrency: current.concurrency });
      } catch {
        printer = undefined; // the build itself starts a browser and reports what is wrong
      }
    }
    return printer;
  }
  async function coolPrinter(): Promise<void> {
    const old = printer;
    printer = undefined;
    await old?.close();
  }

  async function buildOnce(version: number): Promise<BuildOutcome> {
    try {
      const result = await build({
        root,
        sources: options.sources,
        out: options.out,
        concurrency: options.concurrency,
        quiet: true,
        printer: await warmPrinter(),
        // The edited briefs' pages and PDFs are written: their open pages reload now, the
        // others once the whole archive is (the `reload` event).
        onPreview: (entries) => {
          preview = { version, entries: new Map(entries.map((e) => [e.slug, e])) };
          const pages = entries.flatMap((e) => [`${basePath}${e.html}`, `/__print/${e.slug}`]);
          live.broadcast('updated', { version, pages });
          return live.showing(pages) > 0 ? requests.quiet() : undefined;
        },
      });
      for (const line of result.messages) log(line);
      log(
        `briefpress: ${result.ok ? 'built' : 'built with errors'}: ${result.built} printed, ${result.cached} unchanged, ${result.failed} failed; ` +
          `${result.pages} pages; ${result.errors} errors, ${result.warnings} warnings`,
      );
      return { version, result, messages: result.messages };
    } catch (error) {
      // A broken configuration or a missing browser: say so, keep serving the last output.
      const reason =
        error instanceof UserError
          ? error.message
          : `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
      const lines = reason.split('\n').map((line) => (/: error: /.test(line) ? line : `${CONFIG_FILE}: error: ${line}`));
      for (const line of lines) log(line);
      log('briefpress: the build failed; fix the problem above and save, the server is still running');
      return { version, result: last.result, messages: lines };
    }
  }

  async function manifest(): Promise<ManifestEntry[]> {
    if (last.result) return last.result.manifest;
    return JSON.parse(await readFile(path.join(outDir, 'manifest.json'), 'utf8').catch(() => '[]')) as ManifestEntry[];
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) {
      return send(
        res,
        403,
        'text/plain; charset=utf-8',
        `briefpress's preview answers only http://${HOST}:${port}/ and http://localhost:${port}/\n`,
      );
    }
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    const route = url.pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      return void res.end();
    }
    const inject = (html: string) => injectIntoHtml(html, overlayHtml(last.messages, (last.result?.manifest.length ?? 0) > 0));
    if (route === '/__events') return live.connect(req, res);
    if (route === '/__status')
      return send(
        res,
        200,
        'application/json; charset=utf-8',
        JSON.stringify({ version: last.version, building: running !== undefined, messages: last.messages }),
      );
    const client = /^\/__briefpress\/([a-z-]+\.js)$/.exec(route)?.[1];
    if (client && CLIENT_FILES[client]) return send(res, 200, 'text/javascript; charset=utf-8', await readFile(CLIENT_FILES[client]));
    const pdfjs = /^\/__pdfjs\/(pdf(?:\.worker)?\.min\.mjs)$/.exec(route)?.[1];
    if (pdfjs && PDFJS_DIR) return send(res, 200, 'text/javascript; charset=utf-8', await readFile(path.join(PDFJS_DIR, pdfjs)));
    const print = /^\/__print(?:\/([^/]*))?\/?$/.exec(route);
    if (print) {
      const early = print[1] ? preview?.entries.get(print[1]) : undefined;
      const page = early
        ? printViewHtml([early], early.slug, preview!.version)
        : printViewHtml(await manifest(), print[1] || undefined, last.version);
      return send(res, page.status, 'text/html; charset=utf-8', inject(page.html));
    }
    const sitePath = route.startsWith(basePath) ? `/${route.slice(basePath.length)}` : route;
    await serveStatic(outDir, sitePath, res, inject, req.method === 'HEAD');
  }

  let port = 0; // known once listening; no request comes before
  const requests = trackRequests();
  const server = createServer((req, res) => {
    if (!req.url?.startsWith('/__events')) requests.started(res);
    handle(req, res).catch((error: unknown) => {
      log(`briefpress: could not serve ${req.url}: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error; see the terminal');
      else res.end();
    });
  });

  await rebuild();
  port = await listenFreePort(server, HOST, options.port);
  let watcher: ProjectWatcher | undefined;
  if (options.watch !== false) {
    watcher = watchProject(
      [
        { path: config.sourcesDir, recursive: true },
        { path: config.templatesDir, recursive: true },
        { path: path.join(root, CONFIG_FILE) },
      ],
      (changed) => {
        log(`briefpress: changed: ${changed.map((f) => path.relative(root, f)).join(', ')}; rebuilding`);
        const restyled = changed.some((f) => !f.startsWith(config.sourcesDir + path.sep));
        void (restyled ? coolPrinter() : Promise.resolve()).then(rebuild);
      },
    );
  }

  return {
    url: `http://${HOST}:${port}/`,
    port,
    get last() {
      return last;
    },
    rebuild,
    async close() {
      watcher?.close();
      live.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await running?.catch(() => undefined);
      await coolPrinter();
    },
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  res.end(body);
}

/** The requests being served, and a wait for the end of those that follow a reload (`quiet`). */
function trackRequests(): { started(res: ServerResponse): void; quiet(): Promise<void> } {
  let inFlight = 0;
  let waiter: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  let deadline: NodeJS.Timeout | undefined;
  const done = () => {
    clearTimeout(timer);
    clearTimeout(deadline);
    const wake = waiter;
    waiter = undefined;
    wake?.();
  };
  const settle = () => {
    clearTimeout(timer);
    if (waiter && inFlight === 0) timer = setTimeout(done, SERVED_QUIET_MS);
  };
  return {
    started(res) {
      inFlight++;
      clearTimeout(timer);
      res.once('close', () => {
        inFlight--;
        settle();
      });
    },
    quiet() {
      done();
      return new Promise((resolve) => {
        waiter = resolve;
        deadline = setTimeout(done, PREVIEW_WAIT_MS);
        if (inFlight === 0) timer = setTimeout(done, FIRST_REQUEST_MS);
      });
    },
  };
}
