/**
 * The build's archive stage: the website and the manifest, rebuilt from all briefs (or, for
 * a shard, its manifest for the merge), unless nothing at all changed since a complete
 * last build: then they would come out byte for byte the same, and nothing is written.
 */
import type { VFile } from 'vfile';
import type { BuildConfig } from '../core/config.js';
import type { PacketEntry } from '../core/types.js';
import { outputsOfSlug } from '../core/brief-outputs.js';
import { withBodies } from '../cache/bodies.js';
import { type BriefFilesCheck, filesPresent, type Listings } from '../cache/read-sources.js';
import type { BuildStore, CachedBrief, IndexedBrief } from '../cache/state.js';
import type { Shard } from '../scale/shard.js';
import type { SearchIndexResult, SearchPartJob } from './search/search-index.js';
import type { Rasterize } from './pages/favicons.js';
import type { PreparedSite } from './write-site.js';
import type { ArchivePreview } from './write-archive.js';

export interface ArchiveStageInput {
  config: BuildConfig;
  key: string;
  /** The build store: the whole records of the briefs come from it. */
  store: BuildStore;
  previous: { briefs: ReadonlyMap<string, IndexedBrief>; archiveFiles: readonly string[]; incomplete: boolean };
  /** Briefs from the cache, by source. */
  cached: ReadonlyMap<string, IndexedBrief>;
  /** This build's briefs: sources newest first, each as the store indexes it, and the whole records made in this build. */
  sources: { ordered: readonly string[]; briefs: ReadonlyMap<string, IndexedBrief>; late: ReadonlyMap<string, CachedBrief> };
  /** Folders the plan listed (cache/plan.ts): still true when nothing changed since. */
  listings?: Listings | undefined;
  /** What those listings said of the cached briefs' files (cache/read-sources.ts): likewise. */
  briefFiles?: BriefFilesCheck | undefined;
  /** The whole records of this build's briefs, newest first: read from the store on the first call. */
  records: () => CachedBrief[];
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
  /** Draws the favicon as PNG (write-archive.ts). */
  rasterize?: Rasterize | undefined;
  /** What the archive reads besides the briefs, read while they printed (write-site.ts `prepareSite`, with `fresh`). */
  prepared?: Promise<PreparedSite | undefined> | undefined;
  /** Pages written before the rest of the archive, and what to call then (write-archive.ts). */
  preview?: ArchivePreview | undefined;
  time: <T>(stage: string, work: () => Promise<T>) => Promise<T>;
}

/** The files the archive (or shard manifest) is made of; undefined when it was up to date. */
export async function archiveStage(input: ArchiveStageInput): Promise<string[] | undefined> {
  const { config, shard } = input;
  if (
    !shard &&
    !input.packetsChanged &&
    (await upToDate(config.outDir, input.previous, input.cached, input.changes, input.listings, input.briefFiles))
  )
    return undefined;
  // The archive's pages are about to change: until the build is saved, the next build must not take them as up to date.
  if (!shard) input.store.markIncomplete();
  if (shard) {
    // The whole records (with entries, data and headings), read from the store only now that the shard's manifest needs them.
    const { writeShardManifest } = await import('../scale/shard.js');
    return (await writeShardManifest(await withBodies(config.cacheDir, input.records()), input.failed, shard, config, input.key)).files;
  }
  const { searchPart, packets, rasterize } = input;
  return input.time('archive', async () => {
    // Loaded only now: a build with nothing to write does not load the archive's modules (templates, the site model).
    const { writeIndexedSite } = await import('./write-site.js');
    // The briefs through the archive index: whole records read from the store only for those it cannot vouch for.
    const { store } = input;
    const written = await writeIndexedSite({ ...input.sources, full: (source, indexed) => store.full(source, indexed) }, config, {
      fresh: input.fresh,
      prepared: input.prepared,
      ...(searchPart ? { searchPart } : {}),
      ...(packets ? { packets } : {}),
      ...(rasterize ? { rasterize } : {}),
      ...(input.preview ? { preview: input.preview } : {}),
    });
    return written.files;
  });
}

/**
 * Nothing to do after the sources were read: every brief came from the cache, no source
 * was added or removed, and every file the last build wrote is still there (one listing
 * per folder, not a look at each file).
 */
async function upToDate(
  outDir: string,
  previous: ArchiveStageInput['previous'],
  cached: ReadonlyMap<string, IndexedBrief>,
  changes: number,
  listings?: Listings,
  briefFiles?: BriefFilesCheck,
): Promise<boolean> {
  if (changes > 0 || previous.incomplete || cached.size !== previous.briefs.size || previous.archiveFiles.length === 0) return false;
  // Nothing changed, so the cached briefs are those the plan checked: their files need no path here.
  if (briefFiles && !briefFiles.pagesPresent) return false;
  const outputs = [...previous.archiveFiles, 'manifest.json', ...(briefFiles ? [] : [...cached.values()].flatMap(outputsOfSlug))];
  // Nothing was written since the plan listed the folders: its listings hold.
  const present = await filesPresent(outDir, outputs, listings);
  return outputs.every((file) => present.has(file));
}
