/**
 * Stage 2: read every source and normalize the ones whose bytes (or the build key)
 * changed since the last build; unchanged ones come from the cache without parsing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import type { BuildState, CachedBrief } from './build-state.js';
import { sourceHash } from './build-state.js';
import type { SiteConfig } from './config.js';
import type { Progress } from './progress.js';
import type { NormalizedBrief } from './types.js';

export interface ReadResult {
  /** Briefs to render and print, with their slug before duplicates are resolved. */
  fresh: NormalizedBrief[];
  /** Briefs whose outputs from the last build are still good, by source path. */
  cached: Map<string, CachedBrief>;
  /** Sources that could not be normalized; each carries a fatal message. */
  failed: VFile[];
}

export async function readSources(
  sourcePaths: readonly string[],
  root: string,
  key: string,
  previous: BuildState,
  organization: SiteConfig['organization'],
  progress: Progress,
): Promise<ReadResult> {
  const result: ReadResult = { fresh: [], cached: new Map(), failed: [] };
  progress.stage('reading', sourcePaths.length);
  for (const absPath of sourcePaths) {
    const source = path.relative(root, absPath);
    const last = previous.briefs[source];
    if (last && last.hash === sourceHash(key, await readFile(absPath))) {
      result.cached.set(source, last);
    } else {
      // The normalizer (and its date parser) loads only when a source has changed.
      const { normalize, readSource } = await import('./normalize/index.js');
      const file = await readSource(absPath, root);
      try {
        result.fresh.push(normalize(file, { organization }));
      } catch (error) {
        if (!(error instanceof VFileMessage)) throw new Error(`${source}: the normalizer failed unexpectedly`, { cause: error });
        result.failed.push(file);
      }
    }
    progress.tick(source);
  }
  progress.done();
  return result;
}
