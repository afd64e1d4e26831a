/**
 * Writes into the output folder only, and atomically: to a temporary file beside the
 * target, then a rename, so an interrupted build never leaves a half-written file.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const pending = new Set<string>();

export function insideFolder(folder: string, target: string): boolean {
  const rel = path.relative(folder, target);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Write `data` to `outDir/relPath`; refuses any path that would leave `outDir`. */
export async function writeOutput(outDir: string, relPath: string, data: string | Uint8Array): Promise<void> {
  const target = path.resolve(outDir, relPath);
  if (!insideFolder(outDir, target)) throw new Error(`refusing to write outside the output folder: ${relPath}`);
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.tmp-${process.pid}`;
  pending.add(temp);
  try {
    await writeFile(temp, data);
    await rename(temp, target);
  } finally {
    pending.delete(temp);
  }
}

/** Remove `outDir/relPath` if it is inside the output folder. */
export async function removeOutput(outDir: string, relPath: string): Promise<void> {
  const target = path.resolve(outDir, relPath);
  if (insideFolder(outDir, target)) await rm(target, { force: true });
}

/** Delete temporary files of writes still under way (on Ctrl-C). */
export async function removePendingWrites(): Promise<void> {
  await Promise.all([...pending].map((file) => rm(file, { force: true })));
}
