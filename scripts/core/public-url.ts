/**
 * Where the archive is published, from `site.url` and `site.base_path`, and the one public
 * URL of each of its files. Everything that prints or publishes an address — canonical
 * links, Open Graph, JSON-LD, the feeds, the sitemap, robots.txt and the QR code on the
 * PDF — takes it from here, so they cannot disagree.
 *
 * - `site.url` is the public address of the archive's home page, or of its host when
 *   `site.base_path` gives the path: `https://example.org/briefs/`, or `https://example.org`
 *   with `base_path: /briefs/`.
 * - `site.base_path` is the path the output folder is served under. Links then start with it
 *   (the archive works only from that path); without it links are relative (the archive works
 *   from disk, at `/` and under any path).
 *
 * With both, the path is given twice; `site.url` must then be the host alone
 * (`siteUrlProblem`), so that `https://example.org/briefs/` with `/briefs/` is refused
 * rather than guessed (was it `/briefs/` or `/briefs/briefs/`?).
 */
import { safeWebUrl } from './url-policy.js';

export interface PublicSite {
  url?: string;
  base_path?: string;
}

/** Why `site.url` and `site.base_path` disagree, or undefined when they do not. */
export function siteUrlProblem(site: PublicSite): string | undefined {
  if (!site.url || !site.base_path) return undefined;
  const url = new URL(site.url);
  if (url.pathname === '/' && !url.search && !url.hash) return undefined;
  const full = `${url.origin}${url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`}`;
  return (
    `${site.base_path} and \`site.url\` ${site.url} both give a path: say it once, either ` +
    `\`url: ${url.origin}\` with \`base_path: ${site.base_path}\`, or \`url: ${full}\` without \`base_path\``
  );
}

/** The public URL of the archive's home folder, ending in `/`; undefined without `site.url`. */
export function archiveRoot(site: PublicSite): string | undefined {
  const safe = safeWebUrl(site.url); // url-policy.ts: the QR code, canonical links and feeds take it from here
  if (!safe) return undefined;
  const url = new URL(safe);
  url.search = '';
  url.hash = '';
  if (site.base_path) url.pathname = site.base_path;
  else if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** The path the archive is served under on its host (`/`, `/briefs/`), when known. */
export function archivePath(site: PublicSite): string | undefined {
  if (site.base_path) return site.base_path;
  const root = archiveRoot(site);
  return root === undefined ? undefined : new URL(root).pathname;
}

/** Output paths whose URL is the root and the path as they are: segments of unreserved characters, none `.` or `..`. */
const PLAIN_PATH = /^(?:[\w~-][\w.~-]*\/)*[\w~-][\w.~-]*$/;

/**
 * The public URL of `target`, a path relative to the output folder (`briefs/x.html`;
 * `index.html` is the home folder itself), given the archive's root from `archiveRoot`.
 */
export function publicUrlAt(root: string, target: string): string {
  if (target === 'index.html' || target === '') return root;
  // Thousands of briefs: skip the URL parser when it could change nothing.
  if (PLAIN_PATH.test(target)) return root + target;
  return new URL(target.split('/').map(encodeURIComponent).join('/'), root).href;
}

/** The public URL of `target` (see `publicUrlAt`); undefined without `site.url`. */
export function publicUrl(site: PublicSite, target: string): string | undefined {
  const root = archiveRoot(site);
  return root === undefined ? undefined : publicUrlAt(root, target);
}

/** Where a brief's web page is, relative to the output folder. */
export function briefPagePath(slug: string): string {
  return `briefs/${slug}.html`;
}
