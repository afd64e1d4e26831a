/**
 * Where the build cache of an output folder lives: beside that folder, never inside it.
 * `dist/` is what users publish, so nothing of the cache (source file names, their problems,
 * the state of the last build) may be in it. The cache of `<parent>/<name>/` is
 * `<parent>/.briefpress/<name>/`, taken from the output folder's real path (after symlinks),
 * so two names for one folder share one cache and two output folders side by side (shards
 * built as `shard-1`, `shard-2`) each have their own. It works in any project, with or
 * without `node_modules/`, and goes away with a temporary project's folder.
 *
 * Every part of briefpress that keeps something between builds asks `cacheDirOf` (or reads
 * `config.cacheDir`, which it set), so moving the cache is a change here only.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';

/** The folder that holds the caches of the output folders beside it. */
export const CACHE_FOLDER = '.briefpress';

/** `target` with every folder of it that exists resolved to its real path (the rest, not made yet, appended). */
export function realPathSoFar(target: string): string {
  const absolute = path.resolve(target);
  const missing: string[] = [];
  for (let at = absolute; ; at = path.dirname(at)) {
    try {
      return path.join(realpathSync(at), ...missing.reverse());
    } catch {
      if (path.dirname(at) === at) return absolute;
      missing.push(path.basename(at));
    }
  }
}

/** The build cache folder of the output folder `outDir`. */
export function cacheDirOf(outDir: string): string {
  const real = realPathSoFar(outDir);
  return path.join(path.dirname(real), CACHE_FOLDER, path.basename(real));
}

/** Where builds before the cache moved out kept it: inside the output folder. */
export function oldCacheDirOf(outDir: string): string {
  return path.join(outDir, CACHE_FOLDER);
}
