/**
 * Stage 2: read every source and normalize the ones whose bytes (or the build key)
 * changed since the last build; unchanged ones come from the cache without parsing.
 * Normalized briefs are handed on one at a time, so printing starts with the first.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import type { BuildState, CachedBrief } from './build-state.js';
import { sourceHash } from './build-state.js';
import type { SiteConfig } from './config.js';
import type { NormalizedBrief } from './types.js';

/** Files read at once while looking for changed sources. */
const READ_CONCURRENCY = 16;

export interface Changes {
  /** Briefs whose outputs from the last build are still good, by source path, in path order. */
  cached: Map<string, CachedBrief>;
  /** Sources to normalize again, sorted by path, with the bytes already read. */
  changed: ChangedSource[];
}

export interface ChangedSource {
  /** Absolute path. */
  path: string;
  /** Its contents, when already read. */
  bytes?: Uint8Array;
}

/** Tell unchanged sources (same bytes, same build key) from changed ones, reading several files at once. */
export async function findChanges(sourcePaths: readonly string[], root: string, key: string, previous: BuildState): Promise<Changes> {
  const limit = pLimit(READ_CONCURRENCY);
  const unchanged = await Promise.all(
    sourcePaths.map((absPath) =>
      limit(async () => {
        const last = previous.briefs[path.relative(root, absPath)];
        const bytes = await readFile(absPath);
        return last && last.hash === sourceHash(key, bytes) ? last : bytes;
      }),
    ),
  );
  const cached = new Map<string, CachedBrief>();
  const changed: ChangedSource[] = [];
  sourcePaths.forEach((absPath, i) => {
    const result = unchanged[i]!;
    if (result instanceof Uint8Array) changed.push({ path: absPath, bytes: result });
    else cached.set(path.relative(root, absPath), result);
  });
  return { cached, changed: changed.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}

/**
 * Normalize changed sources one by one, in path order, handing each brief on as soon as
 * it is ready. The normalizer (and its date parser) loads only when a source has changed.
 */
export async function normalizeSources(
  changed: readonly ChangedSource[],
  root: string,
  organization: SiteConfig['organization'],
  onBrief: (brief: NormalizedBrief) => void | Promise<void>,
): Promise<VFile[]> {
  const failed: VFile[] = [];
  if (changed.length === 0) return failed;
  const { normalize, readSource, sourceFile } = await import('./normalize/index.js');
  for (const source of changed) {
    const file = source.bytes ? sourceFile(source.path, root, source.bytes) : await readSource(source.path, root);
    let brief: NormalizedBrief;
    try {
      brief = normalize(file, { organization });
    } catch (error) {
      if (!(error instanceof VFileMessage)) throw new Error(`${file.path}: the normalizer failed unexpectedly`, { cause: error });
      failed.push(file);
      continue;
    }
    await onBrief(brief);
  }
  return failed;
}
