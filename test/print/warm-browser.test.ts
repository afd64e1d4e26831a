/**
 * The browser kept warm between builds (`keepBrowser`, print/warm-browser.ts): the first
 * build starts a keeper, the next one prints with the same browser, and both write the
 * PDFs a build with a browser of its own writes, byte for byte. The keeper goes, with its
 * browser, its socket and its profile, once no build has used it for the time given; its
 * socket is only made in a folder no other user can enter.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../scripts/build.js';
import { loadConfig } from '../../scripts/core/config.js';
import { printingLaunch } from '../../scripts/print/browser.js';
import { connectWarmBrowser, keeperSocket } from '../../scripts/print/warm-browser.js';
import { newScalingProject } from '../helpers/scaling-project.js';

let project: string;
let own: BuildResult;

beforeAll(async () => {
  project = await newScalingProject(4);
  // The generated briefs only: four are enough to compare, and quick to print three times.
  own = await build({ root: project, sources: 'sources/generated', out: 'own', quiet: true });
});

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

/** Processes whose command line holds `text`. */
function processesWith(text: string): number[] {
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Children of `pid` (Linux). */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** Wait for `condition`; a bound of two minutes for what never happens (a loaded machine is slow to end processes). */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (!condition()) throw new Error(`still waiting: ${what}`);
}

async function pdfs(out: string): Promise<Map<string, Buffer>> {
  const dir = path.join(project, out, 'briefs');
  const names = (await readdir(dir)).filter((f) => f.endsWith('.pdf')).sort();
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n))] as const)));
}

describe.skipIf(process.platform !== 'linux')('a browser kept warm between builds', () => {
  it('is started by one build and printed with by the next, which write the PDFs of a browser of their own', async () => {
    const first = await build({ root: project, sources: 'sources/generated', out: 'warm', quiet: true, keepBrowser: 60 });
    expect(first).toMatchObject({ ok: true, built: own.built, failed: 0, warmBrowser: 'started' });
    const config = await loadConfig(project, { sources: 'sources/generated', out: 'warm' });
    const socket = keeperSocket(await printingLaunch(), config.cacheDir)!;
    expect(existsSync(socket)).toBe(true);
    const [keeper] = processesWith(socket);
    expect(keeper).toBeDefined();
    const browsers = childrenOf(keeper!);
    expect(browsers.length).toBeGreaterThan(0);

    // Everything printed again, with the browser (and the pages) the first build left.
    const second = await build({ root: project, sources: 'sources/generated', out: 'warm', quiet: true, keepBrowser: 60, force: true });
    expect(second).toMatchObject({ ok: true, built: own.built, warmBrowser: 'reused' });
    expect(processesWith(socket)).toEqual([keeper]);

    const [mine, warm] = await Promise.all([pdfs('own'), pdfs('warm')]);
    expect([...warm.keys()]).toEqual([...mine.keys()]);
    for (const [name, bytes] of mine) expect(warm.get(name)!.equals(bytes), name).toBe(true);

    // Told to stop, the keeper closes its browser and removes its socket.
    process.kill(keeper!, 'SIGTERM');
    await until(() => processesWith(socket).length === 0 && !existsSync(socket), 'the keeper to exit');
    await until(() => browsers.every((pid) => !existsSync(`/proc/${pid}`)), 'its browser to exit');
  }, 180_000);

  it('goes, with its browser and profile, once no build has used it for the time given', async () => {
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'briefpress-warm-idle-'));
    try {
      const launch = await printingLaunch();
      const found = await connectWarmBrowser(launch, cacheDir, 300);
      expect(found?.started).toBe(true);
      const socket = keeperSocket(launch, cacheDir)!;
      const [keeper] = processesWith(socket);
      const browsers = childrenOf(keeper!);
      const profiles = browsers.flatMap((pid) =>
        readFileSync(`/proc/${pid}/cmdline`, 'utf8')
          .split('\0')
          .filter((a) => a.startsWith('--user-data-dir='))
          .map((a) => a.slice('--user-data-dir='.length)),
      );
      expect(profiles).toHaveLength(1);
      const page = await found!.browser.newPage();
      await page.setContent('<p>one page</p>');
      await found!.browser.disconnect();
      await until(() => processesWith(socket).length === 0 && !existsSync(socket), 'the keeper to exit');
      await until(() => browsers.every((pid) => !existsSync(`/proc/${pid}`)), 'its browser to exit');
      expect(existsSync(profiles[0]!)).toBe(false);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it('is not kept where another user could reach its socket', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'briefpress-warm-test-'));
    try {
      const launch = { executablePath: '/bin/true', args: [], env: {} };
      expect(keeperSocket(launch, '/cache', tmp)).toMatch(/\.sock$/);
      const dir = path.join(tmp, `briefpress-warm-${process.getuid!()}`);
      await chmod(dir, 0o755);
      expect(keeperSocket(launch, '/cache', tmp)).toBeUndefined();
      await rm(dir, { recursive: true });
      await mkdir(dir, { mode: 0o700 });
      expect(keeperSocket(launch, '/cache', tmp)).toBeDefined();
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
});
