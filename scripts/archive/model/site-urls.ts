/**
 * Where things live in the archive and how one page links to another. Every target is a
 * path relative to the output folder (`briefs/x.html`, `assets/site.css`, `` for home).
 * Links are relative to the page (so the archive works from `file://`, at `/` and under
 * any sub-path) unless `site.base_path` is set, in which case they start with it.
 */
import path from 'node:path/posix';
import slugify from '@sindresorhus/slugify';
import type { BuildConfig } from '../../core/config.js';
import { shortHash } from '../../core/short-hash.js';
import { archivePath, archiveRoot, publicUrlAt } from '../../core/public-url.js';

/** Slugs by name: a build asks for the same tag and author names again and again. */
const slugs = new Map<string, string>();

/**
 * Slug of a tag or author name for its page's file name. Remembered: slugify builds its
 * transliteration pattern on every call.
 */
export function nameSlug(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    slug = ownPageSafe(slugify(name, { decamelize: false }) || 'untitled', name);
    slugs.set(name, slug);
  }
  return slug;
}

/** Longest slug of a tag or author page; a longer name's is cut and made unique with a hash (file names stop at 255 bytes). */
const MAX_NAME_SLUG = 80;

/**
 * A tag or author named `Index` (or `../../index`) must not take the folder's own list of
 * topics or authors, `tags/index.html`: its slug gets `--2`, which no name's slug can be
 * (slugs never hold two hyphens in a row). A very long name is cut, with a hash of it.
 */
function ownPageSafe(slug: string, name: string): string {
  if (slug === 'index') return 'index--2';
  if (slug.length <= MAX_NAME_SLUG) return slug;
  return `${slug.slice(0, MAX_NAME_SLUG).replace(/-[^-]*$/, '')}--${shortHash(name)}`;
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
  /** For a page served at any depth with relative links: the archive's path on its server, when known. */
  root404?: string;
}

/**
 * Links as seen from the page written at `pagePath`. The 404 page (`anyDepth`) is served at
 * any depth: it links from the base path when there is one; otherwise its links are
 * relative to the top folder (so it works from disk) and `root404` says where that folder
 * is on the server, when `site.url` does.
 */
export function siteUrls(
  pagePath: string,
  config: { site: Pick<BuildConfig['site'], 'url' | 'base_path'> },
  options: { anyDepth?: boolean } = {},
): SiteUrls {
  const { base_path: basePath } = config.site;
  const base = archiveRoot(config.site);
  const fixedRoot = basePath;
  const depth = pagePath.split('/').length - 1;
  const root = fixedRoot ?? '../'.repeat(depth);
  const folder = path.dirname(pagePath);
  const relative = new Map<string, string>(); // a page links to the same few targets many times
  return {
    root,
    root404: options.anyDepth && fixedRoot === undefined ? archivePath(config.site) : undefined,
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
      return base === undefined ? undefined : publicUrlAt(base, target);
    },
  };
}
