/**
 * `npm run build`: sources → normalized Markdown → HTML → PDF → archive.
 * Reads top to bottom as the list of stages; each stage is a module of its own.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { archiveStage } from './archive/archive-stage.js';
import type { PreparedSite } from './archive/write-site.js';
import type { BuildOptions, BuildResult } from './build-types.js';
import { lockBuild } from './cache/build-lock.js';
import { cleanAfterDeadBuild } from './cache/leftovers.js';
import { type BuildPlan, briefsOfBuild, planBuild } from './cache/plan.js';
import { removeStrayBriefFiles, saveBuild } from './cache/save-build.js';
import { briefsDigest, type CachedBrief, type IndexedBrief } from './cache/state.js';
import { type BuildConfig, loadConfig } from './core/config.js';
import { lazy } from './core/lazy.js';
import type { StoredMessage } from './core/messages.js';
import { createProgress, type Progress } from './core/progress.js';
import { summarize } from './core/report.js';
import { type StageTimer, stageTimer } from './core/stage-timer.js';
import { packetStage, type PacketsResult } from './packet/packet-stage.js';
import { createIconRasterizer, type IconRasterizer } from './print/icon-rasterizer.js';
import { printChanged, type PrintStreamResult } from './print/print-stream.js';
import { startPrinter } from './print/start-printer.js';
import { keepPoolForArchive, searchWorkers, startBriefPool } from './workers/threads.js';

export type { BuildOptions, BuildResult } from './build-types.js';

/** Builds printing at most this many briefs read the archive's caches while they print. */
const PREPARE_ARCHIVE_BRIEFS = 50;

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

async function buildLocked(config: BuildConfig, options: BuildOptions): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  const time = stageTimer(timings);
  const progress = createProgress({ quiet: options.quiet });

  // 2. The plan: what the last build made, and which sources changed since (the others come from the cache).
  const plan = await planBuild(config, { version: VERSION, force: options.force, shard: options.shard, time });
  // What draws the favicon's pictures: the printer's browser when a few briefs were printed
  // (handed over when the printing is done), else a browser started only if the icon changed.
  const icons = createIconRasterizer();
  try {
    return await buildPlanned(options, config, plan, time, timings, progress, icons);
  } finally {
    await Promise.all([plan.store.close(), icons.close()]);
  }
}

/** The messages kept with these briefs (most have none: no array of every brief is made for them). */
function storedMessages(...groups: ReadonlyMap<string, IndexedBrief>[]): StoredMessage[] {
  const messages: StoredMessage[] = [];
  for (const briefs of groups) for (const brief of briefs.values()) if (brief.messages.length > 0) messages.push(...brief.messages);
  return messages;
}

async function buildPlanned(
  options: BuildOptions,
  config: BuildConfig,
  plan: BuildPlan,
  time: StageTimer,
  timings: Record<string, number>,
  progress: Progress,
  icons: IconRasterizer,
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
  const site = plan.changed.length > 0 && !options.shard ? import('./archive/write-site.js') : undefined;
  site?.catch(() => {});
  // A build of a few briefs reads what its archive needs besides them (the archive index, the
  // files' keys, the caches) while the browser prints them, a time this thread spends waiting.
  // Not a larger build: it would hold all that in memory while it prints.
  let prepared: Promise<PreparedSite | undefined> | undefined;
  const prepareArchive = () => {
    if (site && plan.changed.length <= PREPARE_ARCHIVE_BRIEFS)
      prepared ??= site.then((m) => m.prepareSite(config, options.force)).catch(() => undefined);
  };
  let printed: PrintStreamResult | undefined;
  let closing: Promise<void> | undefined;
  const closePrinter = () =>
    (closing ??= printer.started().then(async (started) => {
      if (!started || started === options.printer) return;
      // A small build's browser draws the favicon next: a launch of its own costs more than the drawing.
      if (printed && !signal?.aborted && !options.shard && plan.changed.length <= PREPARE_ARCHIVE_BRIEFS && started.release) {
        const browser = await started.release();
        if (browser) icons.adopt(browser);
      } else await started.close();
    }));
  signal?.addEventListener('abort', closePrinter); // prints under way fail at once
  const reuseWorkers = keepPoolForArchive(plan.changed.length + plan.cached.size);
  // Before any brief's files change: a build stopped from here on leaves the mark that makes the next one redo the archive.
  if (plan.changed.length > 0) plan.store.markIncomplete();
  try {
    printed = await time('print', () =>
      printChanged({
        ...plan,
        config,
        work: workers.get,
        printer: () => {
          prepareArchive();
          return printer.get();
        },
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
  const wholeRecords = () => (records ??= ordered().map((source) => late.get(source) ?? plan.store.full(source, briefs.get(source)!)));

  // 4. The packets of the configuration, from the printed briefs, with the same browser
  //    (packet-stage.ts); not in a shard, whose briefs are a part of the whole.
  let packets: PacketsResult | undefined;
  try {
    if (!options.shard)
      packets = await time('packets', () =>
        packetStage({
          config,
          briefs: () => wholeRecords().map((b) => b.entry),
          briefsDigest: config.packets.length > 0 ? briefsDigest(briefs) : undefined,
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
  //    A caller that shows a few printed briefs (the dev server) hears of them once their pages are written.
  const onPreview = options.onPreview;
  const previewed =
    onPreview && !options.shard && built.size > 0 && built.size <= PREPARE_ARCHIVE_BRIEFS
      ? [...built].map(([source, brief]) => (late.get(source) ?? plan.store.full(source, brief)).entry)
      : undefined;
  const search = searchWorkers(config, plan.changed.length, reuseWorkers ? await workers.started() : undefined);
  let files: string[] | undefined;
  try {
    files = await archiveStage({
      ...plan,
      config,
      cached,
      sources: {
        // Sorted only if the archive is out of date (a build with nothing to write does not ask).
        get ordered() {
          return ordered();
        },
        briefs,
        late,
      },
      records: wholeRecords,
      failed,
      changes: plan.changed.length + built.size + failed.length,
      shard: options.shard,
      fresh: options.force,
      searchPart: search.part,
      packets: packets?.packets.map((p) => p.entry),
      packetsChanged: packets?.changed,
      rasterize: icons.png,
      prepared,
      ...(previewed ? { preview: { paths: new Set(previewed.map((e) => e.html)), shown: () => onPreview!(previewed) } } : {}),
      time,
    });
  } finally {
    await search.close();
  }

  // 6. Remove what deleted or renamed sources left behind, and remember this build.
  if (signal?.aborted) {
    await plan.store.flushed();
    signal.throwIfAborted();
  }
  const removed = files
    ? await saveBuild(config.outDir, config.cacheDir, plan.store, plan.previous, briefs, late, files, plan.listings)
    : // Nothing was written: the plan's listings hold, and so does what they said of the briefs' files.
      plan.briefFiles?.noStrays
      ? 0
      : await removeStrayBriefFiles(config.outDir, briefs, plan.listings);

  // 7. Report every problem, including the warnings of cached briefs and the packets'.
  const used = await printer.started();
  const reported = [...plan.skipped, ...failed, ...(packets ? [packets.file] : [])];
  return {
    // The cached and printed briefs' messages are reported as stored (no file made for each).
    ...summarize(reported, [...briefs.values()], config.strict, storedMessages(built, cached)),
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
