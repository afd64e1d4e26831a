/**
 * `npm run build -- --merge DIR...`: one site from the outputs of sharded builds. Reads
 * every `shard-K-of-N.json`, checks that the shards are all there and were built from
 * the same code and configuration, copies each brief's PDF and Markdown, keeps each body
 * (carried in the manifest) in the build cache, then writes the archive, `manifest.json`
 * and the build cache exactly as an unsharded build would.
 */
import { copyFile, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { buildKey, type CachedBrief, type IndexedBrief, indexPart, openStore, type ShippedBrief } from '../cache/state.js';
import { readBody, storeBody } from '../cache/bodies.js';
import { moveOldCache } from '../cache/move-old-cache.js';
import { cacheDirOf } from '../core/cache-dir.js';
import { restoreMessages } from '../core/messages.js';
import type { BuildResult } from '../build.js';
import { loadConfig } from '../core/config.js';
import { lazy } from '../core/lazy.js';
import { briefOutputs } from '../core/brief-outputs.js';
import { packetStage, type PacketsResult } from '../packet/packet-stage.js';
import { summarize } from '../core/report.js';
import { type ShardManifest, shardFileName } from './shard.js';
import { UserError } from '../core/user-error.js';
import { insideFolder } from '../core/write-file.js';
import { writeSite } from '../archive/write-site.js';
import { saveBuild } from '../cache/save-build.js';
import { newestFirst } from '../core/newest-first.js';
import { createIconRasterizer } from '../print/icon-rasterizer.js';

export interface MergeOptions {
  /** Project root holding briefpress.config.yaml and the templates. Default: the current folder. */
  root?: string;
  /** Shard output folders, or folders holding them (e.g. where CI downloaded its artifacts). */
  dirs: string[];
  /** Output folder, relative to the root. Default: `build.out` of the config. */
  out?: string;
  /** As the shards were built with `--strict` (it is part of what the shards must agree on). */
  strict?: boolean;
}

/** Like a build's result: the same counts, manifest and messages, for the whole merged site. */
export interface MergeResult extends Pick<
  BuildResult,
  'ok' | 'failed' | 'removed' | 'pages' | 'warnings' | 'errors' | 'timings' | 'manifest' | 'messages'
> {
  shards: number;
  briefs: number;
}

const SHARD_FILE = /^shard-(\d+)-of-(\d+)\.json$/;
const VERSION = (JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The shard manifests in `dir`, or in its immediate subfolders when it holds none itself. */
async function findShardFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => {
    throw new UserError(`${dir}: no such folder to merge`);
  });
  const shardFiles = (folder: string, names: string[]) =>
    names
      .filter((n) => SHARD_FILE.test(n))
      .sort()
      .map((n) => path.join(folder, n));
  const here = shardFiles(
    dir,
    entries.filter((e) => e.isFile()).map((e) => e.name),
  );
  if (here.length > 0) return here;
  const subfolders = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => path.join(dir, e.name))
    .sort();
  const below = await Promise.all(subfolders.map(async (sub) => shardFiles(sub, await readdir(sub).catch(() => []))));
  return below.flat();
}

async function readShard(file: string): Promise<ShardManifest> {
  try {
    const manifest = JSON.parse(await readFile(file, 'utf8')) as ShardManifest;
    if (manifest.briefpressShard !== 1 || !manifest.shard || !manifest.briefs) throw new Error('not a briefpress shard manifest');
    return manifest;
  } catch (error) {
    throw new UserError(
      `${file}: cannot be read as a shard manifest (${error instanceof Error ? error.message : String(error)}); build the shard again`,
    );
  }
}

/** Copy with a temporary file and a rename, so an interrupted merge leaves no half-written PDF. */
async function copyInto(from: string, outDir: string, rel: string): Promise<void> {
  const target = path.resolve(outDir, rel);
  if (!insideFolder(outDir, target)) throw new UserError(`${from}: refusing to copy outside the output folder (${rel})`);
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.tmp-${process.pid}`;
  try {
    await copyFile(from, temp);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new UserError(`${from}: missing; the shard's output folder is incomplete, build the shard again`);
    throw error;
  }
}

export async function mergeShards(options: MergeOptions): Promise<MergeResult> {
  const timings: Record<string, number> = {};
  const started = performance.now();
  const root = path.resolve(options.root ?? process.cwd());
  const config = await loadConfig(root, { out: options.out, strict: options.strict });
  await moveOldCache(config.outDir, config.cacheDir);
  if (options.dirs.length === 0) throw new UserError("--merge needs the shards' output folders, e.g. --merge shard-1 shard-2 shard-3");

  // 1. Find every shard manifest and check that together they are one whole build.
  const located = new Map<number, { dir: string; manifest: ShardManifest }>();
  let count: number | undefined;
  let key: string | undefined;
  for (const dir of options.dirs.map((d) => path.resolve(d))) {
    if (dir === config.outDir)
      throw new UserError(`${dir}: the merge writes into its own output folder; give --out a folder that is not a shard's`);
    const files = await findShardFiles(dir);
    if (files.length === 0) throw new UserError(`${dir}: no shard-K-of-N.json in it; build it with --shard K/N first`);
    for (const file of files) {
      const manifest = await readShard(file);
      const { index, count: n } = manifest.shard;
      if (count !== undefined && n !== count)
        throw new UserError(`${file}: a shard of ${n}, but other shards are of ${count}; merge shards of one build`);
      if (key !== undefined && manifest.key !== key)
        throw new UserError(
          `${file}: built from other code, templates or settings than the other shards; build every shard from the same commit and options`,
        );
      const seen = located.get(index);
      if (seen) throw new UserError(`${file}: shard ${index}/${n} is also in ${seen.dir}; give each shard once`);
      count = n;
      key = manifest.key;
      located.set(index, { dir: path.dirname(file), manifest });
    }
  }
  const missing = Array.from({ length: count! }, (_, i) => i + 1).filter((i) => !located.has(i));
  if (missing.length)
    throw new UserError(
      `missing ${missing.map((i) => shardFileName({ index: i, count: count! })).join(', ')}; every shard of ${count} must be merged`,
    );
  if ((await buildKey(config, VERSION)) !== key) {
    throw new UserError(
      'the shards were built from other code, templates or settings than this checkout; merge from the commit and options the shards were built with',
    );
  }

  // 2. Copy each shard's PDFs and Markdown, and keep each body in this folder's cache.
  await moveOldCache(config.outDir, config.cacheDir);
  const briefs = new Map<string, CachedBrief>();
  const copies: { from: string; rel: string }[] = [];
  const bySlug = new Map<string, string>();
  for (const { dir, manifest } of [...located.values()]) {
    for (const [source, shipped] of Object.entries(manifest.briefs as Record<string, Partial<ShippedBrief> & CachedBrief>)) {
      const { body, ...brief } = shipped; // the body is optional here: a hand-made or older manifest may lack it
      const other = bySlug.get(brief.entry.slug);
      if (other)
        throw new UserError(
          `${source}: slug ${brief.entry.slug} is also used by ${other} in another shard; build the shards from the same sources`,
        );
      bySlug.set(brief.entry.slug, source);
      // Shards of this version carry the body; a shard folder used in place may still have it in its cache.
      const html = body ?? (await readBody(cacheDirOf(dir), brief.bodyHash).catch(() => undefined));
      if (html === undefined)
        throw new UserError(
          `${path.join(dir, shardFileName(manifest.shard))}: ${source} has no body; build the shard again with this version`,
        );
      briefs.set(source, { ...brief, bodyHash: await storeBody(config.cacheDir, html) });
      // The page is written by the archive stage; the PDF, the Markdown and the picture are copied.
      for (const rel of briefOutputs(brief.entry)) if (rel !== brief.entry.html) copies.push({ from: path.join(dir, rel), rel });
    }
    manifest.briefs = {}; // the bodies are in the cache now; let them go
  }
  const queue = [...copies];
  const copyWorker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) await copyInto(item.from, config.outDir, item.rel);
  };
  await Promise.all(Array.from({ length: 16 }, copyWorker));
  timings.copy = Math.round(performance.now() - started);

  // 3. The packets, from the copied PDFs; the archive, the manifests and the build cache, as an unsharded build writes them.
  const ordered = [...briefs.values()].sort((a, b) => newestFirst(a.entry, b.entry));
  const manifest = ordered.map((b) => b.entry);
  const packetsStart = performance.now();
  const printer = lazy(async () => (await import('../print/printer.js')).createPrinter({ config, concurrency: 1 }));
  let packets: PacketsResult;
  try {
    packets = await packetStage({ config, briefs: () => manifest, buildKey: key, printer: printer.get });
  } finally {
    await (await printer.started())?.close();
  }
  timings.packets = Math.round(performance.now() - packetsStart);
  const archiveStart = performance.now();
  const store = await openStore(config.cacheDir);
  const removed = await (async () => {
    try {
      const previous = { briefs: store.index(), archiveFiles: store.archiveFiles };
      const index = new Map<string, IndexedBrief>([...briefs].map(([source, b]) => [source, indexPart(b)]));
      const icons = createIconRasterizer();
      const files = await writeSite(ordered, config, { packets: packets.packets.map((p) => p.entry), rasterize: icons.png }).finally(() =>
        icons.close(),
      );
      return await saveBuild(config.outDir, config.cacheDir, store, previous, index, briefs, files);
    } finally {
      await store.close();
    }
  })();
  timings.archive = Math.round(performance.now() - archiveStart);

  // 4. Every shard's problems, reported once more here.
  const shards = [...located.values()].map((s) => s.manifest);
  const reported: VFile[] = [
    ...restoreMessages([...shards.flatMap((s) => s.failures), ...ordered.flatMap((b) => b.messages)]),
    packets.file,
  ];
  const failed = new Set(shards.flatMap((s) => s.failures.filter((m) => m.fatal).map((m) => m.path))).size;
  return {
    ...summarize(reported, manifest, config.strict),
    shards: shards.length,
    briefs: manifest.length,
    failed,
    removed,
    timings,
    manifest,
  };
}
