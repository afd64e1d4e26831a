/**
 * `npm run build`: sources → normalized Markdown → HTML → PDF → archive.
 * Reads top to bottom as the list of stages; each stage is a module of its own.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { archiveStage } from './archive/archive-stage.js';
import { createIconRasterizer } from './print/icon-rasterizer.js';
import { removeStrayBriefFiles, saveBuild } from './cache/save-build.js';
import { type BuildPlan, briefsOfBuild, planBuild } from './cache/plan.js';
import { type BuildConfig, loadConfig } from './core/config.js';
import { lazy } from './core/lazy.js';
import { restoreMessages } from './core/messages.js';
import { createProgress, type Progress } from './core/progress.js';
import { summarize } from './core/report.js';
import type { ManifestEntry } from './core/types.js';
import { packetStage, type PacketReport, type PacketsResult } from './packet/packet-stage.js';
import type { Printer } from './print/printer.js';
import { printChanged, type PrintStreamResult } from './print/print-stream.js';
import type { Shard } from './scale/shard.js';
import { keepPoolForArchive, searchWorkers, startBriefPool } from './workers/threads.js';
import { lockBuild } from './cache/build-lock.js';
import type { CachedBrief } from './cache/state.js';
import { removeDeadTempFiles, removeOrphanProfiles } from './cache/leftovers.js';

export interface BuildOptions {
  /** Project root holding briefpress.config.yaml. Default: the current folder. */
  root?: string;
  /** Sources folder, relative to the root. Default: `build.sources` of the config. */
  sources?: string;
  /** Output folder, relative to the root. Default: `build.out` of the config. */
  out?: string;
  /** Pages printing at once. Default: the number of CPU cores. */
  concurrency?: number;
  /** Warnings (page budget overflows, guessed sources) fail the build. */
  strict?: boolean;
  /** No progress output. */
  quiet?: boolean;
  /** Ignore the build cache and rebuild everything. */
  force?: boolean;
  /** Milliseconds one brief may take to print before it fails (the others go on). Default: 30 000. */
  printTimeout?: number;
  /** Milliseconds normalizing one source may take before it fails (the others go on). Default: 30 000. */
  normalizeTimeout?: number;
  /** Print through these running browsers (DevTools endpoints) instead of launching one; see remote-browser.ts. */
  browserWs?: string[];
  /** Build only this part of the briefs and write `shard-K-of-N.json` instead of the archive; see shard.ts. */
  shard?: Shard;
  /** Worker threads that normalize and render; default: none for fewer than 32 briefs to redo, else see `workerThreads`. */
  threads?: number;
  /**
   * Seconds to keep the browser running after a build that printed a few briefs, for the
   * next build of this output folder to print with (print/warm-browser.ts); it is used when
   * there is one. Default 0: a browser of the build's own, closed at its end.
   */
  keepBrowser?: number;
  /** Print with this printer (kept open afterwards) instead of starting a browser: the dev server's warm one. */
  printer?: Printer;
  /**
   * Stops the build: no new brief starts, the browser closes, and the briefs printed so far
   * are remembered for the next build; `build` then rejects with the signal's `AbortError`.
   */
  signal?: AbortSignal;
}

export interface BuildResult {
  ok: boolean;
  built: number;
  cached: number;
  failed: number;
  removed: number;
  pages: number;
  warnings: number;
  errors: number;
  /** Milliseconds spent in each stage. */
  timings: Record<string, number>;
  /** Every brief's entry, newest first (as `manifest.json`); read from the build cache on first use. */
  readonly manifest: ManifestEntry[];
  /** Every problem, one `path:line:column: severity: reason (rule)` line each. */
  messages: string[];
  /** Whether a browser was started (it is not when everything was cached). */
  launchedBrowser: boolean;
  /** The briefs were printed with a browser kept warm between builds (`keepBrowser`): one an earlier build left, or one this build started. */
  warmBrowser?: 'reused' | 'started';
  /** Requests the printed pages tried to make and the printer refused (nothing leaves the machine). */
  blockedRequests: number;
  /** The configured packets printed (or taken from the last build), with their page and sheet counts. */
  packets: PacketReport[];
}

/** Builds printing at most this many briefs use the browser kept warm (`keepBrowser`). */
const WARM_BRIEFS = 50;

const VERSION = (JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  options.signal?.throwIfAborted();
  // 1. Configuration, and the output folder's build lock: one build writes it at a time.
  const config = await loadConfig(path.resolve(options.root ?? process.cwd()), options);
  const lock = await lockBuild(config.cacheDir, `${path.relative(config.root, config.outDir) || '.'}/`);
  try {
    if (lock.tookOverFrom !== undefined) await cleanAfterDeadBuild(config.outDir, config.cacheDir);
    return await buildLocked(config, options);
  } finally {
    await lock.release();
  }
}

/** What a build killed outright left: its half-written files, and Chromium profiles no process uses. */
async function cleanAfterDeadBuild(outDir: string, cacheDir: string): Promise<void> {
  await removeDeadTempFiles([outDir, cacheDir]);
  await removeOrphanProfiles();
}

async function buildLocked(config: BuildConfig, options: BuildOptions): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  const time = stageTimer(timings);
  const progress = createProgress({ quiet: options.quiet });

  // 2. The plan: what the last build made, and which sources changed since (the others come from the cache).
  const plan = await planBuild(config, { version: VERSION, force: options.force, shard: options.shard, time });
  try {
    return await buildPlanned(options, config, plan, time, timings, progress);
  } finally {
    await plan.store.close();
  }
}

async function buildPlanned(
  options: BuildOptions,
  config: BuildConfig,
  plan: BuildPlan,
  time: ReturnType<typeof stageTimer>,
  timings: Record<string, number>,
  progress: Progress,
): Promise<BuildResult> {
  const { signal } = options;
  const endpoints = options.browserWs?.length || 1;
  signal?.throwIfAborted();

  // 3. Normalize, render and print the changed sources, a stream of briefs (print-stream.ts).
  //    The browser and the worker threads start as soon as there is something to print; their
  //    modules (Puppeteer, pdf-lib, unified) load only then, so a build with nothing to print starts fast.
  const printer = lazy(() => time('browser', () => startPrinter(options, config, plan.changed.length)));
  const workers = lazy(() =>
    startBriefPool(config, Math.max(1, plan.changed.length), config.concurrency * endpoints, options.threads, options.normalizeTimeout),
  );
  if (plan.changed.length > 0) void Promise.all([printer.get(), workers.get()]).catch(() => {});
  // The archive will be written: its modules load while the browser starts and the briefs print.
  if (plan.changed.length > 0 && !options.shard) void import('./archive/write-site.js').catch(() => {});
  let closing: Promise<void> | undefined;
  const closePrinter = () =>
    (closing ??= printer.started().then((started) => (started !== options.printer ? started?.close() : undefined)));
  signal?.addEventListener('abort', closePrinter); // prints under way fail at once
  const reuseWorkers = keepPoolForArchive(plan.changed.length + plan.cached.size);
  // Before any brief's files change: a build stopped from here on leaves the mark that makes the next one redo the archive.
  if (plan.changed.length > 0) plan.store.markIncomplete();
  let printed: PrintStreamResult | undefined;
  try {
    printed = await time('print', () =>
      printChanged({
        ...plan,
        config,
        work: workers.get,
        printer: printer.get,
        printing: config.concurrency * 2 * endpoints,
        progress,
        signal,
      }),
    );
  } finally {
    // Kept open for the packets, which print their covers with it.
    if (config.packets.length === 0 || !printed || signal?.aborted) {
      signal?.removeEventListener('abort', closePrinter);
      await closePrinter();
    }
    // Kept for the archive stage when it is small; not after a failure.
    if (!reuseWorkers || !printed || signal?.aborted) await (await workers.started())?.close();
  }
  const { built, cached, late } = printed;
  // Interrupted: the briefs printed so far are in the store already, the build marked unfinished.
  if (signal?.aborted) {
    await plan.store.flushed();
    signal.throwIfAborted();
  }

  const failed = printed.failed;
  const { briefs, ordered } = briefsOfBuild(plan.previous.briefs, cached, built, failed);
  // The whole records (manifest entries, data, headings), newest first: read from the store's
  // details only when the packets, the archive or the caller's `manifest` need them.
  let records: CachedBrief[] | undefined;
  const wholeRecords = () => (records ??= ordered.map((source) => late.get(source) ?? plan.store.full(source, briefs.get(source)!)));

  // 4. The packets of the configuration, from the printed briefs, with the same browser
  //    (packet-stage.ts); not in a shard, whose briefs are a part of the whole.
  let packets: PacketsResult | undefined;
  try {
    if (!options.shard)
      packets = await time('packets', () =>
        packetStage({
          config,
          briefs: config.packets.length > 0 ? wholeRecords().map((b) => b.entry) : [],
          buildKey: plan.key,
          printer: printer.get,
          force: options.force,
          signal,
        }),
      );
  } finally {
    signal?.removeEventListener('abort', closePrinter);
    await closePrinter();
  }

  // 5. The archive website and the manifests (or this shard's manifest), from all briefs.
  const search = searchWorkers(config, plan.changed.length, reuseWorkers ? await workers.started() : undefined);
  // A browser of its own for the favicon's pictures, started only when the icon changed.
  const icons = createIconRasterizer();
  let files: string[] | undefined;
  try {
    files = await archiveStage({
      ...plan,
      config,
      cached,
      records: wholeRecords,
      failed,
      changes: plan.changed.length + built.size + failed.length,
      shard: options.shard,
      fresh: options.force,
      searchPart: search.part,
      packets: packets?.packets.map((p) => p.entry),
      packetsChanged: packets?.changed,
      rasterize: icons.png,
      time,
    });
  } finally {
    await Promise.all([search.close(), icons.close()]);
  }

  // 6. Remove what deleted or renamed sources left behind, and remember this build.
  if (signal?.aborted) {
    await plan.store.flushed();
    signal.throwIfAborted();
  }
  const removed = files
    ? await saveBuild(config.outDir, config.cacheDir, plan.store, plan.previous, briefs, late, files)
    : await removeStrayBriefFiles(config.outDir, briefs);

  // 7. Report every problem, including the warnings of cached briefs and the packets'.
  const used = await printer.started();
  const reported = [
    ...plan.skipped,
    ...failed,
    ...restoreMessages([...built.values(), ...cached.values()].flatMap((b) => b.messages)),
    ...(packets ? [packets.file] : []),
  ];
  return {
    ...summarize(reported, [...briefs.values()], config.strict),
    built: built.size,
    cached: cached.size,
    failed: failed.length,
    removed,
    timings,
    // Read on first use: a build with nothing to write reads no entry (a caller that keeps the result across builds reads it first).
    get manifest() {
      return wholeRecords().map((b) => b.entry);
    },
    packets: packets?.packets ?? [],
    launchedBrowser: used !== undefined && used !== options.printer,
    ...(used?.browser === 'warm'
      ? { warmBrowser: 'reused' as const }
      : used?.browser === 'warm-started'
        ? { warmBrowser: 'started' as const }
        : {}),
    blockedRequests: used?.requestsBlocked ?? 0,
  };
}

/** `time(stage, work)` adds the milliseconds `work` takes to `timings[stage]`. */
function stageTimer(timings: Record<string, number>) {
  return async <T>(stage: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[stage] = Math.round((timings[stage] ?? 0) + performance.now() - start);
    }
  };
}

/** This build's printer: through remote browsers (`--browser-ws`), the caller's, or a browser of its own. */
async function startPrinter(options: BuildOptions, config: BuildConfig, briefs: number): Promise<Printer> {
  if (options.printer) return options.printer;
  if (options.browserWs?.length) {
    const log = (line: string) => options.quiet || process.stderr.write(`briefpress: ${line}\n`);
    const { createRemotePrinter } = await import('./print/remote-browser.js');
    return createRemotePrinter({ config, endpoints: options.browserWs, timeoutMs: options.printTimeout, log });
  }
  const { createPrinter } = await import('./print/printer.js');
  // A build of many briefs launches its own: the launch is small beside its printing, and its pipe carries less.
  const warm = options.keepBrowser && briefs <= WARM_BRIEFS ? { cacheDir: config.cacheDir, idleMs: options.keepBrowser * 1000 } : undefined;
  return createPrinter({
    config,
    concurrency: config.concurrency,
    timeoutMs: options.printTimeout,
    pagesAtStart: briefs,
    ...(warm ? { warm } : {}),
  });
}
