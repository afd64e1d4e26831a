/**
 * The archive stage: every brief's web page, the home page grouped by year, tag and
 * author pages, search (a static index that works from `file://`), the Atom feed,
 * sitemap, robots.txt, 404 and the assets they load, written into the output folder.
 *
 * Rebuilt from the manifest on every build, but cheaply: a brief page whose inputs
 * (the brief, its related briefs, the configuration, templates and this code) did not
 * change is not rendered again (keys in `.briefpress/archive-pages.json`), the search
 * index is reused when its documents are the same, and a file is rewritten only when
 * its bytes change. The output is the same as a clean build's, byte for byte.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildConfig } from './config.js';
import { atomFeed } from './archive/atom-feed.js';
import { renderPages, type OutputFile, type ReuseOptions } from './archive/render-pages.js';
import { searchIndexScript } from './archive/search-index.js';
import { siteAssets } from './archive/site-assets.js';
import { buildSiteModel } from './archive/site-model.js';
import { robotsTxt, sitemapXml } from './archive/sitemap.js';
import { createTemplateEngine } from './templates.js';
import type { ArchiveBrief } from './types.js';
import { writeOutput } from './write-file.js';

export interface ArchiveResult {
  /** Every file of the archive, relative to the output folder, sorted. */
  files: string[];
  /** The files whose content changed in this run (a subset of `files`). */
  changed: string[];
}

/** Where the keys of the brief pages written last time are kept, inside the output folder. */
export const PAGE_KEYS_FILE = '.briefpress/archive-pages.json';

export interface RenderArchiveOptions {
  reuse?: ReuseOptions;
  /** The current `assets/search-index.js`, reused if its documents are unchanged. */
  previousSearchIndex?: string;
}

/** The archive's generated files (pages, feed, sitemap, search index) as records, without writing. */
export function renderArchive(briefs: ArchiveBrief[], config: BuildConfig, options: RenderArchiveOptions = {}): OutputFile[] {
  const model = buildSiteModel(briefs);
  const env = createTemplateEngine(config.templatesDir);
  const pages = renderPages(model, config, env, options.reuse);
  const title = config.site.title ?? `${config.organization.name} briefs`;
  const files: OutputFile[] = [...pages];
  files.push({ path: 'feed.xml', content: atomFeed(model.briefs, config, title, env) });
  files.push({ path: 'assets/search-index.js', content: searchIndexScript(model.briefs, options.previousSearchIndex) });
  const sitemap = sitemapXml(pages.filter((p) => p.path.endsWith('.html') && p.path !== '404.html'), config);
  if (sitemap) files.push({ path: 'sitemap.xml', content: sitemap });
  files.push({ path: 'robots.txt', content: robotsTxt(config) });
  return files;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

/** Hash of what every page is made from besides its brief: configuration, templates, this code. */
async function renderSalt(config: BuildConfig): Promise<string> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const sources = [
    ...(await filesUnder(path.join(config.templatesDir, 'site'))),
    ...(await filesUnder(path.join(here, 'archive'))),
    fileURLToPath(import.meta.url),
  ];
  // Only what shapes the pages: not where the output goes nor how fast it is built.
  const hash = createHash('sha256').update(JSON.stringify([config.organization, config.site, config.print]));
  // Names relative to the project's templates or to this code, so the salt is the same wherever the project is.
  for (const file of sources) hash.update(path.relative(file.startsWith(config.templatesDir) ? config.templatesDir : here, file)).update(await readFile(file));
  return hash.digest('hex');
}

/** Keys of the brief pages written last time, for those still on disk. */
async function previousKeys(outDir: string, briefs: ArchiveBrief[]): Promise<Map<string, string>> {
  const text = await readFile(path.join(outDir, PAGE_KEYS_FILE), 'utf8').catch(() => '{}');
  let stored: Record<string, string>;
  try {
    stored = JSON.parse(text) as Record<string, string>;
  } catch {
    return new Map();
  }
  const present = await Promise.all(
    briefs.map(async (b) => ((await stat(path.join(outDir, b.html)).catch(() => undefined))?.isFile() ? b.html : undefined)),
  );
  return new Map(present.filter((p): p is string => !!p && typeof stored[p] === 'string').map((p) => [p, stored[p]!]));
}

async function writeIfChanged(outDir: string, rel: string, data: Buffer): Promise<boolean> {
  const existing = await readFile(path.join(outDir, rel)).catch(() => undefined);
  if (existing?.equals(data)) return false;
  await writeOutput(outDir, rel, data);
  return true;
}

export async function writeArchive(briefs: ArchiveBrief[], config: BuildConfig): Promise<ArchiveResult> {
  const [salt, previous, previousSearchIndex, assets] = await Promise.all([
    renderSalt(config),
    previousKeys(config.outDir, briefs),
    readFile(path.join(config.outDir, 'assets/search-index.js'), 'utf8').catch(() => undefined),
    siteAssets(config),
  ]);
  const rendered = renderArchive(briefs, config, { reuse: { salt, previous }, previousSearchIndex });
  const keys = Object.fromEntries(rendered.filter((f) => f.key).map((f) => [f.path, f.key]).sort());
  const items: { path: string; data?: () => Promise<Buffer> }[] = [
    ...rendered.map((f) => ({ path: f.path, data: f.content === undefined ? undefined : () => Promise.resolve(Buffer.from(f.content!)) })),
    ...assets.map((a) => ({ path: a.url, data: () => readFile(a.file) })),
    { path: PAGE_KEYS_FILE, data: () => Promise.resolve(Buffer.from(`${JSON.stringify(keys, null, 1)}\n`)) },
  ];
  const changed: string[] = [];
  // A bounded number of files in flight keeps memory flat for thousands of pages.
  const queue = items.filter((item) => item.data);
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      if (await writeIfChanged(config.outDir, item.path, await item.data!())) changed.push(item.path);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return { files: items.map((f) => f.path).sort(), changed: changed.sort() };
}
