/**
 * The archive stage: every brief's web page, the home page grouped by year, tag and
 * author pages, search (a static index that works from `file://`), the Atom feed,
 * sitemap, robots.txt, 404 and the assets they load, written into the output folder.
 *
 * Rebuilt from the manifest on every build; a file is rewritten only when its bytes
 * change, so an unchanged archive costs reads, not writes, and keeps its timestamps.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuildConfig } from './config.js';
import { createTemplateEngine } from './templates.js';
import type { ArchiveBrief } from './types.js';
import { atomFeed } from './archive/atom-feed.js';
import { renderPages, type OutputFile } from './archive/render-pages.js';
import { searchIndexScript } from './archive/search-index.js';
import { siteAssets } from './archive/site-assets.js';
import { buildSiteModel } from './archive/site-model.js';
import { robotsTxt, sitemapXml } from './archive/sitemap.js';
import { writeOutput } from './write-file.js';

export interface ArchiveResult {
  /** Every file of the archive, relative to the output folder, sorted. */
  files: string[];
  /** The files whose content changed in this run (a subset of `files`). */
  changed: string[];
}

/** The archive's generated files (pages, feed, sitemap, search index) as records, without writing. */
export function renderArchive(briefs: ArchiveBrief[], config: BuildConfig): OutputFile[] {
  const model = buildSiteModel(briefs);
  const env = createTemplateEngine(config.templatesDir);
  const pages = renderPages(model, config, env);
  const title = config.site.title ?? `${config.organization.name} briefs`;
  const files: OutputFile[] = [...pages];
  files.push({ path: 'feed.xml', content: atomFeed(model.briefs, config, title, env) });
  files.push({ path: 'assets/search-index.js', content: searchIndexScript(model.briefs) });
  const sitemap = sitemapXml(pages.filter((p) => p.path.endsWith('.html') && p.path !== '404.html'), config);
  if (sitemap) files.push({ path: 'sitemap.xml', content: sitemap });
  files.push({ path: 'robots.txt', content: robotsTxt(config) });
  return files;
}

async function writeIfChanged(outDir: string, rel: string, data: Buffer): Promise<boolean> {
  const existing = await readFile(path.join(outDir, rel)).catch(() => undefined);
  if (existing?.equals(data)) return false;
  await writeOutput(outDir, rel, data);
  return true;
}

export async function writeArchive(briefs: ArchiveBrief[], config: BuildConfig): Promise<ArchiveResult> {
  const generated = renderArchive(briefs, config).map((f) => ({ path: f.path, data: () => Promise.resolve(Buffer.from(f.content)) }));
  const assets = (await siteAssets(config)).map((a) => ({ path: a.url, data: () => readFile(a.file) }));
  const all = [...generated, ...assets];
  const changed: string[] = [];
  // A bounded number of files in flight keeps memory flat for thousands of pages.
  const queue = [...all];
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      if (await writeIfChanged(config.outDir, item.path, await item.data())) changed.push(item.path);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  const files = all.map((f) => f.path).sort();
  return { files, changed: changed.sort() };
}
