/**
 * Writes into the output folder only, and atomically: to a temporary file beside the
 * target, then a rename, so an interrupted build never leaves a half-written file.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Temporary files of writes under way, and the writes themselves. */
const pending = new Set<string>();
const inFlight = new Set<Promise<void>>();
let stopped = false;

export function insideFolder(folder: string, target: string): boolean {
  const rel = path.relative(folder, target);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Write `data` to `outDir/relPath`; refuses any path that would leave `outDir`. */
export async function writeOutput(
  outDir: string,
  relPath: string,
  data: string | Uint8Array | AsyncIterable<string | Uint8Array>,
): Promise<void> {
  const target = path.resolve(outDir, relPath);
  if (!insideFolder(outDir, target)) throw new Error(`refusing to write outside the output folder: ${relPath}`);
  // Interrupted: the process is about to exit; a write asked for now never starts nor settles.
  if (stopped) return new Promise<never>(() => {});
  const temp = `${target}.tmp-${process.pid}`;
  pending.add(temp);
  const dir = path.dirname(target);
  const work = (async () => {
    if (typeof data === 'string' || data instanceof Uint8Array) {
      // Most folders exist already: make one only when the write finds it missing.
      await writeFile(temp, data).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
        await mkdir(dir, { recursive: true });
        await writeFile(temp, data);
      });
    } else {
      // A stream cannot be written twice: make sure of its folder first.
      await mkdir(dir, { recursive: true });
      await writeFile(temp, data);
    }
    await rename(temp, target);
  })();
  inFlight.add(work);
  try {
    await work;
  } finally {
    inFlight.delete(work);
    pending.delete(temp);
  }
}

/** Remove `outDir/relPath` if it is inside the output folder. */
export async function removeOutput(outDir: string, relPath: string): Promise<void> {
  const target = path.resolve(outDir, relPath);
  if (insideFolder(outDir, target)) await rm(target, { force: true });
}

/**
 * On Ctrl-C: take no new writes (they wait for the exit), let those under way finish (each
 * ends in a rename, so the file is whole, or in an error), then delete any temporary file
 * still there. Afterwards the output folder holds whole files only.
 */
export async function stopWrites(): Promise<void> {
  stopped = true;
  await Promise.allSettled([...inFlight]);
  await Promise.all([...pending].map((file) => rm(file, { force: true })));
}
