/**
 * Sharded builds: `--shard K/N` builds a stable, balanced part of the briefs and a
 * partial manifest; `--merge` of all shards gives the very folder an unsharded build
 * writes, byte for byte, slugs of same-titled sources in different shards included.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../scripts/build.js';
import { mergeShards } from '../../scripts/scale/merge-shards.js';
import { assignShards, parseShard, type ShardManifest } from '../../scripts/scale/shard.js';
import { command } from '../helpers/command.js';
import { folderTree, newScalingProject, treeDifferences } from '../helpers/scaling-project.js';

/**
 * The repository's two sources, a copy of one, and one generated source of each kind: two
 * briefs a shard, the two of one title in different shards (with ten generated ones, as
 * before, they fell in the same shard, and slugs were never settled across shards).
 */
const BRIEFS = 6;
let project: string;
let full: BuildResult;
const shards: BuildResult[] = [];

beforeAll(async () => {
  project = await newScalingProject(BRIEFS - 3);
  full = await build({ root: project, out: 'full', quiet: true });
  for (let index = 1; index <= 3; index++)
    shards.push(await build({ root: project, out: `shard-${index}`, quiet: true, shard: { index, count: 3 } }));
}, 180_000);

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe('shards', () => {
  it('split the briefs into three disjoint parts that together are all of them', async () => {
    expect(full).toMatchObject({ ok: true, built: BRIEFS, failed: 0 });
    const parts = shards.map((s) => s.manifest.map((e) => e.source));
    expect(shards.every((s) => s.ok)).toBe(true);
    expect(parts.flat().sort()).toEqual(full.manifest.map((e) => e.source).sort());
    expect(parts.every((p) => p.length > 0)).toBe(true);
  });

  it('write their PDFs and a partial manifest, and no archive pages', async () => {
    const files = await readdir(path.join(project, 'shard-2'));
    expect(files).toContain('shard-2-of-3.json');
    expect(files).not.toContain('index.html');
    expect(files).not.toContain('manifest.json');
    const manifest = JSON.parse(await readFile(path.join(project, 'shard-2/shard-2-of-3.json'), 'utf8')) as ShardManifest;
    expect(manifest.shard).toEqual({ index: 2, count: 3 });
    const records = Object.values(manifest.briefs);
    expect(records.map((r) => r.entry.slug).sort()).toEqual(shards[1]!.manifest.map((e) => e.slug).sort());
    for (const r of records) {
      expect(r.body.length).toBeGreaterThan(0);
      expect(r.data.title).toBe(r.entry.title);
      expect((await readFile(path.join(project, 'shard-2', r.entry.pdf))).subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it('give the sources the slugs of an unsharded build, also for two sources with one title', () => {
    const slugs = new Map(shards.flatMap((s) => s.manifest.map((e) => [e.source, e.slug] as const)));
    expect(new Map(full.manifest.map((e) => [e.source, e.slug]))).toEqual(slugs);
    expect(slugs.get('sources/zz-copy-of-002.txt')).toBe('itu-ill-suited-to-regulate-cybersecurity-2');
    // The two are built by different shards, so the slug is settled across them.
    const shardOf = (source: string) => shards.findIndex((s) => s.manifest.some((e) => e.source === source));
    expect(shardOf('sources/002_6d3c26cd4b054413.txt')).not.toBe(shardOf('sources/zz-copy-of-002.txt'));
  });

  it('merge into the same folder an unsharded build writes, byte for byte', async () => {
    const merged = await mergeShards({ root: project, dirs: [1, 2, 3].map((i) => path.join(project, `shard-${i}`)), out: 'merged' });
    expect(merged).toMatchObject({ ok: true, shards: 3, briefs: BRIEFS, failed: 0 });
    expect(merged.manifest).toEqual(full.manifest);
    const [a, b] = await Promise.all([folderTree(path.join(project, 'full')), folderTree(path.join(project, 'merged'))]);
    expect(a.size).toBeGreaterThan(40);
    expect(treeDifferences(a, b)).toEqual([]);
  });

  it('merge from a folder holding the shard folders (as CI downloads artifacts), and keep the merged folder incremental', async () => {
    const again = await mergeShards({ root: project, dirs: [project], out: 'merged' });
    expect(again).toMatchObject({ ok: true, briefs: BRIEFS, removed: 0 });
    // The merged folder holds the build cache: a normal build into it rebuilds nothing.
    const rebuild = await build({ root: project, out: 'merged', quiet: true });
    expect(rebuild).toMatchObject({ ok: true, built: 0, cached: BRIEFS, launchedBrowser: false });
  });

  it('rebuild nothing on a second run of the same shard', async () => {
    const again = await build({ root: project, out: 'shard-1', quiet: true, shard: { index: 1, count: 3 } });
    expect(again).toMatchObject({ ok: true, built: 0, launchedBrowser: false });
    expect(again.cached).toBe(shards[0]!.built);
  });

  it('refuse to merge when a shard is missing, given twice, or from another number of shards', async () => {
    const dirs = (...i: number[]) => i.map((n) => path.join(project, `shard-${n}`));
    await expect(mergeShards({ root: project, dirs: dirs(1, 3), out: 'bad' })).rejects.toThrow(/missing shard-2-of-3\.json/);
    await expect(mergeShards({ root: project, dirs: dirs(1, 1, 2, 3), out: 'bad' })).rejects.toThrow(/shard 1\/3 is also in/);
    await build({ root: project, out: 'other', quiet: true, shard: { index: 1, count: 2 } });
    await expect(mergeShards({ root: project, dirs: [...dirs(1, 2), path.join(project, 'other')], out: 'bad' })).rejects.toThrow(
      /a shard of 2, but other shards are of 3/,
    );
    await rm(path.join(project, 'other'), { recursive: true });
  });
});

describe('parseShard and assignShards', () => {
  it('read K/N and refuse anything else with a clear message', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/3', '4/3', '3', 'a/b', '1/0', '-1/3']) expect(() => parseShard(bad)).toThrow(/--shard takes K\/N/);
  });

  it('balance counts exactly and move few briefs when a source is added or removed', () => {
    const names = Array.from({ length: 3001 }, (_, i) => `briefs/${String(i).padStart(5, '0')}-brief.txt`);
    const shards = assignShards(names, 4);
    const counts = [1, 2, 3, 4].map((k) => shards.filter((s) => s === k).length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    // Sorted names do not make contiguous shards: the order is a hash.
    expect(new Set(shards.slice(0, 20)).size).toBeGreaterThan(1);
    expect(assignShards(names, 4)).toEqual(shards);
    const added = assignShards([...names, 'briefs/new.txt'], 4).slice(0, names.length);
    expect(added.filter((s, i) => s !== shards[i]).length).toBeLessThanOrEqual(3);
    const removed = assignShards(names.slice(1), 4);
    expect(removed.filter((s, i) => s !== shards[i + 1]).length).toBeLessThanOrEqual(3);
    expect(assignShards(['a.txt'], 1)).toEqual([1]);
    expect(assignShards([], 3)).toEqual([]);
  });
});

describe('npm run build -- --shard / --merge on the command line', () => {
  const cli = (...args: string[]) =>
    promisify(execFile)(...command('build', args), { cwd: project }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it('merges the shard folders and prints a summary', async () => {
    const { code, stderr } = await cli('--merge', 'shard-1', 'shard-2', 'shard-3', '--out', 'cli-merged');
    expect(stderr).toMatch(new RegExp(`briefpress: merged 3 shards: ${BRIEFS} briefs, 0 failed`));
    expect(code).toBe(0);
    expect(treeDifferences(await folderTree(path.join(project, 'full')), await folderTree(path.join(project, 'cli-merged')))).toEqual([]);
  });

  it('answers a bad --shard, a missing shard or a stray folder with one line and exit code 1', async () => {
    for (const [args, message] of [
      [['--shard', '4/3'], /^briefpress: --shard takes K\/N with 1 ≤ K ≤ N, e.g. --shard 2\/4, not "4\/3"\n$/],
      [['--merge', 'shard-1', 'shard-3', '--out', 'bad'], /^briefpress: missing shard-2-of-3\.json; every shard of 3 must be merged\n$/],
      [['shard-1'], /^briefpress: unexpected argument "shard-1"; folders to merge go after --merge; see --help\n$/],
      [['--merge', 'shard-1', '--shard', '1/3'], /^briefpress: --shard has no meaning with --merge; see --help\n$/],
    ] as const) {
      const { code, stderr } = await cli(...args);
      expect(stderr).toMatch(message);
      expect(code).toBe(1);
    }
  });
});
