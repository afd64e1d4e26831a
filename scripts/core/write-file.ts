/**
 * Writes into the output folder only, and atomically: to a temporary file beside the
 * target, then a rename, so an interrupted build never leaves a half-written file.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fsReason } from './fs-reason.js';
import { UserError } from './user-error.js';

/** Temporary files of writes under way, and the writes themselves. */
const pending = new Set<string>();
const inFlight = new Set<Promise<void>>();
/** Set when the process is about to exit (`finishWrites`): no write may start any more. */
let closed = false;

export interface WriteOptions {
  /** Once aborted, the write is refused with the signal's reason (an `AbortError`). */
  signal?: AbortSignal | undefined;
}

function abortError(): DOMException {
  return new DOMException('the run was interrupted; no more files are written', 'AbortError');
}

export function insideFolder(folder: string, target: string): boolean {
  const rel = path.relative(folder, target);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Write `data` to `outDir/relPath`; refuses any path that would leave `outDir`. */
export async function writeOutput(
  outDir: string,
  relPath: string,
  data: string | Uint8Array | AsyncIterable<string | Uint8Array>,
  { signal }: WriteOptions = {},
): Promise<void> {
  const target = path.resolve(outDir, relPath);
  if (!insideFolder(outDir, target)) throw new Error(`refusing to write outside the output folder: ${relPath}`);
  signal?.throwIfAborted();
  if (closed) throw abortError();
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
  })().catch(async (error: unknown) => {
    // Nothing half-written stays behind, and the reason is one line a user can act on.
    await rm(temp, { force: true }).catch(() => {});
    if ((error as { name?: string }).name === 'AbortError') throw error;
    throw new UserError(`cannot write ${path.join(path.basename(outDir), relPath)}: ${fsReason(error)}`);
  });
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
 * Before an interrupted process exits: refuse new writes (they reject with an `AbortError`),
 * let those under way finish (each ends in a rename, so the file is whole, or in an error),
 * then delete any temporary file still there. Afterwards the output folder holds whole files only.
 */
export async function finishWrites(): Promise<void> {
  closed = true;
  await Promise.allSettled([...inFlight]);
  await Promise.all([...pending].map((file) => rm(file, { force: true })));
}
