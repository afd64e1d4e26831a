/** The caches the archive keeps in the build cache folder are JSON files; a missing or unreadable one is no cache. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The parsed JSON of `cacheDir/rel`, or undefined. Read synchronously: small, local, and needed at once. */
export function readCache<T>(cacheDir: string, rel: string): Partial<T> | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path.join(cacheDir, rel), 'utf8')) as unknown;
    return parsed !== null && typeof parsed === 'object' ? (parsed as Partial<T>) : undefined;
  } catch {
    return undefined;
  }
}
