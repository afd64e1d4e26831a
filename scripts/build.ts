/**
 * `npm run build`: sources → normalized Markdown → HTML → PDF → archive.
 * Reads top to bottom as the list of stages; each stage is a module of its own.
 */
import { access, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
import type { VFile } from 'vfile';
import {
  type BuildState,
  buildKey,
  type CachedBrief,
  emptyState,
  readState,
  sourceHash,
  STATE_FILE,
  storeBody,
  withBodies,
} from './cache/state.js';
import { restoreMessages, storeMessages } from './core/messages.js';
import { newestFirst, saveBuild, stateOf, writeSite } from './archive/write-site.js';
import { type BuildConfig, loadConfig } from './core/config.js';
import { listSources } from './core/list-sources.js';
import { onInterrupt } from './core/on-interrupt.js';
import type { SearchPartJob } from './archive/search/search-index.js';
import { SEARCH_PART_SIZE } from './archive/search/search-parts.js';
import type { BriefPool } from './workers/brief-pool.js';
import type { Printer } from './print/printer.js';
import { createProgress } from './core/progress.js';
import { printedBriefs } from './cache/printed-briefs.js';
import { findChanges, normalizeSources, rebuildMissingBodies } from './cache/read-sources.js';
import { summarize } from './core/report.js';
import { createSlugResolver, type SlugResolution } from './core/resolve-slugs.js';
import { partitionSources, type Shard, writeShardManifest } from './scale/shard.js';
import type { ManifestEntry, NormalizedBrief } from './core/types.js';
import { stopWrites, writeOutput } from './core/write-file.js';

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
  /** Print through these running browsers (DevTools endpoints) instead of launching one; see remote-browser.ts. */
  browserWs?: string[];
  /** Build only this part of the briefs and write `shard-K-of-N.json` instead of the archive; see shard.ts. */
  shard?: Shard;
  /** Worker threads that normalize and render; default: none for fewer than 32 briefs to redo, else see `workerThreads`. */
  threads?: number;
  /** Print with this printer (kept open afterwards) instead of starting a browser: the dev server's warm one. */
  printer?: Printer;
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
  manifest: ManifestEntry[];
  /** Every problem, one `path:line:column: severity: reason (rule)` line each. */
  messages: string[];
  /** Whether a browser was started (it is not when everything was cached). */
  launchedBrowser: boolean;
  /** Requests the printed pages tried to make and the printer refused (nothing leaves the machine). */
  blockedRequests: number;
}

const VERSION = (JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  const time = async <T>(stage: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[stage] = Math.round((timings[stage] ?? 0) + performance.now() - start);
    }
  };
  const progress = createProgress({ quiet: options.quiet });

  // 1. Configuration, and what the last build made.
  const root = path.resolve(options.root ?? process.cwd());
  const config = await loadConfig(root, options);
  const key = await buildKey(config, VERSION);
  const previous = options.force ? emptyState() : await readState(config.outDir);

  // 2. Find the sources that changed since the last build; the others come from the cache.
  const { sourcePaths, otherSlugs } = await partitionSources(await listSources(config.sourcesDir), config, key, options.shard);
  const { cached, changed } = await time('read', async () =>
    rebuildMissingBodies(await findChanges(sourcePaths, root, key, previous), root, config.outDir),
  );

  // The browser starts as soon as there is something to print. The printing modules
  // (Puppeteer, pdf-lib, unified) load only then, so a build with nothing to print starts fast.
  let starting: Promise<Printer> | undefined;
  const startPrinter = (): Promise<Printer> => {
    starting ??= (async () => {
      if (options.printer) return options.printer;
      const remote = remoteOptions(options, config);
      const started = performance.now();
      const printer = remote
        ? await (await import('./print/remote-browser.js')).createRemotePrinter(remote)
        : await (
            await import('./print/printer.js')
          ).createPrinter({ config, concurrency: config.concurrency, timeoutMs: options.printTimeout, pagesAtStart: changed.length });
      timings.browser = Math.round(performance.now() - started);
      return printer;
    })();
    starting.catch(() => {}); // reported where it is awaited
    return starting;
  };
  if (changed.length > 0) void startPrinter();
  // Normalizing and rendering run in worker threads when there is enough to do (brief-pool.ts).
  let pool: Promise<BriefPool> | undefined;
  const briefPool = (): Promise<BriefPool> => (pool ??= startBriefPool(config, Math.max(1, changed.length), options));
  if (changed.length > 0) void briefPool();

  // 3. Normalize the changed sources in path order and give each its slug, which depends
  //    only on the sources before it, so each brief can be printed at once.
  // 4. Render and print each brief while the next ones are normalized, with one browser and
  //    a pool of pages; normalizing stays only a few briefs ahead of printing.
  const printed = printedBriefs(config.outDir);
  const printFailures: VFile[] = [];
  const baseSlugs = new Map<string, string>();
  const slugs = createSlugResolver([
    ...[...otherSlugs].map(([source, slug]) => ({ source, slug })),
    ...[...cached].map(([source, brief]) => ({ source, slug: brief.baseSlug })),
  ]);
  let printer: Printer | undefined;
  let interrupted = false;
  const reusePool = keepPoolForArchive(changed.length + cached.size);
  let printedAll = false;
  const forgetCleanup = onInterrupt(async () => {
    // Ctrl-C: close the browser, remember the briefs printed so far (the next build reuses
    // them), and let no file be half-written. The command line exits once this is done.
    interrupted = true;
    await (printer ?? (await starting?.catch(() => undefined)))?.close();
    const printedSoFar = await printed.read().catch(() => new Map<string, CachedBrief>());
    await writeOutput(config.outDir, STATE_FILE, JSON.stringify(partialState(previous, printedSoFar))).catch(() => {});
    await stopWrites();
  });
  const limit = pLimit(config.concurrency * 2 * (options.browserWs?.length || 1));
  const printing: Promise<void>[] = [];
  let slotFreed: (() => void) | undefined;
  const printOne = (brief: NormalizedBrief) =>
    limit(async () => {
      // Without a browser nothing can print: that error ends the build (see below).
      const [{ printBrief }, renderer, current] = await Promise.all([import('./print/print-brief.js'), briefPool(), startPrinter()]);
      printer = current;
      try {
        const { rendered, entry } = await printBrief(brief, config, renderer, current);
        checkBudget(brief.file, entry, config.strict);
        printed.add(brief.file.path, {
          hash: sourceHash(key, brief.file.value as Uint8Array),
          baseSlug: baseSlugs.get(brief.file.path)!,
          entry,
          data: brief.data,
          bodyHash: await storeBody(config.outDir, rendered.html),
          headings: rendered.headings,
          messages: storeMessages(brief.file, rendered.markdownFile),
        });
      } catch (error) {
        const reason = `could not print: ${error instanceof Error ? error.message : String(error)}`;
        brief.file.message(reason, { ruleId: 'print-failed', source: 'briefpress' }).fatal = true;
        printFailures.push(brief.file);
      } finally {
        progress.tick(brief.slug);
        slotFreed?.();
      }
    });
  const queue = async (brief: NormalizedBrief, slug: SlugResolution): Promise<void> => {
    if (slug.takenBy) {
      brief.file.message(
        `slug \`${brief.slug}\` is already used by ${slug.takenBy}; this brief is written as \`${slug.slug}\` (set \`slug:\` to choose another)`,
        { ruleId: 'duplicate-slug', source: 'briefpress' },
      );
    }
    baseSlugs.set(brief.file.path, brief.slug);
    brief.slug = slug.slug;
    printing.push(printOne(brief));
    while (limit.pendingCount > config.concurrency * 2) await new Promise<void>((resolve) => (slotFreed = resolve));
  };
  let failed: VFile[] = [];
  try {
    if (changed.length > 0) progress.stage('printing', changed.length);
    await time('print', async () => {
      if (changed.length > 0)
        failed = await normalizeSources(changed, root, await briefPool(), (brief) =>
          queue(brief, slugs.claim(brief.file.path, brief.slug)),
        );
      // A cached brief whose slug was taken by a new source is printed again under its new one.
      const resolved = slugs.finish();
      for (const [source, brief] of cached) {
        const slug = resolved.get(source)!;
        if (slug.slug === brief.entry.slug) continue;
        cached.delete(source);
        void startPrinter();
        failed.push(
          ...(await normalizeSources([{ path: path.join(root, source) }], root, await briefPool(), (again) => queue(again, slug))),
        );
      }
      await Promise.all(printing);
    });
    progress.done();
    printedAll = true;
  } catch (error) {
    if (!interrupted) await printed.read().catch(() => {}); // the build ends here: leave no file behind
    throw error;
  } finally {
    // Also a browser started for sources that then failed to normalize.
    printer ??= await starting?.catch(() => undefined);
    if (printer !== options.printer) await printer?.close();
    // Kept for the archive stage when it is small (below); not after a failure.
    if (!reusePool || !printedAll || interrupted) await (await pool)?.close();
    forgetCleanup();
  }
  // Interrupted: the cleanup above runs and the process exits; nothing more may be written.
  if (interrupted) await new Promise<never>(() => {});

  const forgetStop = onInterrupt(stopWrites);

  // 5. This build's briefs: new, cached, and the last good version of any that failed now.
  const built = await printed.read();
  const briefs = new Map<string, CachedBrief>([...cached, ...built]);
  for (const file of [...failed, ...printFailures]) {
    const lastGood = previous.briefs[file.path];
    if (lastGood) briefs.set(file.path, lastGood);
  }
  const ordered = [...briefs.values()].sort(newestFirst);
  const manifest = ordered.map((b) => b.entry);

  // 6. The archive website and the manifest, rebuilt from all briefs, unless nothing at all
  //    changed since a complete last build (then they would come out byte for byte the same).
  // 7. Remove what deleted or renamed sources left behind, and remember this build.
  //    After printing many briefs, a worker thread builds the parts of the search index
  //    meanwhile: the one that rendered them while the archive is small (its code is warm),
  //    else a new one without its large young generation, started for the first part.
  const shard = options.shard;
  let removed = 0;
  let searchPool = reusePool ? pool : undefined;
  const searchPart =
    workerThreads(changed.length, config.concurrency) > 0
      ? async (job: SearchPartJob) =>
          (
            await (searchPool ??= import('./workers/brief-pool.js').then((m) =>
              m.createBriefPool(config, { threads: 1, largeYoungGeneration: false }),
            ))
          ).searchPart(job)
      : undefined;
  try {
    if (shard || !(await upToDate(config.outDir, previous, cached, changed.length + built.size + failed.length + printFailures.length))) {
      const files = shard
        ? (await writeShardManifest(await withBodies(config.outDir, ordered), [...failed, ...printFailures], shard, config, key)).files
        : await time('archive', () => writeSite(ordered, config, { fresh: options.force, ...(searchPart ? { searchPart } : {}) }));
      removed = await saveBuild(config.outDir, previous, briefs, files);
    }
  } finally {
    await (await searchPool)?.close();
  }
  forgetStop();

  // 8. Report every problem, including the warnings of cached briefs.
  const reported = [...failed, ...printFailures, ...restoreMessages([...built.values(), ...cached.values()].flatMap((b) => b.messages))];
  return {
    ...summarize(reported, manifest, config.strict),
    built: built.size,
    cached: cached.size,
    failed: failed.length + printFailures.length,
    removed,
    timings,
    manifest,
    launchedBrowser: printer !== undefined && printer !== options.printer,
    blockedRequests: printer?.requestsBlocked ?? 0,
  };
}

/**
 * Whether the worker thread that rendered the briefs also builds the search index: while
 * the archive has at most `SMALL_ARCHIVE` briefs. Its young generation (128 MB) and warm
 * code save about 0.4 s at 1,000 briefs; at 10,000 the archive stage's own memory plus
 * that worker's was 80 MB over the build's peak, so a larger archive gets a new, small
 * worker.
 */
const SMALL_ARCHIVE = 2 * SEARCH_PART_SIZE;
function keepPoolForArchive(briefs: number): boolean {
  return briefs <= SMALL_ARCHIVE;
}

/**
 * Nothing to do after the sources were read: every brief came from the cache, no source
 * was added or removed, and every file the last build wrote is still there.
 */
async function upToDate(outDir: string, previous: BuildState, cached: Map<string, CachedBrief>, changes: number): Promise<boolean> {
  if (changes > 0 || previous.incomplete || cached.size !== Object.keys(previous.briefs).length || previous.archiveFiles.length === 0)
    return false;
  const outputs = [
    ...previous.archiveFiles,
    'manifest.json',
    ...[...cached.values()].flatMap((b) => [b.entry.pdf, b.entry.markdown, b.entry.html]),
  ];
  const limit = pLimit(32);
  const present = await Promise.all(
    outputs.map((file) =>
      limit(() =>
        access(path.join(outDir, file)).then(
          () => true,
          () => false,
        ),
      ),
    ),
  );
  return present.every(Boolean);
}

async function startBriefPool(config: BuildConfig, briefs: number, options: BuildOptions): Promise<BriefPool> {
  const { createBriefPool } = await import('./workers/brief-pool.js');
  return createBriefPool(config, {
    threads: options.threads ?? workerThreads(briefs, config.concurrency * (options.browserWs?.length || 1)),
  });
}

/**
 * Worker threads for a build: none for a few briefs (they are done before a worker has
 * loaded its modules); otherwise one for every four pages printing at once, leaving a
 * core to the main thread.
 */
export function workerThreads(briefs: number, pagesAtOnce: number, cores = os.availableParallelism()): number {
  if (briefs < 32) return 0;
  return Math.max(1, Math.min(cores - 1, Math.ceil(pagesAtOnce / 4)));
}

function remoteOptions(options: BuildOptions, config: BuildConfig) {
  if (!options.browserWs?.length) return undefined;
  const log = (line: string) => options.quiet || process.stderr.write(`briefpress: ${line}\n`);
  return { config, endpoints: options.browserWs, timeoutMs: options.printTimeout, log };
}

/** The state after an interrupted build: the last build's briefs, and those printed since (unless their slug moved). */
function partialState(previous: BuildState, printed: Map<string, CachedBrief>): BuildState {
  const briefs = { ...previous.briefs };
  for (const [source, brief] of printed) {
    if (!briefs[source] || briefs[source].entry.slug === brief.entry.slug) briefs[source] = brief;
  }
  return stateOf(Object.entries(briefs), previous.archiveFiles, true);
}

function checkBudget(file: VFile, entry: ManifestEntry, strict: boolean): void {
  if (entry.pages <= entry.budget) return;
  const message = file.message(
    `prints on ${entry.pages} pages, over its budget of ${entry.budget} (shorten it, or set \`pages: ${entry.pages}\` in its front matter)`,
    { ruleId: 'page-budget', source: 'briefpress' },
  );
  if (strict) message.fatal = true;
}
