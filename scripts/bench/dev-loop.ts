/**
 * The loop an editor lives in (`npm run bench -- --dev`): `npm run dev` is running with its
 * warm browser; a source is saved; the server notices, rebuilds, and sends `reload` over
 * Server-Sent Events (live-reload.ts): `updated` naming the brief's page once its page and
 * PDF are written, or `reload` at the end of the build, whichever comes first (the page's
 * script reloads at either); the page then loads the brief's new HTML and its print preview
 * (the print view page and the PDF it shows). Timed from the save to the last of those
 * bytes, each run editing another brief, as a browser tab would see it.
 */
import { appendFile } from 'node:fs/promises';
import { get, type IncomingMessage } from 'node:http';
import path from 'node:path';
import type { DevServer } from '../dev/dev-server.js';
import { median, type Row } from './report-table.js';
import type { Timed } from './types.js';

export interface DevLoopResult {
  briefs: number;
  /** The browser the dev server printed with. */
  browser: string;
  /** The dev server's first build (every brief printed), ms. */
  firstBuild: number;
  /** Save → the event the brief's page reloads at (`updated` naming it, or `reload`). */
  reload: Timed;
  /** Save → the brief's new HTML page, print view and PDF fetched. */
  loop: Timed;
  /** Briefs printed by each rebuild. */
  built: number[];
}

export interface DevLoopOptions {
  root: string;
  /** The project's sources, absolute paths; run i edits one of them. */
  files: string[];
  runs: number;
  /** Browser binary for the dev server's printer (PUPPETEER_EXECUTABLE_PATH while it starts). */
  executablePath: string;
  log: (line: string) => void;
}

/** The server's events, as a page's EventSource receives them. */
function listen(url: string): Promise<{ next(accept: (event: string, data: unknown) => boolean): Promise<void>; close(): void }> {
  return new Promise((resolve, reject) => {
    const waiting: { accept: (event: string, data: unknown) => boolean; resolve: () => void }[] = [];
    const request = get(`${url}__events`, (res: IncomingMessage) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (event === undefined) continue;
          const parsed: unknown = data === undefined ? undefined : JSON.parse(data);
          for (const w of waiting.filter((w) => w.accept(event, parsed))) {
            waiting.splice(waiting.indexOf(w), 1);
            w.resolve();
          }
        }
      });
      resolve({
        next: (accept) => new Promise((done) => waiting.push({ accept, resolve: done })),
        close: () => request.destroy(),
      });
    });
    request.on('error', reject);
  });
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

export async function measureDevLoop(o: DevLoopOptions): Promise<DevLoopResult> {
  const { startDevServer } = await import('../dev/dev-server.js');
  const saved = process.env.PUPPETEER_EXECUTABLE_PATH;
  process.env.PUPPETEER_EXECUTABLE_PATH = o.executablePath;
  let server: DevServer | undefined;
  try {
    const started = performance.now();
    server = await startDevServer({ root: o.root, port: 0, log: () => {} });
    const firstBuild = performance.now() - started;
    o.log(`dev server (${path.basename(o.executablePath)}): first build ${Math.round(firstBuild)} ms`);
    const events = await listen(server.url);
    const reload: number[] = [];
    const loop: number[] = [];
    const built: number[] = [];
    try {
      for (let i = 0; i < o.runs; i++) {
        const file = o.files[(i * 41 + 7) % o.files.length]!;
        const source = path.relative(o.root, file);
        const slug = server.last.result?.manifest.find((e) => e.source === source)?.slug;
        if (!slug) throw new Error(`${source}: not in the dev server's build`);
        // A word of this browser's run too: the same sentence added twice to a source (once per
        // browser) would be a repeated line, which the normalizer drops as a running header.
        const word = `devloopmark${i + 1}${path.basename(o.executablePath).replace(/[^a-z]/gi, '')}`;
        // What the brief's open page reloads at: its pages written, or the build's end.
        const page = `/briefs/${slug}.html`;
        const reloaded = events.next(
          (event, data) => event === 'reload' || (event === 'updated' && (data as { pages: string[] }).pages.includes(page)),
        );
        const finished = events.next((event) => event === 'reload');
        const start = performance.now();
        await appendFile(file, `\n\nAn editor saved this sentence with the word ${word} in it.\n`);
        await reloaded;
        const atReload = performance.now();
        const [html] = await Promise.all([
          fetchText(`${server.url}briefs/${slug}.html`),
          fetchText(`${server.url}__print/${slug}`),
          fetch(`${server.url}briefs/${slug}.pdf`).then((r) => r.arrayBuffer()),
        ]);
        const end = performance.now();
        await finished; // the build's end, before the next edit
        if (!html.includes(word)) throw new Error(`${source}: the page served after the reload does not show the edit`);
        reload.push(atReload - start);
        loop.push(end - start);
        built.push(server.last.result?.built ?? 0);
        o.log(
          `dev loop ${i + 1}/${o.runs} (${source}): reload after ${Math.round(atReload - start)} ms, shown after ${Math.round(end - start)} ms`,
        );
      }
    } finally {
      events.close();
    }
    const timed = (runs: number[]): Timed => ({ runs: runs.map(Math.round), median: median(runs) });
    return {
      briefs: o.files.length,
      browser: o.executablePath,
      firstBuild: Math.round(firstBuild),
      reload: timed(reload),
      loop: timed(loop),
      built,
    };
  } finally {
    await server?.close();
    if (saved === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
    else process.env.PUPPETEER_EXECUTABLE_PATH = saved;
  }
}

/** The dev loop's rows of the bench's table. */
export function devLoopRows(r: DevLoopResult): Row[] {
  const browser = path.basename(r.browser);
  return [
    {
      stage: `dev loop, save → page and PDF shown (${r.briefs} briefs, ${browser})`,
      value: r.loop.median,
      unit: 'ms',
      target: '< 500 ms',
      pass: r.loop.median < 500,
      note: `runs ${r.loop.runs.join(', ')} ms; briefs printed per rebuild ${r.built.join('/')}`,
    },
    {
      stage: `dev loop, save → the page's reload event (${browser})`,
      value: r.reload.median,
      unit: 'ms',
      target: 'reference',
      note: `includes the watcher's wait for the end of a burst of changes; first build ${r.firstBuild} ms`,
    },
  ];
}
