/**
 * Temp projects and helpers for the scaling tests (remote browsers, shards): the
 * repository's config and templates, its two sample sources, a copy of one of them
 * (two sources with one title, so slugs must be resolved across shards) and a few
 * short generated briefs of every kind. Also: every file of a folder as bytes, and a
 * Chromium started with a DevTools port, as a browser service would run it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateSources, writeSources } from '../../scripts/bench/generate-sources.js';
import { findBrowser, launchArgs } from '../../scripts/print/browser.js';
import { waitUntilGone } from './process-tree.js';

export const repo = path.resolve(import.meta.dirname, '../..');

export async function newScalingProject(generated = 10, prefix = 'briefpress-scaling-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  await cp(path.join(repo, 'briefpress.config.yaml'), path.join(dir, 'briefpress.config.yaml'));
  await cp(path.join(repo, 'templates'), path.join(dir, 'templates'), { recursive: true });
  await cp(path.join(repo, 'sources'), path.join(dir, 'sources'), { recursive: true });
  await cp(path.join(dir, 'sources/002_6d3c26cd4b054413.txt'), path.join(dir, 'sources/zz-copy-of-002.txt'));
  // Short briefs keep the tests fast: the generator's texts cut to their first part.
  const sources = generateSources({ count: generated, seed: 7 }).map((s) => ({ ...s, text: s.text.slice(0, 1800) }));
  await writeSources(path.join(dir, 'sources/generated'), sources);
  return dir;
}

/** Every file below `dir` (hidden folders included), relative path → bytes. */
export async function folderTree(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(path.join(dir, f))] as const)));
}

/** Paths whose bytes differ between two trees, or that only one has. */
export function treeDifferences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names.filter((n) => !a.has(n) || !b.has(n) || !a.get(n)!.equals(b.get(n)!));
}

export interface DevToolsBrowser {
  process: ChildProcess;
  endpoint: string;
  kill(): Promise<void>;
}

/** A headless Chromium listening on a DevTools port of 127.0.0.1, as a browser service runs one. */
export async function startDevToolsBrowser(): Promise<DevToolsBrowser> {
  const { executablePath } = await findBrowser();
  const profile = await mkdtemp(path.join(os.tmpdir(), 'briefpress-remote-profile-'));
  const child = spawn(
    executablePath,
    [
      '--headless',
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      ...launchArgs(),
      'about:blank',
    ],
    // A process group of its own, so that a kill reaches its children too.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let text = '';
    // A bound for a browser that hangs, not a measure: at a load of 20-30 a start has taken over 20 s.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Chromium printed no DevTools endpoint in 120 s:\n${text}`));
    }, 120_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited with ${code}:\n${text}`));
    });
  });
  child.stderr!.resume();
  const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
  return {
    process: child,
    endpoint,
    async kill() {
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // The group is gone already.
        }
      }
      await exited;
      // Its children (zygotes, renderers, GPU: all in its process group, none naming the
      // profile on its command line) may still write into the profile until they have exited too.
      await waitUntilGone([profile], 60_000, child.pid);
      await rm(profile, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}
