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
import { type ArchivePreview, type BriefsState, type PreparedArchive, prepareArchive, writeArchive } from './write-archive.js';
import { type ArchiveIndexInput, type LoadedIndex, openArchiveIndex, readArchiveIndex } from './archive-index.js';
import { writeOutput } from '../core/write-file.js';
import { manifestIdentity } from './last-manifest.js';
import type { Rasterize } from './pages/favicons.js';

/** Every packet of the build: name, title, event, date, pdf, html, pages, sheets, its briefs with their first page. */
export const PACKETS_MANIFEST = 'packets.json';

function toSiteBrief(brief: CachedBrief): SiteBrief {
  return { ...brief.entry, bodyHash: brief.bodyHash, headings: brief.headings, data: brief.data };
}

/** What the archive reads before it knows the briefs (`prepareSite`). */
export interface PreparedSite {
  archive: PreparedArchive;
  index: LoadedIndex | undefined;
}

/**
 * Read what the archive needs besides the briefs (the archive index, the files' keys, the
 * caches): a build of a few briefs does it while they print. Only reads; `fresh` as the
 * archive will be written.
 */
export async function prepareSite(config: BuildConfig, fresh = false): Promise<PreparedSite> {
  // In steps, each after what is waiting on this thread (the browser's replies): the brief
  // being printed is not held up by more than one step.
  const step = () => new Promise((resolve) => setImmediate(resolve));
  await step();
  const index = fresh ? undefined : readArchiveIndex(config.cacheDir);
  return { archive: await prepareArchive(config, fresh, step), index };
}

interface SiteOptions {
  fresh?: boolean | undefined;
  /** `prepareSite` with the same `fresh`, started earlier; undefined when it failed (everything is then read here). */
  prepared?: Promise<PreparedSite | undefined> | undefined;
  searchPart?: (job: SearchPartJob) => Promise<SearchIndexResult>;
  packets?: readonly PacketEntry[];
  rasterize?: Rasterize;
  /** Pages written first, and what to call once they are (write-archive.ts). */
  preview?: ArchivePreview | undefined;
}

/**
 * Write the archive (reading bodies from the build cache) and `manifest.json`; returns the
 * files the archive owns. `fresh` (`--force`): take nothing from the last build's archive.
 * `searchPart`: where the parts of the search index are built (the brief pool's worker thread).
 */
export async function writeSite(
  ordered: CachedBrief[],
  config: BuildConfig,
  options: Omit<SiteOptions, 'prepared'> = {},
): Promise<string[]> {
  const manifest = () =>
    `${JSON.stringify(
      ordered.map((b) => b.entry),
      null,
      2,
    )}\n`;
  return (await writeSiteOf(ordered.map(toSiteBrief), manifest, config, options)).files;
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
): Promise<{ files: string[]; recordsRead: number; keptKeys: number }> {
  const prepared = await options.prepared;
  const index = openArchiveIndex({
    ...input,
    cacheDir: config.cacheDir,
    fresh: options.fresh,
    ...(prepared ? { loaded: prepared.index } : {}),
  });
  const manifest = () => {
    const pieces = index.manifest(config.outDir);
    return (
      pieces &&
      (async function* () {
        yield* pieces;
      })()
    );
  };
  const briefsState = { now: index.state, before: index.previous };
  const { files, keptKeys } = await writeSiteOf(index.briefs, manifest, config, { ...options, prepared: prepared?.archive, briefsState });
  // The manifest is in place: the index names it.
  await index.save(manifestIdentity(config.outDir));
  return { files, recordsRead: index.recordsRead, keptKeys };
}

async function writeSiteOf(
  briefs: SiteBrief[],
  /** The manifest's text; undefined when the one in the output folder is the same. */
  manifest: () => string | Uint8Array | AsyncIterable<Uint8Array> | undefined,
  config: BuildConfig,
  options: Omit<SiteOptions, 'prepared'> & { prepared?: PreparedArchive | undefined; briefsState?: BriefsState },
): Promise<{ files: string[]; keptKeys: number }> {
  const { searchPart, packets = [], rasterize } = options;
  const archive = await writeArchive(briefs, config, {
    readBody: (hash) => readBody(config.cacheDir, hash),
    fresh: options.fresh,
    ...(options.prepared ? { prepared: Promise.resolve(options.prepared) } : {}),
    ...(options.briefsState ? { briefsState: options.briefsState } : {}),
    packets,
    ...(rasterize ? { rasterize } : {}),
    ...(options.preview ? { preview: options.preview } : {}),
    ...(searchPart ? { buildSearchPart: (input) => searchPart({ ...input, cacheDir: config.cacheDir }) } : {}),
  });
  // The packets, beside the manifest of the briefs (which stays a list of briefs, as its readers expect).
  if (packets.length) {
    await writeOutput(config.outDir, PACKETS_MANIFEST, `${JSON.stringify(packets, null, 2)}\n`);
    archive.files.push(PACKETS_MANIFEST);
  }
  const text = manifest();
  if (text !== undefined) await writeOutput(config.outDir, 'manifest.json', text);
  return { files: archive.files, keptKeys: archive.keptKeys };
}
