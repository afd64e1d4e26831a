/**
 * The build's archive stage: the website and the manifest, rebuilt from all briefs (or, for
 * a shard, its manifest for the merge), unless nothing at all changed since a complete
 * last build: then they would come out byte for byte the same, and nothing is written.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import type { VFile } from 'vfile';
import type { BuildConfig } from '../core/config.js';
import type { PacketEntry } from '../core/types.js';
import { type BuildState, type CachedBrief, withBodies } from '../cache/state.js';
import { type Shard, writeShardManifest } from '../scale/shard.js';
import type { SearchIndexResult, SearchPartJob } from './search/search-index.js';
import { writeSite } from './write-site.js';

export interface ArchiveStageInput {
  config: BuildConfig;
  key: string;
  previous: BuildState;
  /** Briefs from the cache, by source. */
  cached: Map<string, CachedBrief>;
  /** Every brief of this build, newest first. */
  ordered: CachedBrief[];
  /** Sources that failed in this build. */
  failed: VFile[];
  /** Briefs printed or failed in this build. */
  changes: number;
  shard?: Shard | undefined;
  /** Rewrite every archive file (`--force`). */
  fresh?: boolean | undefined;
  searchPart?: ((job: SearchPartJob) => Promise<SearchIndexResult>) | undefined;
  /** This build's packets (scripts/packet/): a page each, and `packets.json`. */
  packets?: readonly PacketEntry[] | undefined;
  /** A packet was made, changed or removed: the archive is not up to date. */
  packetsChanged?: boolean | undefined;
  time: <T>(stage: string, work: () => Promise<T>) => Promise<T>;
}

/** The files the archive (or shard manifest) is made of; undefined when it was up to date. */
export async function archiveStage(input: ArchiveStageInput): Promise<string[] | undefined> {
  const { config, shard, ordered } = input;
  if (!shard && !input.packetsChanged && (await upToDate(config.outDir, input.previous, input.cached, input.changes))) return undefined;
  if (shard) return (await writeShardManifest(await withBodies(config.cacheDir, ordered), input.failed, shard, config, input.key)).files;
  const { searchPart, packets } = input;
  return input.time('archive', () =>
    writeSite(ordered, config, { fresh: input.fresh, ...(searchPart ? { searchPart } : {}), ...(packets ? { packets } : {}) }),
  );
}

/**
 * Nothing to do after the sources were read: every brief came from the cache, no source
 * was added or removed, and every file the last build wrote is still there.
 */
async function upToDate(outDir: string, previous: BuildState, cached: Map<string, CachedBrief>, changes: number): Promise<boolean> {
  if (changes > 0 || previous.incomplete || cached.size !== Object.keys(previous.briefs).length || previous.archiveFiles.length === 0)
    return false;
  const outputs = [
    ...previous.archiveFiles,
    'manifest.json',
    ...[...cached.values()].flatMap((b) => [b.entry.pdf, b.entry.markdown, b.entry.html]),
  ];
  const limit = pLimit(32);
  const present = await Promise.all(
    outputs.map((file) =>
      limit(() =>
        access(path.join(outDir, file)).then(
          () => true,
          () => false,
        ),
      ),
    ),
  );
  return present.every(Boolean);
}
