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
 *
 * Normalizing a source has a time budget: one that takes longer fails alone with a
 * `normalize-timeout` error, and the others go on. Only a worker thread can be stopped in
 * the middle of a synchronous normalizer, so the budget holds in worker threads: the thread
 * is stopped and replaced, and the requests it had not begun go to its replacement. Without
 * threads, a source larger than `IN_THREAD_BYTES` is normalized in a thread of its own.
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
  request: WorkerRequest;
  resolve: (output: never) => void;
  reject: (error: Error) => void;
  /** Set when the worker has begun a normalize request: it fails the request at the end of the budget. */
  timer?: NodeJS.Timeout;
  /** Set when the job was sent again after its thread stopped: a second stop fails it. */
  resent?: boolean;
}

interface Thread {
  worker: Worker;
  jobs: Map<number, Job>;
}

/** Milliseconds normalizing one source may take in a worker thread before it fails alone. */
export const NORMALIZE_TIMEOUT_MS = 30_000;

/**
 * Without worker threads, sources up to this size are normalized in this thread, where no
 * budget can stop them: every rule is linear or close to it, and the adversarial shapes of
 * test/hostile/normalizer-linear.test.ts normalize in well under a second at this size. A
 * larger source (up to the 1 MB a source may have) goes to a worker thread, with the budget.
 */
export const IN_THREAD_BYTES = 64 * 1024;

/** The answer for a source whose normalizing was stopped: one error, at its first line. */
function timedOut(ms: number): NormalizeOutput {
  const reason = `normalizing took longer than ${ms / 1000} s and was stopped; please report this source (the other briefs still build)`;
  return { ok: false, messages: [{ path: '', reason, line: 1, column: 1, ruleId: 'normalize-timeout', fatal: true }] };
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
  /** How long normalizing one source may take (`NORMALIZE_TIMEOUT_MS` by default). */
  normalizeTimeoutMs?: number;
  /**
   * The workers' young generation: `YOUNG_GENERATION_MB` by default, for parsing briefs;
   * V8's own size (`false`) for a worker that only builds the search index, which has
   * no use for the room and would hold it during the archive stage.
   */
  largeYoungGeneration?: boolean;
  /** The module each thread loads, an absolute path: brief-worker.ts (tests give one that stops). */
  workerModule?: string;
}

export function createBriefPool(config: BuildConfig, options: BriefPoolOptions): BriefPool {
  const budget = options.normalizeTimeoutMs ?? NORMALIZE_TIMEOUT_MS;
  let threads: Thread[] = [];
  for (let i = 0; i < options.threads; i++) threads.push(startThread());
  /** Without threads: the one that normalizes the large sources, started for the first. */
  let guard: Thread | undefined;
  let nextId = 0;
  /** Set by `close`: a thread stopping then is not replaced. */
  let closed = false;

  // In this thread: the stages' modules load on first use.
  let renderHere: Promise<(input: RenderInput) => Promise<RenderOutput>> | undefined;
  const here = {
    normalize: async (source: SourceInput) =>
      (await import('../normalize/normalize-source.js')).normalizeSource(source, config.root, config),
    render: async (input: RenderInput) =>
      (await (renderHere ??= import('../render/render-brief.js').then((m) => m.createBriefRenderer(config))))(input),
    searchPart: async (job: SearchPartJob) => (await import('./search-part.js')).buildSearchPart(job),
  };

  function startThread(): Thread {
    const resourceLimits = options.largeYoungGeneration === false ? {} : { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
    const module = options.workerModule ?? fileURLToPath(WORKER_MODULE);
    const worker = new Worker(WORKER_ENTRY, { workerData: { module, config }, resourceLimits });
    const thread: Thread = { worker, jobs: new Map() };
    worker.on('message', (reply: WorkerReply) => {
      const job = thread.jobs.get(reply.id);
      if ('started' in reply) {
        if (job) job.timer = setTimeout(() => timeOut(thread, reply.id), budget);
        return;
      }
      clearTimeout(job?.timer);
      thread.jobs.delete(reply.id);
      // A worker with nothing to do must not keep the process alive (one with work does).
      if (thread.jobs.size === 0) worker.unref();
      if ('error' in reply) job?.reject(new Error(reply.error));
      else job?.resolve(reply.output as never);
    });
    const stop = (error: Error) => {
      const wasGuard = guard === thread;
      threads = threads.filter((t) => t !== thread);
      if (wasGuard) guard = undefined;
      const jobs = [...thread.jobs.values()];
      thread.jobs.clear();
      for (const job of jobs) clearTimeout(job.timer);
      // A thread that stopped with work on it gets a replacement, and its requests are sent
      // there once more; a request whose thread stops a second time fails. (CI once saw a
      // thread end while loading its module: two threads bundling it into one folder, since
      // fixed in start/load-ts.mjs. A thread can still die for reasons of its own.)
      const again = closed ? [] : jobs.filter((job) => !job.resent);
      if (again.length) {
        const replacement = startThread();
        if (wasGuard) guard = replacement;
        else threads.push(replacement);
        for (const job of again) {
          job.resent = true;
          delete job.timer;
          post(replacement, job);
        }
      }
      for (const job of jobs) if (!again.includes(job)) job.reject(new WorkerStopped(error));
    };
    worker.on('error', stop);
    worker.on('exit', (code) => stop(new Error(`exit code ${code}`)));
    worker.unref();
    return thread;
  }

  /**
   * A normalize request over its budget: it fails alone; its thread, stuck in it, is stopped
   * and replaced, and the requests it held go to the replacement.
   */
  function timeOut(thread: Thread, id: number): void {
    const job = thread.jobs.get(id);
    if (!job) return;
    thread.jobs.delete(id);
    const waiting = [...thread.jobs.values()];
    thread.jobs.clear(); // so that stopping the thread fails none of them
    const replacement = startThread();
    if (guard === thread) guard = replacement;
    else threads = [...threads.filter((t) => t !== thread), replacement];
    void thread.worker.terminate();
    job.resolve(timedOut(budget) as never);
    for (const other of waiting) {
      clearTimeout(other.timer);
      delete other.timer;
      post(replacement, other);
    }
  }

  function post(thread: Thread, job: Job): void {
    thread.jobs.set(job.request.id, job);
    thread.worker.ref();
    thread.worker.postMessage(job.request);
  }

  function send<T>(request: WorkerRequest, on?: Thread): Promise<T> {
    // The thread with the fewest requests waiting.
    const thread = on ?? threads.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
    return new Promise<T>((resolve, reject) => post(thread, { request, resolve: resolve as (output: never) => void, reject }));
  }

  return {
    normalize(source) {
      if (threads.length) return send({ id: nextId++, task: 'normalize', source });
      if (source.bytes.length <= IN_THREAD_BYTES) return here.normalize(source);
      return send({ id: nextId++, task: 'normalize', source }, (guard ??= startThread()));
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
      closed = true;
      const stopping = guard ? [...threads, guard] : threads;
      threads = [];
      guard = undefined;
      await Promise.all(stopping.map((t) => t.worker.terminate()));
    },
  };
}
