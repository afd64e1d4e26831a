/**
 * What a build has to do: the last build's records (the build store), the sources of this
 * build (or of its shard), which of them changed and which come from the cache; and
 * afterwards, this build's briefs.
 */
import type { VFile } from 'vfile';
import type { BuildConfig } from '../core/config.js';
import { listSources } from '../core/list-sources.js';
import { newestFirst } from '../core/newest-first.js';
import { partitionSources, type Shard } from '../scale/shard.js';
import { moveOldCache } from './move-old-cache.js';
import { type BriefFilesCheck, type Changes, findChanges, type Listings, rebuildMissingOutputs } from './read-sources.js';
import { type BuildStore, buildKey, type IndexedBrief, openStore } from './state.js';

export interface BuildPlan extends Changes {
  /** The build key: the configuration, templates and version every cached brief was made with. */
  key: string;
  /** The build store, open until the build closes it. */
  store: BuildStore;
  /** What the last build made (nothing with `force`). */
  previous: { briefs: Map<string, IndexedBrief>; archiveFiles: readonly string[]; incomplete: boolean };
  /** Slugs of the sources other shards build, by source path. */
  otherSlugs: Map<string, string>;
  /** Symbolic links in the sources that were not followed, each with its warning. */
  skipped: VFile[];
  /** The folders listed to find missing outputs: good for the archive's check while the build has written nothing. */
  listings: Listings;
  /**
   * What the listings said of the cached briefs' files, when none was missing: good, like the
   * listings, for the archive's check and the stray-file sweep while the build has written nothing.
   */
  briefFiles?: BriefFilesCheck | undefined;
}

export interface PlanOptions {
  version: string;
  force?: boolean | undefined;
  shard?: Shard | undefined;
  /** Times the reading of the sources. */
  time: <T>(stage: string, work: () => Promise<T>) => Promise<T>;
}

export async function planBuild(config: BuildConfig, options: PlanOptions): Promise<BuildPlan> {
  await moveOldCache(config.outDir, config.cacheDir);
  const [key, store] = await Promise.all([buildKey(config, options.version), openStore(config.cacheDir, options.force)]);
  try {
    const previous = { briefs: store.index(), archiveFiles: store.archiveFiles, incomplete: store.incomplete };
    const sources = await listSources(config.sourcesDir, config.root);
    const { sourcePaths, otherSlugs } = await partitionSources(sources.paths, config, key, options.shard);
    const listings: Listings = new Map();
    const changes = await options.time('read', async () =>
      rebuildMissingOutputs(
        await findChanges(sourcePaths, config.root, key, previous.briefs),
        config.root,
        config.outDir,
        config.cacheDir,
        listings,
      ),
    );
    for (const [source, stat] of changes.touched) {
      const cached = changes.cached.get(source);
      if (cached) store.touch(source, cached, stat);
    }
    return { key, store, previous, otherSlugs, skipped: sources.skipped, listings, ...changes };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * This build's briefs, by source: the cached ones, those printed now, and the last good
 * version of any that failed now; and, asked for (the archive, the packets and the manifest
 * need them; a no-op does not), their sources newest first, as the archive lists them.
 */
export function briefsOfBuild(
  previous: ReadonlyMap<string, IndexedBrief>,
  cached: ReadonlyMap<string, IndexedBrief>,
  built: ReadonlyMap<string, IndexedBrief>,
  failed: readonly VFile[],
): { briefs: ReadonlyMap<string, IndexedBrief>; ordered: () => string[] } {
  let briefs = cached;
  if (built.size > 0 || failed.length > 0) {
    const all = new Map(cached);
    for (const [source, brief] of built) all.set(source, brief);
    for (const file of failed) {
      const lastGood = previous.get(file.path);
      if (lastGood) all.set(file.path, lastGood);
    }
    briefs = all;
  }
  let ordered: string[] | undefined;
  return {
    briefs,
    ordered: () => (ordered ??= [...briefs].sort(([, a], [, b]) => newestFirst(a, b)).map(([source]) => source)),
  };
}
