/**
 * What a build and a merge of shards write once every brief is printed: the archive and
 * the manifest, from all briefs. (What they then save: cache/save-build.ts.)
 */
import type { SearchIndexResult, SearchPartJob } from './search/search-index.js';
import type { SiteBrief } from './model/site-model.js';
import type { BuildConfig } from '../core/config.js';
import { readBody } from '../cache/bodies.js';
import type { CachedBrief } from '../cache/state.js';
import type { PacketEntry } from '../core/types.js';
import { writeArchive } from './write-archive.js';
import { type ArchiveIndexInput, openArchiveIndex } from './archive-index.js';
import { writeOutput } from '../core/write-file.js';
import type { Rasterize } from './pages/favicons.js';

/** Every packet of the build: name, title, event, date, pdf, html, pages, sheets, its briefs with their first page. */
export const PACKETS_MANIFEST = 'packets.json';

function toSiteBrief(brief: CachedBrief): SiteBrief {
  return { ...brief.entry, bodyHash: brief.bodyHash, headings: brief.headings, data: brief.data };
}

interface SiteOptions {
  fresh?: boolean | undefined;
  searchPart?: (job: SearchPartJob) => Promise<SearchIndexResult>;
  packets?: readonly PacketEntry[];
  rasterize?: Rasterize;
}

/**
 * Write the archive (reading bodies from the build cache) and `manifest.json`; returns the
 * files the archive owns. `fresh` (`--force`): take nothing from the last build's archive.
 * `searchPart`: where the parts of the search index are built (the brief pool's worker thread).
 */
export async function writeSite(ordered: CachedBrief[], config: BuildConfig, options: SiteOptions = {}): Promise<string[]> {
  const manifest = () =>
    `${JSON.stringify(
      ordered.map((b) => b.entry),
      null,
      2,
    )}\n`;
  return writeSiteOf(ordered.map(toSiteBrief), manifest, config, options);
}

/**
 * The same, for a build's briefs found through the archive index (archive-index.ts): the
 * whole records are read only of the briefs whose pages, feed entries or search documents
 * are made again.
 */
export async function writeIndexedSite(
  input: Omit<ArchiveIndexInput, 'cacheDir' | 'fresh'>,
  config: BuildConfig,
  options: SiteOptions = {},
): Promise<{ files: string[]; recordsRead: number }> {
  const index = openArchiveIndex({ ...input, cacheDir: config.cacheDir, fresh: options.fresh });
  let hash: string | undefined;
  const manifest = () => {
    const made = index.manifest(config.outDir);
    hash = made.hash;
    return (async function* () {
      yield* made.pieces;
    })();
  };
  const files = await writeSiteOf(index.briefs, manifest, config, options);
  await index.save(hash!);
  return { files, recordsRead: index.recordsRead };
}

async function writeSiteOf(
  briefs: SiteBrief[],
  manifest: () => string | Uint8Array | AsyncIterable<Uint8Array>,
  config: BuildConfig,
  options: SiteOptions,
): Promise<string[]> {
  const { searchPart, packets = [], rasterize } = options;
  const archive = await writeArchive(briefs, config, {
    readBody: (hash) => readBody(config.cacheDir, hash),
    fresh: options.fresh,
    packets,
    ...(rasterize ? { rasterize } : {}),
    ...(searchPart ? { buildSearchPart: (input) => searchPart({ ...input, cacheDir: config.cacheDir }) } : {}),
  });
  // The packets, beside the manifest of the briefs (which stays a list of briefs, as its readers expect).
  if (packets.length) {
    await writeOutput(config.outDir, PACKETS_MANIFEST, `${JSON.stringify(packets, null, 2)}\n`);
    archive.files.push(PACKETS_MANIFEST);
  }
  await writeOutput(config.outDir, 'manifest.json', manifest());
  return archive.files;
}
