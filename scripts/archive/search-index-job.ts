/**
 * The search index as a job that can run in another thread (brief-pool.ts): its input is
 * plain data, and each brief's body is read from the build cache by hash.
 */
import { readBody } from '../build-state.js';
import { buildSearchIndex, type SearchIndexJob, type SearchIndexResult } from './search-index.js';

export type { SearchIndexJob, SearchIndexResult } from './search-index.js';

export function buildSearchIndexJob({ outDir, ...input }: SearchIndexJob): Promise<SearchIndexResult> {
  return buildSearchIndex({ ...input, body: (brief) => readBody(outDir, brief.bodyHash) });
}
