/**
 * The files the archive's pages load: the project's assets (stylesheets, fonts, logo,
 * from `assets.ts`), the site's own stylesheet and scripts from `templates/site/`, and
 * minisearch's browser build. Listed as `{url, file}` to copy; nothing is fetched.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { projectAssets } from '../../render/assets.js';
import type { BuildConfig } from '../../core/config.js';

export interface CopiedAsset {
  /** Path under the output folder. */
  url: string;
  /** Absolute path of the file to copy. */
  file: string;
}

const packageRequire = createRequire(import.meta.url);

/** minisearch's UMD build (sets `window.MiniSearch`); not in its package exports, so found beside the CJS entry. */
function minisearchBrowserBuild(): string {
  return path.resolve(path.dirname(packageRequire.resolve('minisearch')), '../umd/index.js');
}

/** The site's files in `templates/site/`, by output path. */
const SITE_FILES: [url: string, file: string][] = [
  ['assets/site.css', 'styles/site.css'],
  ['assets/filters.js', 'js/filters.js'],
  ['assets/search.js', 'js/search.js'],
];

export async function siteAssets(config: BuildConfig): Promise<CopiedAsset[]> {
  const project = await projectAssets(config);
  const own = SITE_FILES.map(([url, file]) => ({ url, file: path.join(config.templatesDir, 'site', file) }));
  const minisearch = { url: 'assets/minisearch.js', file: minisearchBrowserBuild() };
  return [...project.map(({ url, file }) => ({ url, file })), ...own, minisearch].sort((a, b) => (a.url < b.url ? -1 : 1));
}
