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
import { writeOutput } from '../core/write-file.js';
import type { Rasterize } from './pages/favicons.js';

/** Every packet of the build: name, title, event, date, pdf, html, pages, sheets, its briefs with their first page. */
export const PACKETS_MANIFEST = 'packets.json';

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
  options: {
    fresh?: boolean;
    searchPart?: (job: SearchPartJob) => Promise<SearchIndexResult>;
    packets?: readonly PacketEntry[];
    rasterize?: Rasterize;
  } = {},
): Promise<string[]> {
  const { searchPart, packets = [], rasterize } = options;
  const archive = await writeArchive(ordered.map(toSiteBrief), config, {
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
