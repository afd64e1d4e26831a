/**
 * `npm run bench -- --shards N`: a sharded CI build simulated on this machine. On one
 * generated project it times a cold unsharded build, then the N shards one after
 * another (each a cold `--shard K/N` build into its own folder, as N CI machines would
 * run them), then the merge; each with its peak memory. The expected wall time on N
 * machines is the slowest shard plus the merge. Finally it checks that the merged folder
 * equals the unsharded one, file by file.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { findBrowser } from '../print/browser.js';
import { CONFIG_FILE, loadConfig } from '../core/config.js';
import { generateSources, writeSources } from './generate-sources.js';
import { runBuildProcess, summaryCount } from './build-process.js';

export interface ShardBenchOptions {
  briefs: number;
  shards: number;
  seed: number;
  concurrency: number;
  dir: string;
  repo: string;
  log: (line: string) => void;
}

export interface Measured {
  ms: number;
  peakPss: number;
  peakRss: number;
  /** The machine's 1-minute load average when the run ended: other work skews the times. */
  load: number;
}

export interface ShardBenchResult {
  briefs: number;
  shards: number;
  /** Each run's summary line holds its time per stage. */
  unsharded: Measured & { built: number; summary: string };
  perShard: (Measured & { shard: string; built: number; summary: string })[];
  merge: Measured & { briefs: number; summary: string };
  /** Slowest shard plus the merge: the wall time with one machine per shard (artifact transfer not included). */
  expectedWallMs: number;
  /** Files that differ between the merged and the unsharded output folders (empty when identical). */
  differences: string[];
  filesCompared: number;
  chromium: string;
}

/** One `npm run build` command in a process of its own (build-process.ts), as the tables report it. */
async function runCommand(cwd: string, args: string[]): Promise<Measured & { summary: string }> {
  const { ms, memory, summary } = await runBuildProcess(cwd, args);
  return { ms: Math.round(ms), peakPss: memory.peakPss, peakRss: memory.peakRss, load: Math.round(os.loadavg()[0]! * 10) / 10, summary };
}

async function hashTree(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
  const hashes = new Map<string, string>();
  for (const file of files) {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path.join(dir, file))) hash.update(chunk as Buffer);
    hashes.set(file, hash.digest('hex'));
  }
  return hashes;
}

export async function runShardBench(o: ShardBenchOptions): Promise<ShardBenchResult> {
  await mkdir(o.dir, { recursive: true });
  await cp(path.join(o.repo, CONFIG_FILE), path.join(o.dir, CONFIG_FILE));
  await cp(path.join(o.repo, 'templates'), path.join(o.dir, 'templates'), { recursive: true });
  const config = await loadConfig(o.dir, { concurrency: o.concurrency });
  o.log(`generating ${o.briefs} sources in ${config.sourcesDir}`);
  await writeSources(config.sourcesDir, generateSources({ count: o.briefs, seed: o.seed, organization: config.organization }));
  const common = ['--force', '--concurrency', String(o.concurrency)];

  await rm(path.join(o.dir, 'unsharded'), { recursive: true, force: true });
  const unsharded = await runCommand(o.dir, [...common, '--out', 'unsharded']);
  o.log(`unsharded cold build: ${unsharded.ms} ms (${unsharded.summary})`);

  const perShard: ShardBenchResult['perShard'] = [];
  for (let index = 1; index <= o.shards; index++) {
    const out = `shard-${index}`;
    await rm(path.join(o.dir, out), { recursive: true, force: true });
    const r = await runCommand(o.dir, [...common, '--out', out, '--shard', `${index}/${o.shards}`]);
    o.log(`shard ${index}/${o.shards}: ${r.ms} ms (${r.summary})`);
    perShard.push({
      shard: `${index}/${o.shards}`,
      ms: r.ms,
      peakPss: r.peakPss,
      peakRss: r.peakRss,
      load: r.load,
      built: summaryCount(r.summary, 'built'),
      summary: r.summary,
    });
  }

  await rm(path.join(o.dir, 'merged'), { recursive: true, force: true });
  const merged = await runCommand(o.dir, ['--merge', ...perShard.map((_, i) => `shard-${i + 1}`), '--out', 'merged']);
  o.log(`merge: ${merged.ms} ms (${merged.summary})`);

  const [a, b] = await Promise.all([hashTree(path.join(o.dir, 'unsharded')), hashTree(path.join(o.dir, 'merged'))]);
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  const differences = names.filter((n) => a.get(n) !== b.get(n));
  o.log(`merged folder vs unsharded: ${names.length} files, ${differences.length} differ`);

  return {
    briefs: o.briefs,
    shards: o.shards,
    unsharded: { ...unsharded, built: summaryCount(unsharded.summary, 'built') },
    perShard,
    merge: { ...merged, briefs: summaryCount(merged.summary, 'briefs') },
    expectedWallMs: Math.max(...perShard.map((s) => s.ms)) + merged.ms,
    differences,
    filesCompared: names.length,
    chromium: await browserLabel(),
  };
}

/** The simulation as a table: one row per run, then the expected wall time and speed-up. */
export function formatShardTable(r: ShardBenchResult): string {
  const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
  const rows: string[][] = [
    ['run', 'briefs printed', 'time', 'per brief', 'peak PSS', 'peak RSS', 'load'],
    [
      'unsharded cold build',
      String(r.unsharded.built),
      `${r.unsharded.ms.toLocaleString('en-US')} ms`,
      `${(r.unsharded.ms / r.briefs).toFixed(1)} ms`,
      mb(r.unsharded.peakPss),
      mb(r.unsharded.peakRss),
      String(r.unsharded.load),
    ],
    ...r.perShard.map((s) => [
      `shard ${s.shard}`,
      String(s.built),
      `${s.ms.toLocaleString('en-US')} ms`,
      `${(s.ms / Math.max(1, s.built)).toFixed(1)} ms`,
      mb(s.peakPss),
      mb(s.peakRss),
      String(s.load),
    ]),
    [
      'merge',
      String(r.merge.briefs),
      `${r.merge.ms.toLocaleString('en-US')} ms`,
      '',
      mb(r.merge.peakPss),
      mb(r.merge.peakRss),
      String(r.merge.load),
    ],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  const speedup = r.unsharded.ms / r.expectedWallMs;
  return [
    line(rows[0]!),
    rule,
    ...rows.slice(1).map(line),
    '',
    `Expected wall time on ${r.shards} machines (slowest shard + merge, without artifact transfer): ${r.expectedWallMs.toLocaleString('en-US')} ms, ${speedup.toFixed(2)}x faster than one machine.`,
    `load: the machine's 1-minute load average at the end of each run (${os.availableParallelism()} cores); above that, other work shared the machine.`,
    `Merged folder vs unsharded build: ${r.filesCompared} files, ${r.differences.length ? `${r.differences.length} DIFFER (${r.differences.slice(0, 5).join(', ')})` : 'identical byte for byte'}.`,
  ].join('\n');
}

/** The browser's version and where it is, e.g. `Chromium 156.0.8078.79 (/usr/bin/chromium-headless-shell)`. */
async function browserLabel(): Promise<string> {
  const { executablePath } = await findBrowser();
  const version = await promisify(execFile)(executablePath, ['--version']).then(
    (r) => r.stdout.trim(),
    () => 'unknown',
  );
  return `${version} (${executablePath})`;
}
