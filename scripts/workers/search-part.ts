/**
 * One part of the search index built where the briefs' bodies come from the build cache:
 * what a worker thread of the brief pool does during the archive stage, while the main
 * thread renders the archive's pages.
 */
import { buildSearchIndex, type SearchIndexResult, type SearchPartJob } from '../archive/search/search-index.js';
import { readBody } from '../cache/bodies.js';

export function buildSearchPart({ cacheDir, ...input }: SearchPartJob): Promise<SearchIndexResult> {
  return buildSearchIndex({ ...input, body: (brief) => readBody(cacheDir, brief.bodyHash) });
}
