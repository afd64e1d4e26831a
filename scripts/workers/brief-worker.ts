/**
 * A worker thread of the brief pool (brief-pool.ts): normalizes and renders the briefs it
 * is sent, one after another, with the build's configuration, then builds parts of the
 * search index while the main thread renders the archive's pages; it answers each request
 * with its output or its error. Started through worker-thread.mjs, which loads this module.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SearchIndexResult, SearchPartJob } from '../archive/search/search-index.js';
import type { BuildConfig } from '../core/config.js';
import { normalizeSource, type NormalizeOutput, type SourceInput } from '../normalize/normalize-source.js';
import { createBriefRenderer, type RenderInput, type RenderOutput } from '../render/render-brief.js';
import { buildSearchPart } from './search-part.js';

export type WorkerRequest =
  | { id: number; task: 'normalize'; source: SourceInput }
  | { id: number; task: 'render'; input: RenderInput }
  | { id: number; task: 'search-part'; job: SearchPartJob };

export type WorkerReply =
  | { id: number; output: NormalizeOutput | RenderOutput | SearchIndexResult }
  | { id: number; error: string }
  /** The worker has begun a normalize request: its time budget runs from here (brief-pool.ts). */
  | { id: number; started: true };

const port = parentPort;
if (port) {
  const { config } = workerData as { config: BuildConfig };
  const render = createBriefRenderer(config);
  const work = async (request: WorkerRequest) =>
    request.task === 'normalize'
      ? normalizeSource(request.source, config.root, config)
      : request.task === 'render'
        ? render(request.input)
        : buildSearchPart(request.job);
  port.on('message', (request: WorkerRequest) => {
    if (request.task === 'normalize') port.postMessage({ id: request.id, started: true } satisfies WorkerReply);
    work(request).then(
      (output) => port.postMessage({ id: request.id, output } satisfies WorkerReply),
      (error: unknown) =>
        port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply),
    );
  });
}
