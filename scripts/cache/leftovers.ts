/**
 * What a build killed outright (`kill -9`, a lost machine) leaves behind, cleaned by the
 * next build: half-written files (`<name>.tmp-<pid>`, see core/write-file.ts) of a process
 * that is gone, in the output folder and its cache, and the temporary Chromium profiles
 * (`puppeteer_dev_chrome_profile-*` in the temporary folder) that no running process uses.
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isAlive } from './build-lock.js';

const TEMP_FILE = /\.tmp-(\d+)$/;

/** Remove the temporary files of dead processes under each folder; returns how many. */
export async function removeDeadTempFiles(folders: readonly string[]): Promise<number> {
  let removed = 0;
  for (const folder of folders) {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const pid = TEMP_FILE.exec(entry.name)?.[1];
      if (!pid || !entry.isFile() || Number(pid) === process.pid || isAlive(Number(pid))) continue;
      await rm(path.join(entry.parentPath, entry.name), { force: true });
      removed++;
    }
  }
  return removed;
}

const PROFILE_PREFIX = 'puppeteer_dev_chrome_profile-';
/** A profile younger than this may belong to a browser being started: it is left alone. */
const PROFILE_GRACE_MS = 60_000;

/**
 * Remove the Chromium profiles Puppeteer made in `tmp` that no running process names in
 * its command line (`--user-data-dir=`). Only where /proc tells the processes (Linux);
 * elsewhere nothing is removed. Returns the folders removed.
 */
export async function removeOrphanProfiles(tmp = os.tmpdir(), now = Date.now()): Promise<string[]> {
  const names = (await readdir(tmp).catch(() => [] as string[])).filter((n) => n.startsWith(PROFILE_PREFIX));
  if (names.length === 0) return [];
  const used = await profilesInUse();
  if (!used) return [];
  const removed: string[] = [];
  for (const name of names) {
    const dir = path.join(tmp, name);
    if (used.has(dir)) continue;
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory() || now - info.mtimeMs < PROFILE_GRACE_MS) continue;
    await rm(dir, { recursive: true, force: true }).catch(() => {});
    removed.push(dir);
  }
  return removed;
}

/** Every `--user-data-dir` in the command lines of running processes; undefined without /proc. */
async function profilesInUse(): Promise<Set<string> | undefined> {
  const pids = await readdir('/proc').catch(() => undefined);
  if (!pids) return undefined;
  const used = new Set<string>();
  for (const pid of pids) {
    if (!/^\d+$/.test(pid)) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    for (const arg of cmdline.split('\0'))
      if (arg.startsWith('--user-data-dir=')) used.add(path.resolve(arg.slice('--user-data-dir='.length)));
  }
  return used;
}

/** What a build killed outright left: its half-written files, and Chromium profiles no process uses. */
export async function cleanAfterDeadBuild(outDir: string, cacheDir: string): Promise<void> {
  await removeDeadTempFiles([outDir, cacheDir]);
  await removeOrphanProfiles();
}
