/**
 * Ctrl-C in the middle of a build, as a user at a terminal does it: the real command line,
 * run as `npm run build` runs it (`node scripts/start/run.mjs scripts/cli/build.ts`: one process, so
 * no wrapper can lose the signal or kill the build before it has cleaned up), in a process
 * group of its own, gets SIGINT mid-print. It exits
 * with 130, leaves no browser running and no half-written file, and the next build completes
 * and reuses the briefs printed before the interrupt. SIGTERM (a CI runner cancelling a job)
 * is handled the same way, with 143.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.js';
import { readPdf } from '../helpers/pdf.js';
import { descendants, processesUsing, userDataDir, type ProcessInfo, waitUntilGone } from '../helpers/process-tree.js';
import { addSmallBriefs, listFiles, newProject, removeProjects, repo } from '../helpers/reliability-project.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const launcher = path.join(repo, 'scripts/start/run.mjs');

interface Interrupted {
  dir: string;
  code: number | null;
  stderr: string;
  browsers: ProcessInfo[];
  pdfsAtSignal: number;
}

/** Run the build command line on 30 briefs and send `signal` once a few PDFs are written. */
async function interruptBuild(signal: 'SIGINT' | 'SIGTERM', toGroup: boolean): Promise<Interrupted> {
  const dir = await newProject('briefpress-interrupt-');
  await addSmallBriefs(dir, 30);
  const child = spawn(process.execPath, [launcher, 'scripts/cli/build.ts', '--concurrency', '2'], {
    cwd: dir,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let running = true;
  void exited.then(() => (running = false));

  const browsers = new Map<number, ProcessInfo>();
  let pdfsAtSignal = -1;
  // The process table is read (synchronously, every process of the machine) every 100 ms to
  // see the browser started, and at once when the signal is due; not every 10 ms, which on a
  // loaded machine took CPU from the build it watches (as in e2e/fault).
  let scanned = 0;
  while (running && pdfsAtSignal < 0) {
    const pdfs = (await readdir(path.join(dir, 'dist/briefs')).catch(() => [] as string[])).filter((f) => f.endsWith('.pdf')).length;
    const due = pdfs >= 4;
    if (due || Date.now() - scanned >= 100) {
      scanned = Date.now();
      for (const p of descendants(child.pid!))
        if (p.cmdline.includes('--user-data-dir=') && !p.cmdline.includes('--type=')) browsers.set(p.pid, p);
    }
    if (due && browsers.size > 0) {
      // Ctrl-C at a terminal signals the whole foreground process group; a CI runner signals the process.
      process.kill(toGroup ? -child.pid! : child.pid!, signal);
      pdfsAtSignal = pdfs;
    }
    await sleep(10);
  }
  const code = await exited;
  return { dir, code, stderr, browsers: [...browsers.values()], pdfsAtSignal };
}

async function expectCleanAfterInterrupt(run: Interrupted, code: number): Promise<void> {
  expect(run.pdfsAtSignal, 'the signal came in the middle of printing').toBeGreaterThan(0);
  expect(run.pdfsAtSignal).toBeLessThan(30);
  expect(run.code).toBe(code);
  expect(run.stderr).toMatch(/briefpress: (interrupted|terminated); cleaning up/);
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace

  // No browser left: neither its processes nor its temporary profile. (The browser's children
  // may take a moment to exit after it on a loaded machine: wait for them, within bounds.)
  const profiles = run.browsers.map((b) => userDataDir(b)!).filter(Boolean);
  expect(profiles.length).toBeGreaterThan(0);
  await waitUntilGone(profiles).catch(() => {});
  expect(processesUsing(profiles)).toEqual([]);
  for (const profile of profiles) expect(existsSync(profile), profile).toBe(false);

  // No half-written file: no temporary files, and every PDF there is whole.
  const files = await listFiles(path.join(run.dir, 'dist'));
  expect(files.filter((f) => f.includes('.tmp-'))).toEqual([]);
  const pdfs = files.filter((f) => f.endsWith('.pdf'));
  expect(pdfs.length).toBeGreaterThan(0);
  for (const pdf of pdfs) expect((await readPdf(await readFile(path.join(run.dir, 'dist', pdf)))).pages, pdf).toBeGreaterThan(0);
}

afterAll(removeProjects);

describe('Ctrl-C in the middle of a build', () => {
  it('exits with 130, leaves no browser and no partial file; the next build reuses what was printed', async () => {
    const run = await interruptBuild('SIGINT', true);
    await expectCleanAfterInterrupt(run, 130);

    const again = await build({ root: run.dir, quiet: true, concurrency: 2 });
    expect(again.messages.filter((m) => m.includes(': error:'))).toEqual([]);
    expect(again.ok).toBe(true);
    expect(again.cached, 'briefs printed before the interrupt are reused').toBeGreaterThan(0);
    expect(again.built + again.cached).toBe(30);
    expect(again.manifest).toHaveLength(30);
    for (const entry of again.manifest) {
      const summary = await readPdf(await readFile(path.join(run.dir, 'dist', entry.pdf)));
      expect(summary.text).toContain(`This is brief ${/(\d+)$/.exec(entry.slug)![1]}.`);
    }
  });
});

describe('SIGTERM in the middle of a build', () => {
  it('exits with 143 and leaves no browser and no partial file', async () => {
    const run = await interruptBuild('SIGTERM', false);
    await expectCleanAfterInterrupt(run, 143);
  });
});
