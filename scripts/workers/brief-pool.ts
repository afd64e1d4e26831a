/**
 * The CPU-bound stages of a brief — normalizing its source, rendering its Markdown to HTML
 * and its print page — off the main thread. They cost a brief about fifteen milliseconds of
 * CPU while the browser prints one in twenty to forty. Done on the main thread, that work
 * held up the browser's replies, which waited behind a Markdown parse. In a worker thread
 * the main thread only passes pages to the browser and writes files. Measured on 1,000
 * briefs (2 cores), the pages were busy 41 ms per print instead of 43 to 46, and the build
 * took 24.2–24.4 s instead of 24.5–25.8 s.
 *
 * `threads: 0` does the work in this thread: a build with a few briefs to redo is over
 * before a worker would have loaded its modules. When a worker dies, what it was doing
 * fails (as a print would) and the pool does the rest in this thread.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SearchIndexResult, SearchPartJob } from '../archive/search/search-index.js';
import type { WorkerReply, WorkerRequest } from './brief-worker.js';
import type { BuildConfig } from '../core/config.js';
import type { NormalizeOutput, SourceInput } from '../normalize/normalize-source.js';
import type { RenderInput, RenderOutput } from '../render/render-brief.js';

export interface BriefPool {
  normalize(source: SourceInput): Promise<NormalizeOutput>;
  render(input: RenderInput): Promise<RenderOutput>;
  /** A part of the search index (search-index.ts), its bodies read from the build cache. */
  searchPart(job: SearchPartJob): Promise<SearchIndexResult>;
  close(): Promise<void>;
}

interface Job {
  resolve: (output: never) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  jobs: Map<number, Job>;
}

/**
 * Parsing a brief's Markdown allocates about 5 MB of short-lived objects (micromark's
 * events and tokens). With V8's default young generation that is a scavenge every few
 * briefs, each copying the tree being built. With this much room, 1,000 briefs took 131
 * scavenges (0.54 s of pauses, plus V8's helper threads) instead of 374 (1.08 s).
 */
const YOUNG_GENERATION_MB = 128;

/** What a thread's unfinished requests fail with when it stops. */
class WorkerStopped extends Error {
  constructor(cause: Error) {
    super(`a worker thread stopped: ${cause.message}`);
  }
}

const WORKER_ENTRY = new URL('../start/worker-thread.mjs', import.meta.url);
const WORKER_MODULE = new URL('./brief-worker.ts', import.meta.url);

export interface BriefPoolOptions {
  threads: number;
  /**
   * The workers' young generation: `YOUNG_GENERATION_MB` by default, for parsing briefs;
   * V8's own size (`false`) for a worker that only builds the search index, which has
   * no use for the room and would hold it during the archive stage.
   */
  largeYoungGeneration?: boolean;
}

export function createBriefPool(config: BuildConfig, options: BriefPoolOptions): BriefPool {
  let threads: Thread[] = [];
  for (let i = 0; i < options.threads; i++) threads.push(startThread());
  let nextId = 0;

  // In this thread: the stages' modules load on first use.
  let renderHere: Promise<(input: RenderInput) => Promise<RenderOutput>> | undefined;
  const here = {
    normalize: async (source: SourceInput) =>
      (await import('../normalize/normalize-source.js')).normalizeSource(source, config.root, config.organization),
    render: async (input: RenderInput) =>
      (await (renderHere ??= import('../render/render-brief.js').then((m) => m.createBriefRenderer(config))))(input),
    searchPart: async (job: SearchPartJob) => (await import('./search-part.js')).buildSearchPart(job),
  };

  function startThread(): Thread {
    const resourceLimits = options.largeYoungGeneration === false ? {} : { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
    const worker = new Worker(WORKER_ENTRY, { workerData: { module: fileURLToPath(WORKER_MODULE), config }, resourceLimits });
    const thread: Thread = { worker, jobs: new Map() };
    worker.on('message', (reply: WorkerReply) => {
      const job = thread.jobs.get(reply.id);
      thread.jobs.delete(reply.id);
      // A worker with nothing to do must not keep the process alive (one with work does).
      if (thread.jobs.size === 0) worker.unref();
      if ('error' in reply) job?.reject(new Error(reply.error));
      else job?.resolve(reply.output as never);
    });
    const stop = (error: Error) => {
      threads = threads.filter((t) => t !== thread);
      for (const job of thread.jobs.values()) job.reject(new WorkerStopped(error));
      thread.jobs.clear();
    };
    worker.on('error', stop);
    worker.on('exit', (code) => stop(new Error(`exit code ${code}`)));
    worker.unref();
    return thread;
  }

  function send<T>(request: WorkerRequest): Promise<T> {
    // The thread with the fewest requests waiting.
    const thread = threads.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
    return new Promise<T>((resolve, reject) => {
      thread.jobs.set(request.id, { resolve: resolve as (output: never) => void, reject });
      thread.worker.ref();
      thread.worker.postMessage(request);
    });
  }

  return {
    normalize(source) {
      return threads.length ? send({ id: nextId++, task: 'normalize', source }) : here.normalize(source);
    },
    render(input) {
      return threads.length ? send({ id: nextId++, task: 'render', input }) : here.render(input);
    },
    searchPart(job) {
      // Not a brief of its own to fail: should the thread die, the part is built here instead.
      if (!threads.length) return here.searchPart(job);
      return send<SearchIndexResult>({ id: nextId++, task: 'search-part', job }).catch((error: unknown) =>
        error instanceof WorkerStopped ? here.searchPart(job) : Promise.reject(error),
      );
    },
    async close() {
      const stopping = threads;
      threads = [];
      await Promise.all(stopping.map((t) => t.worker.terminate()));
    },
  };
}
