/**
 * Sharded builds: `--shard K/N` renders the K-th of N partitions of the sources and
 * writes a partial manifest (`shard-K-of-N.json`) instead of the archive; `--merge`
 * (merge-shards.ts) assembles the site from the shards' outputs.
 *
 * The sources are ordered by a hash of their path inside the sources folder and cut
 * into N runs of equal length: the shards' counts differ by one at most, and adding or
 * removing one source moves at most N - 1 other briefs (those at the cuts) to a
 * neighbouring shard, so each shard's cache stays warm from run to run. The order is
 * a hash, not the names, so briefs added together (e.g. one month's) spread over shards.
 *
 * Slugs are resolved over every source, as in an unsharded build, so two sources with
 * one title get the same names whichever shards they fall in. A shard therefore learns
 * the slugs of the other shards' sources: it normalizes them (no HTML, no printing) and
 * remembers them by content hash in `shard-slugs.json` of the build cache (cache-dir.ts).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { type ShippedBrief, sourceHash } from '../cache/state.js';
import { type StoredMessage, storeMessages } from '../core/messages.js';
import type { BuildConfig } from '../core/config.js';
import { UserError } from '../core/user-error.js';
import { writeOutput } from '../core/write-file.js';

export interface Shard {
  /** 1-based: 1 … count. */
  index: number;
  count: number;
}

/** What a shard leaves for the merge: its briefs as the build cache holds them, and its failures. */
export interface ShardManifest {
  briefpressShard: 1;
  shard: Shard;
  /** The build key (tool version, code, templates, configuration) the briefs were made with. */
  key: string;
  /** This shard's briefs by source path, sorted by source, each with its body. */
  briefs: Record<string, ShippedBrief>;
  /** Problems of sources in this shard that could not be built. */
  failures: StoredMessage[];
}

export const SHARD_SLUGS_FILE = 'shard-slugs.json';

/** `K/N` → a shard, or a clear error. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const [index, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UserError(`--shard takes K/N with 1 ≤ K ≤ N, e.g. --shard 2/4, not "${text}"`);
  }
  return { index, count };
}

export function shardFileName(shard: Shard): string {
  return `shard-${shard.index}-of-${shard.count}.json`;
}

/** The shard (1-based) of each source, given every source's path relative to the sources folder. */
export function assignShards(relativePaths: readonly string[], count: number): number[] {
  const keyed = relativePaths.map((p, i) => {
    const name = p.split(path.sep).join('/');
    return { i, name, hash: createHash('sha256').update(name).digest('hex') };
  });
  keyed.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : a.name < b.name ? -1 : 1));
  const shards = new Array<number>(relativePaths.length);
  keyed.forEach((item, rank) => {
    shards[item.i] = Math.floor((rank * count) / keyed.length) + 1;
  });
  return shards;
}

export interface ShardSources {
  /** Sources this shard builds (all of them without a shard). */
  sourcePaths: string[];
  /** Base slugs of the other shards' sources, by source path relative to the root. */
  otherSlugs: Map<string, string>;
}

interface SlugCache {
  key: string;
  slugs: Record<string, { hash: string; slug: string }>;
}

/** Split the sources into this shard's and the others, and learn the others' base slugs. */
export async function partitionSources(
  allPaths: string[],
  config: BuildConfig,
  key: string,
  shard: Shard | undefined,
): Promise<ShardSources> {
  if (!shard) return { sourcePaths: allPaths, otherSlugs: new Map() };
  const shardOfPath = assignShards(
    allPaths.map((p) => path.relative(config.sourcesDir, p)),
    shard.count,
  );
  const mineSet = new Set(allPaths.filter((_, i) => shardOfPath[i] === shard.index));
  const mine = (p: string) => mineSet.has(p);
  const others = allPaths.filter((p) => !mine(p));
  const cacheText = await readFile(path.join(config.cacheDir, SHARD_SLUGS_FILE), 'utf8').catch(() => '');
  let cache: SlugCache = { key, slugs: {} };
  try {
    const parsed = JSON.parse(cacheText) as SlugCache;
    if (parsed.key === key && parsed.slugs) cache = parsed;
  } catch {
    // No cache yet, or an unreadable one: normalize the others again.
  }
  const next: SlugCache = { key, slugs: {} };
  const otherSlugs = new Map<string, string>();
  for (const absPath of others) {
    const source = path.relative(config.root, absPath);
    const bytes = await readFile(absPath);
    const hash = sourceHash(key, bytes);
    let slug = cache.slugs[source]?.hash === hash ? cache.slugs[source]!.slug : undefined;
    if (slug === undefined) {
      try {
        const { normalize, normalizeOptionsOf, readSource } = await import('../normalize/index.js');
        slug = normalize(await readSource(absPath, config.root), normalizeOptionsOf(config)).slug;
      } catch {
        // Its own shard reports the problem; a source that fails claims no slug, as in an unsharded build.
        continue;
      }
    }
    next.slugs[source] = { hash, slug };
    otherSlugs.set(source, slug);
  }
  await writeOutput(config.cacheDir, SHARD_SLUGS_FILE, JSON.stringify(next));
  return { sourcePaths: allPaths.filter(mine), otherSlugs };
}

/** Write `shard-K-of-N.json` into the output folder; returns the files written, like the archive stage. */
export async function writeShardManifest(
  briefs: ShippedBrief[],
  failed: VFile[],
  shard: Shard,
  config: BuildConfig,
  key: string,
): Promise<{ files: string[] }> {
  const bySource = [...briefs].sort((a, b) => (a.entry.source < b.entry.source ? -1 : a.entry.source > b.entry.source ? 1 : 0));
  const manifest: ShardManifest = {
    briefpressShard: 1,
    shard,
    key,
    briefs: Object.fromEntries(bySource.map((b) => [b.entry.source, b])),
    failures: storeMessages(...failed),
  };
  const file = shardFileName(shard);
  await writeOutput(config.outDir, file, `${JSON.stringify(manifest)}\n`);
  return { files: [file] };
}
