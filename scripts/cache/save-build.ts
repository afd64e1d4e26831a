/**
 * The last step a build and a merge of shards share: what deleted or renamed sources left
 * behind is removed, and the build is saved in the store for the next one.
 */
import type { ManifestEntry } from '../core/types.js';
import { removeOutput } from '../core/write-file.js';
import { pruneBodies } from './bodies.js';
import type { BuildStore, CachedBrief, IndexedBrief } from './state.js';

/**
 * Remove the outputs of the last build that this one no longer has, then save the build
 * in the store (`late`: records kept back until now, see build.ts; the store drops the
 * records of every source not in `briefs`) and drop the bodies no brief uses any more.
 * `previous`: the store's index as the build found it. Returns how many outputs were removed.
 */
export async function saveBuild(
  outDir: string,
  cacheDir: string,
  store: BuildStore,
  previous: { briefs: ReadonlyMap<string, IndexedBrief>; archiveFiles: readonly string[] },
  briefs: ReadonlyMap<string, IndexedBrief>,
  late: Map<string, CachedBrief>,
  archiveFiles: string[],
): Promise<number> {
  const outputsOf = (entries: ManifestEntry[]) => entries.flatMap((e) => [e.html, e.pdf, e.markdown]);
  const keep = new Set([...outputsOf([...briefs.values()].map((b) => b.entry)), ...archiveFiles]);
  const stale = new Set(
    [...outputsOf([...previous.briefs.values()].map((b) => b.entry)), ...previous.archiveFiles].filter((f) => !keep.has(f)),
  );
  await Promise.all([...stale].map((file) => removeOutput(outDir, file)));
  await store.save(new Set(briefs.keys()), late, archiveFiles);
  await pruneBodies(
    cacheDir,
    [...briefs.values()].map((b) => b.bodyHash),
  );
  return stale.size;
}
