/**
 * Stage 2: read every source and normalize the ones whose bytes (or the build key)
 * changed since the last build; unchanged ones come from the cache without parsing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
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

/** Files read at once while looking for changed sources. */
const READ_CONCURRENCY = 16;

export async function readSources(
  sourcePaths: readonly string[],
  root: string,
  key: string,
  previous: BuildState,
  organization: SiteConfig['organization'],
  progress: Progress,
  /** Called once, as soon as a changed source is found (the build starts its browser then). */
  onChange?: () => void,
): Promise<ReadResult> {
  const result: ReadResult = { fresh: [], cached: new Map(), failed: [] };
  progress.stage('reading', sourcePaths.length);
  // First tell unchanged sources from changed ones, reading several files at once…
  const changed: string[] = [];
  const limit = pLimit(READ_CONCURRENCY);
  const unchanged = await Promise.all(
    sourcePaths.map((absPath) =>
      limit(async () => {
        const last = previous.briefs[path.relative(root, absPath)];
        if (last && last.hash === sourceHash(key, await readFile(absPath))) return last;
        changed.push(absPath);
        if (changed.length === 1) onChange?.();
        return undefined;
      }),
    ),
  );
  sourcePaths.forEach((absPath, i) => {
    const last = unchanged[i];
    if (!last) return;
    result.cached.set(path.relative(root, absPath), last);
    progress.tick(last.entry.slug);
  });
  // …then normalize the changed ones, in order. The normalizer (and its date parser) loads
  // only when a source has changed.
  if (changed.length > 0) {
    const { normalize, readSource } = await import('./normalize/index.js');
    for (const absPath of changed.sort()) {
      const file = await readSource(absPath, root);
      try {
        result.fresh.push(normalize(file, { organization }));
      } catch (error) {
        if (!(error instanceof VFileMessage)) throw new Error(`${file.path}: the normalizer failed unexpectedly`, { cause: error });
        result.failed.push(file);
      }
      progress.tick(file.path);
    }
  }
  progress.done();
  return result;
}
