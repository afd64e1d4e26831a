/**
 * Builds before the cache moved out of the output folder kept it in `<out>/.briefpress/`,
 * where it was published with the site. The first build (or merge) that finds one moves it
 * to the cache folder beside the output folder, when that has no cache yet (nothing is
 * built again: the store imports its state), and otherwise deletes it. Either way the
 * published folder no longer holds it.
 */
import { cp, mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { oldCacheDirOf } from '../core/cache-dir.js';

export async function moveOldCache(outDir: string, cacheDir: string): Promise<'moved' | 'removed' | 'none'> {
  const old = oldCacheDirOf(outDir);
  const found = await stat(old).catch(() => undefined);
  if (!found?.isDirectory()) return 'none';
  if (await stat(cacheDir).catch(() => undefined)) {
    await rm(old, { recursive: true, force: true });
    return 'removed';
  }
  await mkdir(path.dirname(cacheDir), { recursive: true });
  try {
    await rename(old, cacheDir);
  } catch (error) {
    // Another file system (the output folder is a mount of its own): copy, then remove.
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(old, cacheDir, { recursive: true });
    await rm(old, { recursive: true, force: true });
  }
  return 'moved';
}
