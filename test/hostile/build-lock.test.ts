/**
 * Issue 19, items 7 and 9: one build at a time writes an output folder. A build that finds
 * another build's lock stops with one line naming its process; a lock whose process is gone
 * is taken over, and that build cleans what the dead one left: its half-written files, the
 * brief files no manifest lists, and the Chromium profiles no running process uses. Nothing
 * else in the output folder is touched. No race: the test holds the lock itself, and "dead"
 * is a process that has exited.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheDirOf } from '../../scripts/core/cache-dir.js';
import { lockBuild, lockFileOf } from '../../scripts/cache/build-lock.js';
import { processIdentity } from '../../scripts/cache/process-identity.js';
import { removeOrphanProfiles } from '../../scripts/cache/leftovers.js';
import { addSmallBriefs, newProject, removeProjects } from '../helpers/reliability-project.js';
import { runBuild } from '../helpers/run-build.js';

afterAll(removeProjects);

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

const lockOf = (project: string) => lockFileOf(cacheDirOf(path.join(project, 'dist')));

describe('7. one build at a time per output folder', () => {
  it('stops a second build with one line naming the first one', async () => {
    const project = await newProject('briefpress-locked-');
    await addSmallBriefs(project, 1);
    await mkdir(path.dirname(lockOf(project)), { recursive: true });
    // This test process is the build holding the lock.
    const holder = { pid: process.pid, started: new Date().toISOString(), process: processIdentity(process.pid) };
    await writeFile(lockOf(project), `${JSON.stringify(holder)}\n`);
    const run = await runBuild(project);
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([
      `briefpress: another build is writing dist/ (pid ${process.pid}); wait for it to finish, or stop it, then build again`,
    ]);
    expect(existsSync(path.join(project, 'dist'))).toBe(false); // nothing written
    expect(await readFile(lockOf(project), 'utf8')).toContain(`"pid":${process.pid}`); // and the lock is still the holder's
  });

  it('takes over the lock of a dead build, removes what it left and the brief files no manifest lists', async () => {
    const project = await newProject('briefpress-stale-lock-');
    await addSmallBriefs(project, 2);
    const first = await runBuild(project);
    expect(first.code).toBe(0);
    expect(existsSync(lockOf(project))).toBe(false); // released after the build

    const dead = deadPid();
    const cache = cacheDirOf(path.join(project, 'dist'));
    await writeFile(lockOf(project), `${JSON.stringify({ pid: dead, started: '2026-01-01T00:00:00.000Z' })}\n`);
    const left = [
      `dist/briefs/small-brief-number-01.pdf.tmp-${dead}`,
      `dist/index.html.tmp-${dead}`,
      path.relative(project, path.join(cache, `state.tmp-${dead}`)),
    ];
    for (const file of left) await writeFile(path.join(project, file), 'half');
    // Outputs of a build that never saved its state (two builds at once, before the lock).
    await writeFile(path.join(project, 'dist/briefs/a-brief-no-manifest-lists.pdf'), '%PDF-1.7');
    await writeFile(path.join(project, 'dist/briefs/a-brief-no-manifest-lists.html'), '<p>');
    // Files briefpress never writes stay, even in its folders.
    await writeFile(path.join(project, 'dist/briefs/Notes for the printer.txt'), 'mine');
    await writeFile(path.join(project, 'dist/briefs/upload.sh'), 'mine');
    // A live process's temporary file stays.
    await writeFile(path.join(project, `dist/briefs/live.pdf.tmp-${process.pid}`), 'writing');

    const run = await runBuild(project);
    expect(run.code).toBe(0);
    expect(existsSync(lockOf(project))).toBe(false);
    for (const file of left) expect(existsSync(path.join(project, file)), file).toBe(false);
    const briefs = await readdir(path.join(project, 'dist/briefs'));
    expect(briefs).not.toContain('a-brief-no-manifest-lists.pdf');
    expect(briefs).not.toContain('a-brief-no-manifest-lists.html');
    expect(briefs).toEqual(
      expect.arrayContaining([
        'small-brief-number-01.pdf',
        'small-brief-number-02.pdf',
        'Notes for the printer.txt',
        'upload.sh',
        `live.pdf.tmp-${process.pid}`,
      ]),
    );
  });
});

describe('7. a lock whose pid now belongs to another process', () => {
  it('is taken over: the pid was reused (a container restarted, a machine rebooted), the build that held it is gone', async () => {
    if (processIdentity(process.pid) === undefined) return; // no /proc: a live pid is all there is to go by
    const project = await newProject('briefpress-reused-pid-');
    await mkdir(path.dirname(lockOf(project)), { recursive: true });
    // This test process's pid is alive, but the lock names an earlier process that had it.
    const earlier = { pid: process.pid, started: '2026-01-01T00:00:00.000Z', process: 'another-boot/12345' };
    await writeFile(lockOf(project), `${JSON.stringify(earlier)}\n`);
    const lock = await lockBuild(cacheDirOf(path.join(project, 'dist')), 'dist/');
    expect(lock.tookOverFrom).toBe(process.pid);
    expect(JSON.parse(await readFile(lockOf(project), 'utf8'))).toMatchObject({ pid: process.pid, process: processIdentity(process.pid) });
    await lock.release();
    expect(existsSync(lockOf(project))).toBe(false);
  });

  it('names a running process by its start, so a live build is never taken for a dead one', () => {
    const identity = processIdentity(process.pid);
    if (identity === undefined) return;
    expect(identity).toMatch(/^[0-9a-f-]+\/\d+$/);
    expect(processIdentity(process.pid)).toBe(identity);
    expect(processIdentity(deadPid())).toBeUndefined();
  });
});

describe('9. Chromium profiles a dead build left', () => {
  it('removes the profiles no running process uses, and keeps one in use and a new one', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'briefpress-profiles-'));
    const orphan = path.join(tmp, 'puppeteer_dev_chrome_profile-orphan');
    const inUse = path.join(tmp, 'puppeteer_dev_chrome_profile-in-use');
    const fresh = path.join(tmp, 'puppeteer_dev_chrome_profile-fresh');
    for (const dir of [orphan, inUse, fresh]) await mkdir(path.join(dir, 'Default'), { recursive: true });
    const old = new Date(Date.now() - 10 * 60_000);
    for (const dir of [orphan, inUse]) await utimes(dir, old, old);
    // A running process whose command line names the profile, as a browser's does.
    const browser = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '--', `--user-data-dir=${inUse}`], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => browser.once('spawn', resolve));
      const removed = await removeOrphanProfiles(tmp);
      expect(removed).toEqual([orphan]);
      expect(existsSync(orphan)).toBe(false);
      expect(existsSync(inUse)).toBe(true);
      expect(existsSync(fresh)).toBe(true); // may be a browser being started
    } finally {
      browser.kill();
      await rm(tmp, { recursive: true, force: true });
    }
  });
});
