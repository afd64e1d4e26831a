/**
 * `sitemap.xml` and `robots.txt`. A sitemap must list absolute URLs, so it is written
 * only when `site.url` is configured; robots.txt when the archive is at the root of its host,
 * pointing at the sitemap if any.
 */
import type { BuildConfig } from '../../core/config.js';
import { archivePath } from '../../core/public-url.js';
import { paths, siteUrls } from '../model/site-urls.js';

export interface SitemapPage {
  /** Output-relative path. */
  path: string;
  /** ISO date of the last change, when known. */
  lastmod?: string;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function sitemapXml(pages: SitemapPage[], config: Pick<BuildConfig, 'site'>): string | undefined {
  const urls = siteUrls(paths.sitemap, config);
  if (!urls.absolute(paths.home)) return undefined;
  const entries = pages.map((page) => {
    const lastmod = page.lastmod ? `<lastmod>${page.lastmod}</lastmod>` : '';
    return `  <url><loc>${escapeXml(urls.absolute(page.path) ?? '')}</loc>${lastmod}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`;
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
