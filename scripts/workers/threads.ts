/**
 * How many worker threads a build uses, and when: the pool that normalizes and renders
 * (brief-pool.ts, loaded only when there is something to build) and the one that builds
 * the search index's parts during the archive stage.
 */
import os from 'node:os';
import type { SearchIndexResult, SearchPartJob } from '../archive/search/search-index.js';
import { SEARCH_PART_SIZE } from '../archive/search/search-parts.js';
import type { BuildConfig } from '../core/config.js';
import type { BriefPool } from './brief-pool.js';

/**
 * Worker threads for a build: none for a few briefs (they are done before a worker has
 * loaded its modules); otherwise one for every four pages printing at once, leaving a
 * core to the main thread.
 */
export function workerThreads(briefs: number, pagesAtOnce: number, cores = os.availableParallelism()): number {
  if (briefs < 32) return 0;
  return Math.max(1, Math.min(cores - 1, Math.ceil(pagesAtOnce / 4)));
}

/** The pool that normalizes and renders `briefs` briefs while `pagesAtOnce` pages print. */
export async function startBriefPool(
  config: BuildConfig,
  briefs: number,
  pagesAtOnce: number,
  threads?: number,
  normalizeTimeoutMs?: number,
): Promise<BriefPool> {
  const { createBriefPool } = await import('./brief-pool.js');
  return createBriefPool(config, {
    threads: threads ?? workerThreads(briefs, pagesAtOnce),
    ...(normalizeTimeoutMs ? { normalizeTimeoutMs } : {}),
  });
}

/**
 * Whether the worker thread that rendered the briefs also builds the search index: while
 * the archive has at most two parts of briefs. Its large young generation and warm code
 * help a small archive; for a large one, that worker's memory on top of the archive
 * stage's own went over the build's peak, so it gets a new, small worker.
 */
export function keepPoolForArchive(briefs: number): boolean {
  return briefs <= 2 * SEARCH_PART_SIZE;
}

export interface SearchWorkers {
  /** Builds one part of the search index in a worker thread; undefined: build them in this thread. */
  part?: (job: SearchPartJob) => Promise<SearchIndexResult>;
  close(): Promise<void>;
}

/**
 * The worker thread for the search index's parts, after printing `printed` briefs: `reuse`
 * (the pool that rendered them), else a new one without the large young generation,
 * started for the first part. None after a small build.
 */
export function searchWorkers(config: BuildConfig, printed: number, reuse: BriefPool | undefined): SearchWorkers {
  let pool: Promise<BriefPool> | undefined = reuse ? Promise.resolve(reuse) : undefined;
  const close = async () => (await pool)?.close();
  if (workerThreads(printed, config.concurrency) === 0) return { close };
  return {
    part: async (job) =>
      (
        await (pool ??= import('./brief-pool.js').then((m) => m.createBriefPool(config, { threads: 1, largeYoungGeneration: false })))
      ).searchPart(job),
    close,
  };
}
