/**
 * One build at a time per output folder: a build holds a lock file beside the output folder's
 * build cache (`config.cacheDir`, see core/cache-dir.ts) while it writes. A second build
 * (another terminal, a watcher, a CI job) stops at once with one line naming the first
 * one's process; a lock whose process is gone (a build killed with `kill -9`, a machine
 * that lost power) is taken over, and the build that takes it over cleans what the dead
 * one left (leftovers.ts). The lock names its process by pid and, where the system says,
 * by its start (process-identity.ts), so that a later process that got the same pid does
 * not keep a dead build's lock alive.
 */
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fsReason } from '../core/fs-reason.js';
import { UserError } from '../core/user-error.js';
import { processIdentity } from './process-identity.js';

/**
 * The lock of the build whose cache is `cacheDir`: beside that folder (`<cache>.lock`), not in
 * it, so that taking the lock makes no cache (a cache folder that exists means a cache).
 */
export const lockFileOf = (cacheDir: string) => `${cacheDir}.lock`;

/** Errors of `link()` on file systems that have no hard links. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP', 'EXDEV']);

export interface BuildLock {
  /** The pid of a dead build whose lock this build took over. */
  tookOverFrom?: number;
  release(): Promise<void>;
}

/** Is process `pid` running (on this machine)? */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

/** Take the build lock of the output folder `outDir` (`shown`: its name in the message), whose cache is `cacheDir`. */
export async function lockBuild(cacheDir: string, shown: string): Promise<BuildLock> {
  try {
    return await takeLock(cacheDir, shown);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`cannot take the build lock ${lockFileOf(cacheDir)}: ${fsReason(error)}`);
  }
}

async function takeLock(cacheDir: string, shown: string): Promise<BuildLock> {
  const file = lockFileOf(cacheDir);
  await mkdir(path.dirname(file), { recursive: true });
  const identity = processIdentity(process.pid);
  const own = `${JSON.stringify({ pid: process.pid, started: new Date().toISOString(), ...(identity ? { process: identity } : {}) })}\n`;
  let tookOverFrom: number | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // Written whole beside it, then linked into place: a lock is never seen half-written, and linking fails if one exists.
      const draft = `${file}.tmp-${process.pid}`;
      await writeFile(draft, own);
      try {
        await link(draft, file);
      } catch (error) {
        // A file system without hard links (some network and FAT drives): created exclusively instead.
        if (!NO_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
        await writeFile(file, own, { flag: 'wx' });
      } finally {
        await rm(draft, { force: true });
      }
      return {
        ...(tookOverFrom !== undefined ? { tookOverFrom } : {}),
        async release() {
          // Only our own lock: never one a later build took over.
          if ((await readFile(file, 'utf8').catch(() => '')) === own) await rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = lockHolder(await readFile(file, 'utf8').catch(() => ''));
    const pid = holder.pid;
    if (holder.running && pid !== process.pid) {
      throw new UserError(`another build is writing ${shown} (pid ${pid}); wait for it to finish, or stop it, then build again`);
    }
    if (holder.running) throw new UserError(`another build in this process is writing ${shown}; wait for it to finish`);
    // The build that held it is gone: its lock, and what it left, are this build's to clear.
    tookOverFrom = pid ?? tookOverFrom;
    await rm(file, { force: true });
  }
  throw new UserError(`could not take the build lock of ${shown} (${file}); remove it if no build is running`);
}

/** Who holds a lock, from its text, and whether that process still runs (the same process, not a later one with its pid). */
function lockHolder(text: string): { pid: number | undefined; running: boolean } {
  let record: { pid?: unknown; process?: unknown } = {};
  try {
    record = JSON.parse(text) as typeof record;
  } catch {
    // half-written or not ours: nobody holds it
  }
  const pid = typeof record.pid === 'number' && Number.isInteger(record.pid) && record.pid > 0 ? record.pid : undefined;
  if (pid === undefined || !isAlive(pid)) return { pid, running: false };
  const now = typeof record.process === 'string' ? processIdentity(pid) : undefined;
  return { pid, running: now === undefined || now === record.process };
}
