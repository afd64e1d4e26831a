/**
 * What a build has to do: the last build's state, the sources of this build (or of its
 * shard), which of them changed and which come from the cache; and afterwards, the state
 * an interrupted build leaves for the next one.
 */
import type { VFile } from 'vfile';
import type { BuildConfig } from '../core/config.js';
import { listSources } from '../core/list-sources.js';
import { writeOutput } from '../core/write-file.js';
import { newestFirst, stateOf } from '../archive/write-site.js';
import { partitionSources, type Shard } from '../scale/shard.js';
import { moveOldCache } from './move-old-cache.js';
import { type Changes, findChanges, rebuildMissingOutputs } from './read-sources.js';
import { type BuildState, buildKey, type CachedBrief, emptyState, readState, STATE_FILE } from './state.js';

export interface BuildPlan extends Changes {
  /** The build key: the configuration, templates and version every cached brief was made with. */
  key: string;
  /** What the last build made (empty with `force`). */
  previous: BuildState;
  /** Slugs of the sources other shards build, by source path. */
  otherSlugs: Map<string, string>;
}

export interface PlanOptions {
  version: string;
  force?: boolean | undefined;
  shard?: Shard | undefined;
  /** Times the reading of the sources. */
  time: <T>(stage: string, work: () => Promise<T>) => Promise<T>;
}

export async function planBuild(config: BuildConfig, options: PlanOptions): Promise<BuildPlan> {
  const key = await buildKey(config, options.version);
  await moveOldCache(config.outDir, config.cacheDir);
  const previous = options.force ? emptyState() : await readState(config.cacheDir);
  const { sourcePaths, otherSlugs } = await partitionSources(await listSources(config.sourcesDir), config, key, options.shard);
  const changes = await options.time('read', async () =>
    rebuildMissingOutputs(await findChanges(sourcePaths, config.root, key, previous), config.root, config.outDir, config.cacheDir),
  );
  return { key, previous, otherSlugs, ...changes };
}

/**
 * This build's briefs, by source: the cached ones, those printed now, and the last good
 * version of any that failed now; and the same, newest first, as the archive lists them.
 */
export function briefsOfBuild(
  previous: BuildState,
  cached: Map<string, CachedBrief>,
  built: Map<string, CachedBrief>,
  failed: readonly VFile[],
): { briefs: Map<string, CachedBrief>; ordered: CachedBrief[] } {
  const briefs = new Map<string, CachedBrief>([...cached, ...built]);
  for (const file of failed) {
    const lastGood = previous.briefs[file.path];
    if (lastGood) briefs.set(file.path, lastGood);
  }
  return { briefs, ordered: [...briefs.values()].sort(newestFirst) };
}

/**
 * After an interrupt: the last build's briefs and those printed since (unless their slug
 * moved), marked incomplete, so the next build reuses what was printed and redoes the rest.
 * Written even though the run was aborted: it is the one file the interrupt itself needs.
 */
export async function saveInterrupted(cacheDir: string, previous: BuildState, printed: Map<string, CachedBrief>): Promise<void> {
  const briefs = { ...previous.briefs };
  for (const [source, brief] of printed) {
    if (!briefs[source] || briefs[source].entry.slug === brief.entry.slug) briefs[source] = brief;
  }
  await writeOutput(cacheDir, STATE_FILE, JSON.stringify(stateOf(Object.entries(briefs), previous.archiveFiles, true)));
}
