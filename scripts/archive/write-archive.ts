/**
 * The archive stage: every brief's web page, the home page (the newest briefs by year), a
 * page per year, tag and author pages, search (a static index that works from `file://`),
 * the Atom feed, sitemap, robots.txt, 404 and the assets they load, written into the
 * output folder.
 *
 * Rebuilt from the manifest on every build, but only what changed is redone: every file
 * has a key (a hash of everything it is made from; see render-pages.ts), and a file whose
 * key is the one it was written with, and which is still there, is neither rendered nor
 * read. Keys are kept in `archive-pages.json` of the build cache folder and a journal beside it
 * (caches/page-keys.ts), with what the parts of the
 * search index need to be updated in place (search-parts.ts, search-index.ts). Bodies are
 * read (by hash, from the build cache) only for the pages rendered, the feed and the search
 * documents that changed, one at a time; pages are rendered and written one by one, the
 * search index one part at a time. A file is rewritten only when its bytes change, and the
 * output is the same as a clean build's, byte for byte.
 */
import { createHash } from 'node:crypto';
import type nunjucks from 'nunjucks';
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bodyHash } from '../cache/bodies.js';
import type { BuildConfig } from '../core/config.js';
import { planFeed } from './pages/atom-feed.js';
import { JSON_FEED, planJsonFeed } from './pages/json-feed.js';
import { type CardCache, openCardCache } from './caches/card-cache.js';
import { openPageKeys, type PageKeysStore } from './caches/page-keys.js';
import { openRelatedCache, type RelatedCache, RELATED_CACHE_FILE } from './caches/related-cache.js';
import { planPages } from './pages/render-pages.js';
import { FILTER_DATA, filterDataScript } from './pages/filter-data.js';
import type { PreviousBriefs } from './archive-index.js';
import { cacheTemplates, type TemplateCache, TEMPLATE_CACHE_FILE } from './caches/template-cache.js';
import {
  buildSearchIndex,
  documentKeysOf,
  documentsToMake,
  searchIndexKey,
  type SearchIndexInput,
  type SearchIndexResult,
  type SearchIndexState,
} from './search/search-index.js';
import { SEARCH_PART_SIZE, searchPartPath, searchPartsScript, splitSearchParts } from './search/search-parts.js';
import { type CopiedAsset, siteAssets } from './pages/site-assets.js';
import { buildSiteModel, type SiteBrief } from './model/site-model.js';
import { isChecked, plainBrief } from './model/brief-keys.js';
import { robotsTxt, sitemapXml } from './pages/sitemap.js';
import { createTemplateEngine } from '../render/template-engine.js';
import type { ArchiveBrief, PacketEntry } from '../core/types.js';
import { removeOutput, writeOutput } from '../core/write-file.js';
import { shortHash } from '../core/short-hash.js';
import { withSafeLinks } from '../core/url-policy.js';
import { logoAsset } from '../render/assets.js';
import { iconPage, plainPng as plainIcon, type Rasterize, rasterIcons } from './pages/favicons.js';

export interface ArchiveResult {
  /** Every file of the archive, relative to the output folder, sorted. */
  files: string[];
  /** The files whose content changed in this run (a subset of `files`). */
  changed: string[];
  /** The files made again in this run because their key changed or they were missing (a subset of `files`). */
  rendered: string[];
  /** Pages (and feeds) whose last key was taken as it was, the edit not touching them (render-pages.ts `KeptKeys`). */
  keptKeys: number;
}

export interface WriteArchiveOptions {
  /** Reads a body by its hash, for briefs given without one (the build cache's bodies). */
  readBody?: (hash: string) => Promise<string>;
  /** Take nothing from the last build (`--force`): render every file and compare it with the one on disk. */
  fresh?: boolean;
  /** Briefs per part of the search index (search-parts.ts); tests make it small. */
  searchPartSize?: number;
  /**
   * Builds a part of the search index elsewhere (a worker thread: brief-pool.ts), its bodies
   * read the way `readBody` reads them, while this thread renders the pages. Not used for
   * briefs given with their bodies.
   */
  buildSearchPart?: (input: Omit<SearchIndexInput, 'body'>) => Promise<SearchIndexResult>;
  /** The packets of this build (scripts/packet/): a page each. */
  packets?: readonly PacketEntry[];
  /** Draws the favicon as PNG (the build's browser: print/icon-rasterizer.ts); without it the PNGs are plain accent squares. */
  rasterize?: Rasterize;
  /** The briefs as the archive index knows them now and at the last build (archive-index.ts): lets an edit take the keys of the brief pages it does not touch as they were. */
  briefsState?: BriefsState;
  /** What `prepareArchive` read beforehand, with the same `fresh` (the build reads it while its briefs print). */
  prepared?: Promise<PreparedArchive | undefined> | undefined;
  /** Pages written before all others (`paths`, the edited briefs' own), then `shown()` is called and awaited: the dev server's early reload. */
  preview?: ArchivePreview | undefined;
}

/** The pages a preview waits for, and what to call once they are written (before the rest of the archive, which waits for it). */
export interface ArchivePreview {
  paths: ReadonlySet<string>;
  shown: () => void | Promise<void>;
}

/** The briefs' state now and at the last build (`ArchiveIndex.state` and `previous`). */
export interface BriefsState {
  now: string;
  before?: PreviousBriefs | undefined;
}

/**
 * What the archive reads before it knows the briefs: the files' last keys, the salts, the
 * assets' keys and the caches of related briefs and compiled templates. Nothing here depends
 * on the briefs, so a build of a few briefs reads it while the browser prints them (a time
 * this thread would otherwise spend waiting) rather than after.
 */
export interface PreparedArchive {
  keysStore: PageKeysStore;
  salt: { pages: string; search: string };
  /** The files copied as they are, each with the key of its bytes. */
  assets: (CopiedAsset & { key: string })[];
  related: RelatedCache;
  env: nunjucks.Environment;
  templates: TemplateCache;
  cards: CardCache;
}

/** `step`: awaited between the parts (to let other work on this thread go first). */
export async function prepareArchive(
  config: BuildConfig,
  fresh = false,
  step: () => Promise<unknown> = async () => {},
): Promise<PreparedArchive> {
  const keysStore = openPageKeys(config.cacheDir, fresh);
  await step();
  const [salt, copied] = await Promise.all([salts(config), siteAssets(config)]);
  await step();
  const assets = copied.map((asset) => ({ ...asset, key: shortHash(readFileSync(asset.file)) }));
  await step();
  const related = openRelatedCache(config.cacheDir, salt.pages, fresh);
  await step();
  const env = createTemplateEngine(config.templatesDir);
  const templates = cacheTemplates(env, config.cacheDir, fresh);
  const cards = openCardCache(config.cacheDir, salt.pages, fresh);
  return { keysStore, salt, assets, related, env, templates, cards };
}

const SEARCH_INDEX = 'assets/search-index.js';

type Content = string | Uint8Array | AsyncIterable<string | Uint8Array>;

interface Output {
  path: string;
  key: string;
  make: () => Promise<Content>;
  /** What the file held, when `make` had to read it anyway: compared instead of reading it again. */
  held?: () => string | undefined;
}

const packageRequire = createRequire(import.meta.url);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** The modules that make the search index's documents and tokens (its salt hashes them). */
const SEARCH_MODULES = new Set(['search-index', 'search-postings', 'search-terms', 'template-filters', 'brief-keys']);

/**
 * Hashes of what the files are made from besides the briefs: for the pages and feed, the
 * configuration, the site templates and the archive's code; for the search index, the
 * modules that make it and MiniSearch's version.
 */
async function salts(config: BuildConfig): Promise<{ pages: string; search: string }> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const filters = fileURLToPath(new URL('../render/template-filters.ts', import.meta.url));
  const sources = [...(await filesUnder(path.join(config.templatesDir, 'site'))), ...(await filesUnder(here)), filters];
  // Only what shapes the pages: not where the output goes nor how fast it is built.
  const pages = createHash('sha256').update(JSON.stringify([config.organization, config.site, config.print]));
  const search = createHash('sha256').update(
    await readFile(path.resolve(path.dirname(packageRequire.resolve('minisearch')), '../../package.json')),
  );
  for (const file of sources) {
    // Names relative to the project's templates or to this code, so the salt is the same wherever the project is.
    const name = path.relative(file.startsWith(config.templatesDir) ? config.templatesDir : path.dirname(here), file);
    const bytes = readFileSync(file);
    pages.update(name).update(bytes);
    if (SEARCH_MODULES.has(path.basename(name, path.extname(name)))) search.update(name).update(bytes);
  }
  return { pages: pages.digest('hex'), search: search.digest('hex') };
}

/** The digests of a part's briefs only: what a part's key and documents need, and all a worker thread is sent. */
function partDigest(digest: Map<string, string>, briefs: SiteBrief[]): Map<string, string> {
  return new Map(briefs.map((b) => [b.slug, digest.get(b.slug)!]));
}

function readIfThere(file: string, encoding: 'utf8'): string | undefined;
function readIfThere(file: string, encoding: null): Buffer | undefined;
function readIfThere(file: string, encoding: 'utf8' | null): string | Buffer | undefined {
  try {
    return readFileSync(file, encoding);
  } catch {
    return undefined;
  }
}

/** Which of `files` exist, with one directory listing per folder rather than a stat per file. */
async function presentFiles(outDir: string, files: string[]): Promise<Set<string>> {
  const folders = [...new Set(files.map((f) => path.posix.dirname(f)))];
  const present = new Set<string>();
  await Promise.all(
    folders.map(async (folder) => {
      const entries = await readdir(path.join(outDir, folder), { withFileTypes: true }).catch(() => []);
      for (const e of entries) if (e.isFile()) present.add(folder === '.' ? e.name : `${folder}/${e.name}`);
    }),
  );
  return present;
}

/**
 * Write `data` unless the file (when it `mayExist`) already holds those bytes; whether it
 * was written. `held`: the file's text, when the caller has it already.
 */
async function writeIfChanged(outDir: string, rel: string, data: Content, mayExist = true, held?: string): Promise<boolean> {
  if (typeof data === 'string' || data instanceof Uint8Array) {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    // Small and local: a synchronous read is far cheaper than a promise-based one.
    const existing = !mayExist ? undefined : held !== undefined ? Buffer.from(held) : readIfThere(path.join(outDir, rel), null);
    if (existing?.equals(bytes)) return false;
    await writeOutput(outDir, rel, bytes);
  } else {
    await writeOutput(outDir, rel, data); // streamed; made only when its key changed
  }
  return true;
}

/** The row of the last build's files (in the archive order of then) a brief's can be copied from: unless it changed. */
function rowsOfBefore(slugs: readonly string[], changed: ReadonlySet<string>): (slug: string) => number | undefined {
  const at = new Map(slugs.map((slug, i) => [slug, i]));
  return (slug) => (changed.has(slug) ? undefined : at.get(slug));
}

/** Briefs as the archive holds them: without bodies; bodies given inline are kept aside by hash. */
function withoutBodies(input: (ArchiveBrief | SiteBrief)[], inline: Map<string, string>): SiteBrief[] {
  return input.map((unchecked) => {
    // From the archive index: checked when indexed, and most of its fields not read yet.
    if (isChecked(unchecked)) return unchecked as SiteBrief;
    // Addresses through the URL policy again: a brief may come from an older cache or a shard.
    const brief = { ...withSafeLinks(unchecked).data, data: withSafeLinks(unchecked.data).data };
    if (!('body' in brief) || typeof brief.body !== 'string') return brief as SiteBrief;
    const { body, ...rest } = brief;
    const hash = bodyHash(body);
    inline.set(hash, body);
    return { ...rest, bodyHash: hash };
  });
}

/**
 * Write the archive of `briefs` (in any order; each with its body, or with the hash of a
 * body that `options.readBody` reads).
 */
export async function writeArchive(
  input: (ArchiveBrief | SiteBrief)[],
  config: BuildConfig,
  options: WriteArchiveOptions = {},
): Promise<ArchiveResult> {
  const inline = new Map<string, string>();
  const readBody = async (hash: string): Promise<string> => {
    const body = inline.get(hash) ?? (await options.readBody?.(hash));
    if (body === undefined) throw new Error(`the body ${hash} of a brief is missing`);
    return body;
  };
  const { keysStore, salt, assets, related, env, templates, cards } =
    (await options.prepared) ?? (await prepareArchive(config, options.fresh));
  const last = keysStore.last;
  const model = buildSiteModel(withoutBodies(input, inline), (briefs) => related.relate(briefs));
  // The pages an edit does not touch keep their keys when the last keys were saved for the
  // briefs the index had then, and the related briefs of then are known (render-pages.ts `KeptKeys`).
  const before = options.briefsState?.before;
  const relatedBefore = related.kept ? undefined : related.before();
  const kept =
    last && before && last.briefs === before.state && (related.kept || relatedBefore)
      ? {
          files: last.files,
          slugs: before.slugs,
          changed: before.changed,
          gone: before.gone,
          relatedBefore,
          listing: related.kept ? related.listing(before.changed) : undefined,
        }
      : undefined;
  const { pages, cardKeys, keptKeys } = planPages(model, config, env, salt.pages, cards, options.packets, kept);
  const pageOutputs: Output[] = pages.map((p) => ({
    path: p.path,
    key: p.key,
    make: async () => p.render(p.bodyOf ? await readBody(p.bodyOf.bodyHash) : undefined),
  }));

  const changed: string[] = [];
  // When one file fails, no other is started, and the run fails only once the files under way
  // are written: nothing lands in the output folder after the build has said it stopped.
  let failed = false;
  const run = async (items: Output[], slots: number, mayExist: (item: Output) => boolean) => {
    let next = 0;
    const slot = async () => {
      for (let item = items[next++]; item && !failed; item = items[next++]) {
        try {
          if (await writeIfChanged(config.outDir, item.path, await item.make(), mayExist(item), item.held?.())) changed.push(item.path);
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    };
    return Promise.allSettled(Array.from({ length: slots }, slot));
  };
  const failure = (settled: PromiseSettledResult<void>[]) => settled.find((result) => result.status === 'rejected');

  // The pages a preview waits for (the dev server's: the edited briefs' own) are made and
  // written before anything else of the archive is worked out, their keys forgotten first
  // as below; the rest of the archive follows as if they had been made with it.
  const early = new Set<Output>();
  if (options.preview) {
    const { paths } = options.preview;
    const there = new Set<string>();
    for (const o of pageOutputs) {
      if (!paths.has(o.path)) continue;
      const exists = existsSync(path.join(config.outDir, o.path));
      if (exists) there.add(o.path);
      if (last?.files[o.path] !== o.key || !exists) early.add(o);
    }
    if (early.size > 0) {
      await keysStore.forget(new Set([...early].map((o) => o.path)));
      const settled = await run([...early], 4, (o) => there.has(o.path));
      const failing = failure(settled);
      if (failing) throw (failing as PromiseRejectedResult).reason;
    }
    await options.preview.shown();
  }

  const title = config.site.title ?? `${config.organization.name} briefs`;
  const feed = planFeed(model.briefs, model.digest, config, title, env, salt.pages);
  const jsonFeed = planJsonFeed(model.briefs, model.digest, config, title, salt.pages);
  // The files written a row per brief copy the rows of the briefs an edit did not change from
  // the last ones (spliced-rows.ts): when the last build's briefs are known, in the order of
  // then, with the same code, templates and configuration (the favicon's key hashes them and
  // nothing else), and the file is the one written with its key.
  const faviconKey = pages.find((p) => p.path === 'assets/favicon.svg')?.key;
  const rowOf = kept && last?.files['assets/favicon.svg'] === faviconKey ? rowsOfBefore(kept.slugs, kept.changed) : undefined;
  const lastFile = (rel: string): Buffer | undefined => {
    const key = last?.files[rel];
    const bytes = rowOf && key !== undefined ? readIfThere(path.join(config.outDir, rel), null) : undefined;
    return bytes && shortHash(bytes) === key ? bytes : undefined;
  };
  const sitemapPages = pages.filter((p) => p.path.endsWith('.html') && p.path !== '404.html');
  // Its rows: the home page's, then the brief pages' in archive order, then the others.
  const lastSitemap = rowOf && model.briefs.every((b, i) => sitemapPages[i + 1]?.path === b.html) ? lastFile('sitemap.xml') : undefined;
  const slugOfPage = new Map(lastSitemap ? model.briefs.map((b) => [b.html, b.slug]) : []);
  const sitemap = sitemapXml(
    sitemapPages,
    config,
    lastSitemap && rowOf
      ? {
          bytes: lastSitemap,
          rowsBefore: {
            rowOf: (page) => {
              const slug = slugOfPage.get(page);
              const row = slug === undefined ? undefined : rowOf(slug);
              return row === undefined ? undefined : row + 1;
            },
          },
        }
      : undefined,
  );
  const robots = robotsTxt(config);
  const lastFilters = lastFile(FILTER_DATA);
  const filters = filterDataScript(
    model,
    config.site.language,
    lastFilters && rowOf ? { bytes: lastFilters, rowsBefore: { rowOf, count: kept!.slugs.length } } : undefined,
  );
  const search: Record<string, SearchIndexState> = {};
  const elsewhere = inline.size === 0 ? options.buildSearchPart : undefined;
  const searchParts = splitSearchParts(model.briefs, options.searchPartSize ?? SEARCH_PART_SIZE).map((briefs, i): Output => {
    const file = searchPartPath(i);
    const key = searchIndexKey(briefs, model.digest, salt.search);
    const lastState = last?.search?.[file];
    if (lastState?.key === key) search[file] = lastState;
    let held: string | undefined;
    return {
      path: file,
      key,
      // Made one at a time (below), each let go once written: what keeps memory flat for any number of briefs.
      make: async () => {
        held = lastState && readIfThere(path.join(config.outDir, file), 'utf8');
        const previous = held && lastState ? { script: held, state: lastState } : undefined;
        const part = { briefs, digest: model.digest, salt: salt.search, previous };
        let index: SearchIndexResult;
        if (elsewhere) {
          // The thread gets copies: every field of the briefs whose documents are made again, the
          // keys of the others (so their records, when read through the archive index, stay unread).
          const keys = documentKeysOf(part);
          const made = documentsToMake({ ...part, keys });
          const sent = briefs.map((b, i) => (made(i) ? plainBrief(b) : b));
          index = await elsewhere({ ...part, briefs: sent, keys, digest: partDigest(model.digest, briefs) });
        } else index = await buildSearchIndex({ ...part, body: (b) => readBody(b.bodyHash) });
        search[file] = index.state;
        return index.script;
      },
      held: () => {
        const text = held;
        held = undefined;
        return text;
      },
    };
  });
  const partsScript = searchPartsScript(searchParts.map((p) => p.path));
  let feedLayout = last?.files['feed.xml'] === feed.key ? last.feed : undefined;

  const outputs: Output[] = [
    ...pageOutputs,
    {
      path: 'feed.xml',
      key: feed.key,
      make: async () => {
        const previous = last?.feed ? { file: path.join(config.outDir, 'feed.xml'), layout: last.feed } : undefined;
        const rendered = await feed.render((i) => readBody(model.briefs[i]!.bodyHash), previous);
        feedLayout = rendered.layout;
        return rendered.content;
      },
    },
    {
      path: JSON_FEED,
      key: jsonFeed.key,
      make: () =>
        jsonFeed.render((i) => readBody(model.briefs[i]!.bodyHash), options.fresh ? undefined : path.join(config.outDir, JSON_FEED)),
    },
    ...searchParts,
    { path: SEARCH_INDEX, key: shortHash(partsScript), make: async () => partsScript },
    ...(sitemap ? [{ path: 'sitemap.xml', key: shortHash(sitemap), make: async () => sitemap }] : []),
    { path: FILTER_DATA, key: shortHash(filters), make: async () => filters },
    ...(robots ? [{ path: 'robots.txt', key: shortHash(robots), make: async () => robots }] : []),
  ];
  // The favicon as PNG and ICO, drawn again only when the icon (or the logo) changed.
  const svgIcon = pages.find((p) => p.path === 'assets/favicon.svg')!.render();
  const logo = logoAsset(config);
  const iconSource = iconPage(svgIcon, logo);
  const iconKey = shortHash(JSON.stringify([iconSource, options.rasterize ? 'drawn' : 'plain']));
  const rasterize = options.rasterize;
  const accent = config.print.accent;
  const safely: Rasterize | undefined = rasterize
    ? (html, size) => rasterize(html, size).catch(() => plainIcon(size, accent)) // no browser: a plain square, not a failed build
    : undefined;
  for (const icon of rasterIcons(iconSource, accent, safely)) outputs.push({ path: icon.path, key: iconKey, make: icon.make });
  for (const asset of assets) outputs.push({ path: asset.url, key: asset.key, make: async () => readFileSync(asset.file) });

  const present = await presentFiles(
    config.outDir,
    outputs.map((o) => o.path),
  );
  const todo = outputs.filter((o) => early.has(o) || last?.files[o.path] !== o.key || !present.has(o.path));
  const rest = todo.filter((o) => !early.has(o));
  // Forget the keys of the files about to be rewritten first: should this run stop half-way,
  // none of them is taken for what an older key says it is.
  if (rest.length > 0) await keysStore.forget(new Set(rest.map((o) => o.path)));
  // A few files in flight at once: pages are rendered and written one by one, so memory
  // stays flat for thousands. The parts of the search index, one at a time, from the start:
  // built elsewhere, they are ready about when the pages are.
  const parts = new Set<Output>(searchParts);
  const mayExist = (o: Output) => present.has(o.path);
  const settled = await Promise.all([
    run(
      rest.filter((o) => parts.has(o)),
      1,
      mayExist,
    ),
    run(
      rest.filter((o) => !parts.has(o)),
      16,
      mayExist,
    ),
  ]);
  const failing = failure(settled.flat());
  if (failing) throw (failing as PromiseRejectedResult).reason;

  await keysStore.save({
    files: Object.fromEntries(outputs.map((o) => [o.path, o.key])),
    search,
    feed: feedLayout,
    briefs: options.briefsState?.now,
  });
  const caches = [...cards.toSave(cardKeys)];
  const compiled = templates.toSave();
  if (compiled !== undefined) caches.push({ path: TEMPLATE_CACHE_FILE, text: compiled });
  const relations = related.toSave();
  if (relations !== undefined) caches.push({ path: RELATED_CACHE_FILE, text: relations });
  for (const file of caches) await writeIfChanged(config.cacheDir, file.path, file.text);
  for (const file of cards.toRemove()) await removeOutput(config.cacheDir, file);
  const sorted = (list: string[]) => [...list].sort();
  return {
    files: sorted(outputs.map((o) => o.path)),
    changed: sorted(changed),
    rendered: sorted(todo.map((o) => o.path)),
    keptKeys,
  };
}
