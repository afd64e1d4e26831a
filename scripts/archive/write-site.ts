/**
 * The steps a build and a merge of shards share once every brief is printed: the archive
 * and the manifest written from all briefs, what deleted or renamed sources left behind
 * removed, and the build cache saved for the next build.
 */
import type { SearchIndexResult, SearchPartJob } from './search/search-index.js';
import type { SiteBrief } from './model/site-model.js';
import type { BuildConfig } from '../core/config.js';
import { type BuildState, type CachedBrief, emptyState, pruneBodies, readBody, STATE_FILE } from '../cache/state.js';
import type { ManifestEntry, PacketEntry } from '../core/types.js';
import { writeArchive } from './write-archive.js';
import { removeOutput, writeOutput } from '../core/write-file.js';

/** Every packet of the build: name, title, event, date, pdf, html, pages, sheets, its briefs with their first page. */
export const PACKETS_MANIFEST = 'packets.json';

/** Newest first; briefs of one day by slug. */
export function newestFirst(a: CachedBrief, b: CachedBrief): number {
  const [da, db] = [a.entry.date ?? '', b.entry.date ?? ''];
  return da !== db ? (da < db ? 1 : -1) : a.entry.slug < b.entry.slug ? -1 : 1;
}

function toSiteBrief(brief: CachedBrief): SiteBrief {
  return { ...brief.entry, bodyHash: brief.bodyHash, headings: brief.headings, data: brief.data };
}

/**
 * Write the archive (reading bodies from the build cache) and `manifest.json`; returns the
 * files the archive owns. `fresh` (`--force`): take nothing from the last build's archive.
 * `searchPart`: where the parts of the search index are built (the brief pool's worker thread).
 */
export async function writeSite(
  ordered: CachedBrief[],
  config: BuildConfig,
  options: { fresh?: boolean; searchPart?: (job: SearchPartJob) => Promise<SearchIndexResult>; packets?: readonly PacketEntry[] } = {},
): Promise<string[]> {
  const { searchPart, packets = [] } = options;
  const archive = await writeArchive(ordered.map(toSiteBrief), config, {
    readBody: (hash) => readBody(config.cacheDir, hash),
    fresh: options.fresh,
    packets,
    ...(searchPart ? { buildSearchPart: (input) => searchPart({ ...input, cacheDir: config.cacheDir }) } : {}),
  });
  // The packets, beside the manifest of the briefs (which stays a list of briefs, as its readers expect).
  if (packets.length) {
    await writeOutput(config.outDir, PACKETS_MANIFEST, `${JSON.stringify(packets, null, 2)}\n`);
    archive.files.push(PACKETS_MANIFEST);
  }
  await writeOutput(
    config.outDir,
    'manifest.json',
    `${JSON.stringify(
      ordered.map((b) => b.entry),
      null,
      2,
    )}\n`,
  );
  return archive.files;
}

/** The build cache for these briefs, by source path, so two builds write it identically. */
export function stateOf(briefs: Iterable<[string, CachedBrief]>, archiveFiles: string[], incomplete = false): BuildState {
  const bySource = [...briefs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { ...emptyState(), briefs: Object.fromEntries(bySource), archiveFiles, ...(incomplete ? { incomplete } : {}) };
}

/**
 * Remove the outputs of the last build that this one no longer has, then save the cache
 * and drop the bodies no brief uses any more. Returns how many outputs were removed.
 */
export async function saveBuild(
  outDir: string,
  cacheDir: string,
  previous: BuildState,
  briefs: Map<string, CachedBrief>,
  archiveFiles: string[],
): Promise<number> {
  const outputsOf = (entries: ManifestEntry[]) => entries.flatMap((e) => [e.html, e.pdf, e.markdown]);
  const keep = new Set([...outputsOf([...briefs.values()].map((b) => b.entry)), ...archiveFiles]);
  const stale = new Set(
    [...outputsOf(Object.values(previous.briefs).map((b) => b.entry)), ...previous.archiveFiles].filter((f) => !keep.has(f)),
  );
  await Promise.all([...stale].map((file) => removeOutput(outDir, file)));
  await writeOutput(cacheDir, STATE_FILE, JSON.stringify(stateOf(briefs, archiveFiles)));
  await pruneBodies(cacheDir, briefs.values());
  return stale.size;
}
