/**
 * `sitemap.xml` and `robots.txt`. A sitemap must list absolute URLs, so it is written
 * only when `site.url` is configured; robots.txt when the archive is at the root of its host,
 * pointing at the sitemap if any.
 */
import type { BuildConfig } from '../../core/config.js';
import { archivePath } from '../../core/public-url.js';
import { paths, siteUrls } from '../model/site-urls.js';
import { rowSpans, type RowsBefore, splicedRows } from './spliced-rows.js';

export interface SitemapPage {
  /** Output-relative path. */
  path: string;
  /** ISO date of the last change, when known. */
  lastmod?: string;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n';
const END = '</urlset>\n';

/**
 * A URL per line. `last`: the sitemap the last build wrote, and the line of it each page's
 * can be copied from (by path; spliced-rows.ts), so an edit does not make every brief's again.
 */
export function sitemapXml(
  pages: SitemapPage[],
  config: Pick<BuildConfig, 'site'>,
  last?: { bytes: Buffer; rowsBefore: RowsBefore },
): Buffer | undefined {
  const urls = siteUrls(paths.sitemap, config);
  if (!urls.absolute(paths.home)) return undefined;
  const entry = (i: number) => {
    const page = pages[i]!;
    const lastmod = page.lastmod ? `<lastmod>${page.lastmod}</lastmod>` : '';
    return `  <url><loc>${escapeXml(urls.absolute(page.path) ?? '')}</loc>${lastmod}</url>`;
  };
  const head = Buffer.from(HEAD);
  const end = Buffer.from(END);
  const { bytes } = last ?? {};
  const fits =
    bytes &&
    bytes.length > head.length + end.length &&
    bytes.subarray(0, head.length).equals(head) &&
    bytes.subarray(-end.length).equals(end);
  const rows = fits ? { bytes, spans: rowSpans(bytes, head.length, bytes.length - end.length - 1) } : undefined;
  const body = splicedRows(
    pages.map((p) => p.path),
    entry,
    '\n',
    rows && last ? { rows, rowsBefore: last.rowsBefore } : undefined,
  );
  return Buffer.concat([head, ...body, Buffer.from(`\n${END}`)]);
}

/**
 * Crawlers read robots.txt only at the root of a host: it is written only when the archive
 * is there (or may be: without `site.url` nor `site.base_path`). Under a path, the host's
 * own robots.txt should name the sitemap (README: Publishing).
 */
export function robotsTxt(config: Pick<BuildConfig, 'site'>): string | undefined {
  const where = archivePath(config.site);
  if (where !== undefined && where !== '/') return undefined;
  const sitemap = siteUrls(paths.sitemap, config).absolute(paths.sitemap);
  return `User-agent: *\nAllow: /\n${sitemap ? `\nSitemap: ${sitemap}\n` : ''}`;
}
