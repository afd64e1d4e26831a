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
import path from 'node:path';
import { promisify } from 'node:util';
import { findBrowser } from '../browser.js';
import type { BuildResult } from '../build.js';
import { CONFIG_FILE, loadConfig } from '../config.js';
import type { MergeResult } from '../merge-shards.js';
import { generateSources, writeSources } from './generate-sources.js';
import { type MemoryReport, sampleMemory } from './measure-memory.js';

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
}

export interface ShardBenchResult {
  briefs: number;
  shards: number;
  unsharded: Measured & { built: number; timings: Record<string, number> };
  perShard: (Measured & { shard: string; built: number; timings: Record<string, number> })[];
  merge: Measured & { briefs: number; timings: Record<string, number> };
  /** Slowest shard plus the merge: the wall time with one machine per shard (artifact transfer not included). */
  expectedWallMs: number;
  /** Files that differ between the merged and the unsharded output folders (empty when identical). */
  differences: string[];
  filesCompared: number;
  chromium: string;
}

async function measure<T>(run: () => Promise<T>): Promise<{ value: T } & Measured> {
  const memory = sampleMemory();
  const start = performance.now();
  const value = await run();
  const ms = Math.round(performance.now() - start);
  const mem: MemoryReport = memory.stop();
  return { value, ms, peakPss: mem.peakPss, peakRss: mem.peakRss };
}

async function hashTree(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
  const hashes = new Map<string, string>();
  for (const file of files) {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path.join(dir, file))) hash.update(chunk as Buffer);
    hashes.set(file, hash.digest('hex'));
  }
  return hashes;
}

export async function runShardBench(o: ShardBenchOptions): Promise<ShardBenchResult> {
  const { build } = (await import('../build.js')) as { build: typeof import('../build.js').build };
  const { mergeShards } = (await import('../merge-shards.js')) as { mergeShards: (options: import('../merge-shards.js').MergeOptions) => Promise<MergeResult> };
  await mkdir(o.dir, { recursive: true });
  await cp(path.join(o.repo, CONFIG_FILE), path.join(o.dir, CONFIG_FILE));
  await cp(path.join(o.repo, 'templates'), path.join(o.dir, 'templates'), { recursive: true });
  const config = await loadConfig(o.dir, { concurrency: o.concurrency });
  o.log(`generating ${o.briefs} sources in ${config.sourcesDir}`);
  await writeSources(config.sourcesDir, generateSources({ count: o.briefs, seed: o.seed, organization: config.organization }));
  const common = { root: o.dir, quiet: true, concurrency: o.concurrency, force: true };

  await rm(path.join(o.dir, 'unsharded'), { recursive: true, force: true });
  const unsharded = await measure<BuildResult>(() => build({ ...common, out: 'unsharded' }));
  o.log(`unsharded cold build: ${unsharded.ms} ms (built ${unsharded.value.built}, failed ${unsharded.value.failed})`);

  const perShard: ShardBenchResult['perShard'] = [];
  for (let index = 1; index <= o.shards; index++) {
    const out = `shard-${index}`;
    await rm(path.join(o.dir, out), { recursive: true, force: true });
    const r = await measure<BuildResult>(() => build({ ...common, out, shard: { index, count: o.shards } }));
    o.log(`shard ${index}/${o.shards}: ${r.ms} ms (built ${r.value.built}, failed ${r.value.failed})`);
    perShard.push({ shard: `${index}/${o.shards}`, ms: r.ms, peakPss: r.peakPss, peakRss: r.peakRss, built: r.value.built, timings: r.value.timings });
  }

  await rm(path.join(o.dir, 'merged'), { recursive: true, force: true });
  const dirs = perShard.map((_, i) => path.join(o.dir, `shard-${i + 1}`));
  const merged = await measure<MergeResult>(() => mergeShards({ root: o.dir, dirs, out: 'merged' }));
  o.log(`merge: ${merged.ms} ms (${merged.value.briefs} briefs)`);

  const [a, b] = await Promise.all([hashTree(path.join(o.dir, 'unsharded')), hashTree(path.join(o.dir, 'merged'))]);
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  const differences = names.filter((n) => a.get(n) !== b.get(n));
  o.log(`merged folder vs unsharded: ${names.length} files, ${differences.length} differ`);

  return {
    briefs: o.briefs,
    shards: o.shards,
    unsharded: { ms: unsharded.ms, peakPss: unsharded.peakPss, peakRss: unsharded.peakRss, built: unsharded.value.built, timings: unsharded.value.timings },
    perShard,
    merge: { ms: merged.ms, peakPss: merged.peakPss, peakRss: merged.peakRss, briefs: merged.value.briefs, timings: merged.value.timings },
    expectedWallMs: Math.max(...perShard.map((s) => s.ms)) + merged.ms,
    differences,
    filesCompared: names.length,
    chromium: await promisify(execFile)((await findBrowser()).executablePath, ['--version']).then((r) => r.stdout.trim(), () => 'unknown'),
  };
}

/** The simulation as a table: one row per run, then the expected wall time and speed-up. */
export function formatShardTable(r: ShardBenchResult): string {
  const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
  const rows: string[][] = [
    ['run', 'briefs printed', 'time', 'per brief', 'peak PSS', 'peak RSS'],
    ['unsharded cold build', String(r.unsharded.built), `${r.unsharded.ms.toLocaleString('en-US')} ms`, `${(r.unsharded.ms / r.briefs).toFixed(1)} ms`, mb(r.unsharded.peakPss), mb(r.unsharded.peakRss)],
    ...r.perShard.map((s) => [`shard ${s.shard}`, String(s.built), `${s.ms.toLocaleString('en-US')} ms`, `${(s.ms / Math.max(1, s.built)).toFixed(1)} ms`, mb(s.peakPss), mb(s.peakRss)]),
    ['merge', String(r.merge.briefs), `${r.merge.ms.toLocaleString('en-US')} ms`, '', mb(r.merge.peakPss), mb(r.merge.peakRss)],
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
    `Merged folder vs unsharded build: ${r.filesCompared} files, ${r.differences.length ? `${r.differences.length} DIFFER (${r.differences.slice(0, 5).join(', ')})` : 'identical byte for byte'}.`,
  ].join('\n');
}
