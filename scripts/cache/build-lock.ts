/**
 * One build at a time per output folder: a build holds a lock file beside the output folder's
 * build cache (`config.cacheDir`, see core/cache-dir.ts) while it writes. A second build
 * (another terminal, a watcher, a CI job) stops at once with one line naming the first
 * one's process; a lock whose process is gone (a build killed with `kill -9`, a machine
 * that lost power) is taken over, and the build that takes it over cleans what the dead
 * one left (leftovers.ts).
 */
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fsReason } from '../core/fs-reason.js';
import { UserError } from '../core/user-error.js';

/**
 * The lock of the build whose cache is `cacheDir`: beside that folder (`<cache>.lock`), not in
 * it, so that taking the lock makes no cache (a cache folder that exists means a cache).
 */
export const lockFileOf = (cacheDir: string) => `${cacheDir}.lock`;

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
  const own = `${JSON.stringify({ pid: process.pid, started: new Date().toISOString() })}\n`;
  let tookOverFrom: number | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(own);
      await handle.close();
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
    const holder = await readFile(file, 'utf8').catch(() => '');
    const pid = Number((/"pid":\s*(\d+)/.exec(holder) ?? [])[1]);
    if (isAlive(pid) && pid !== process.pid) {
      throw new UserError(`another build is writing ${shown} (pid ${pid}); wait for it to finish, or stop it, then build again`);
    }
    if (pid === process.pid) throw new UserError(`another build in this process is writing ${shown}; wait for it to finish`);
    // The build that held it is gone: its lock, and what it left, are this build's to clear.
    tookOverFrom = Number.isInteger(pid) && pid > 0 ? pid : tookOverFrom;
    await rm(file, { force: true });
  }
  throw new UserError(`could not take the build lock of ${shown} (${file}); remove it if no build is running`);
}
