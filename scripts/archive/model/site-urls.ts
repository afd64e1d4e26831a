/**
 * Where things live in the archive and how one page links to another. Every target is a
 * path relative to the output folder (`briefs/x.html`, `assets/site.css`, `` for home).
 * Links are relative to the page (so the archive works from `file://`, at `/` and under
 * any sub-path) unless `site.base_path` is set, in which case they start with it.
 */
import path from 'node:path/posix';
import slugify from '@sindresorhus/slugify';
import type { BuildConfig } from '../../core/config.js';

/** Names of plain ASCII words (one space or dash between them), which slugify would only lower-case and join with dashes. */
const PLAIN_NAME = /^[A-Za-z\d]+(?:[ -][A-Za-z\d]+)*$/;

/**
 * Slug of a tag or author name for its page's file name. Plain names take a shortcut with
 * the same result: slugify builds its transliteration pattern on every call, which costs
 * tens of milliseconds over the names of a thousand briefs.
 */
export function nameSlug(name: string): string {
  if (PLAIN_NAME.test(name)) return name.toLowerCase().replaceAll(' ', '-');
  return slugify(name, { decamelize: false }) || 'untitled';
}

export const paths = {
  home: 'index.html',
  search: 'search.html',
  notFound: '404.html',
  feed: 'feed.xml',
  sitemap: 'sitemap.xml',
  tag: (slug: string) => `tags/${slug}.html`,
  author: (slug: string) => `authors/${slug}.html`,
  /** A year's page: `years/2012.html`, or `years/undated.html`. */
  year: (year: string) => `years/${year}.html`,
};

/** Links from one page of the archive to others, and their public absolute URLs. */
export interface SiteUrls {
  /** The href from this page to `target` (relative to the output folder). */
  href(target: string): string;
  /** Absolute public URL of `target` when `site.url` is configured. */
  absolute(target: string): string | undefined;
  /** Prefix that turns an output-relative path into an href from this page ('' , '../' or the base path). */
  root: string;
}

/**
 * Links as seen from the page written at `pagePath`. The 404 page is served at any depth,
 * so it links from the base path (or the site URL's path) when one is known.
 */
/** Output paths whose URL is the base and the path as they are: segments of unreserved characters, none `.` or `..`. */
const PLAIN_PATH = /^(?:[\w~-][\w.~-]*\/)*[\w~-][\w.~-]*$/;

export function siteUrls(
  pagePath: string,
  config: { site: Pick<BuildConfig['site'], 'url' | 'base_path'> },
  options: { anyDepth?: boolean } = {},
): SiteUrls {
  const { base_path: basePath, url: siteUrl } = config.site;
  const base = siteUrl ? new URL(siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href : undefined;
  const fixedRoot = basePath ?? (options.anyDepth && siteUrl ? new URL(siteUrl).pathname : undefined);
  const depth = pagePath.split('/').length - 1;
  const root = fixedRoot ?? '../'.repeat(depth);
  const folder = path.dirname(pagePath);
  const relative = new Map<string, string>(); // a page links to the same few targets many times
  return {
    root,
    href(target) {
      // Served from a fixed root, the home page is the folder itself; from disk it must be named.
      if (fixedRoot !== undefined && target === paths.home) return fixedRoot;
      if (fixedRoot !== undefined) return fixedRoot + target;
      let href = relative.get(target);
      if (href === undefined) {
        const rel = path.relative(folder, target);
        relative.set(target, (href = rel === '' ? path.basename(target) : rel));
      }
      return href;
    },
    absolute(target) {
      if (!base) return undefined;
      if (target === paths.home) return base;
      // Thousands of briefs: skip the URL parser when it could change nothing.
      return PLAIN_PATH.test(target) && !base.includes('?') && !base.includes('#') ? base + target : new URL(target, base).href;
    },
  };
}
