/**
 * A link checker for a built archive: parses every HTML file in the output folder,
 * resolves every internal href and src (and every url() in its stylesheets), and reports
 * those whose file, or #fragment, does not exist. External links (http:, mailto:, ...)
 * are not fetched. Root-absolute links (`/x`) are only valid under a `basePath` (and in
 * 404.html, which servers show at any depth).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

export interface BrokenLink {
  /** Page (or stylesheet) holding the link, relative to the output folder. */
  from: string;
  /** The link as written. */
  link: string;
  reason: string;
}

export interface LinkCheckOptions {
  /** The path the site is served under (e.g. `/` or `/briefs/`); allows root-absolute links inside it. */
  basePath?: string;
}

const LINK_ATTRIBUTES: Record<string, string> = {
  a: 'href',
  link: 'href',
  area: 'href',
  script: 'src',
  img: 'src',
  source: 'src',
  iframe: 'src',
  form: 'action',
};
const EXTERNAL = /^(?:[a-z][a-z\d+.-]*:|\/\/)/i;

export async function listFiles(dir: string, sub = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, sub), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listFiles(dir, path.posix.join(sub, e.name)) : [path.posix.join(sub, e.name)])),
  );
  return nested.flat().sort();
}

/** The internal and external links (href, src, action) of one HTML document, and its element ids. */
export function linksOf(html: string): { links: string[]; ids: Set<string> } {
  const tree: Root = fromHtml(html);
  const links: string[] = [];
  const ids = new Set<string>();
  const walk = (nodes: (Root | RootContent)[]) => {
    for (const node of nodes) {
      if (node.type === 'element') visitElement(node);
      if ('children' in node) walk(node.children);
    }
  };
  const visitElement = (node: Element) => {
    const id = node.properties.id;
    if (typeof id === 'string') ids.add(id);
    const attr = LINK_ATTRIBUTES[node.tagName];
    const prop = attr === 'href' ? 'href' : attr;
    const value = prop ? node.properties[prop] : undefined;
    if (typeof value === 'string') links.push(value);
  };
  walk([tree]);
  return { links, ids };
}

export async function checkLinks(outDir: string, options: LinkCheckOptions = {}): Promise<BrokenLink[]> {
  const files = await listFiles(outDir);
  const present = new Set(files);
  const broken: BrokenLink[] = [];
  const idsCache = new Map<string, Set<string>>();
  const pages = new Map<string, string[]>();
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    const { links, ids } = linksOf(await readFile(path.join(outDir, file), 'utf8'));
    idsCache.set(file, ids);
    pages.set(file, links);
  }
  for (const file of files.filter((f) => f.endsWith('.css'))) {
    const css = await readFile(path.join(outDir, file), 'utf8');
    pages.set(
      file,
      [...css.matchAll(/url\(\s*(['"]?)([^'")\s]+)\1\s*\)/g)].map((m) => m[2]!),
    );
  }

  for (const [from, links] of pages) {
    for (const link of links) {
      if (EXTERNAL.test(link)) continue;
      const [pathPart = '', fragment] = link.split('#', 2);
      const cleanPath = pathPart.split('?')[0]!;
      let target: string;
      if (cleanPath === '') target = from;
      else if (cleanPath.startsWith('/')) {
        // The 404 page is served at any depth, so it links from the site's root.
        const base = options.basePath ?? (from === '404.html' ? '/' : undefined);
        if (!base || !cleanPath.startsWith(base)) {
          broken.push({
            from,
            link,
            reason: base ? `outside the base path ${base}` : 'root-absolute link in a build without base path (breaks from file://)',
          });
          continue;
        }
        target = decodeURIComponent(cleanPath.slice(base.length));
      } else {
        target = path.posix.normalize(path.posix.join(path.posix.dirname(from), decodeURIComponent(cleanPath)));
      }
      if (target.startsWith('..')) {
        broken.push({ from, link, reason: 'points outside the output folder' });
        continue;
      }
      if (target === '' || target === '.' || target.endsWith('/')) target = path.posix.join(target, 'index.html');
      if (!present.has(target)) {
        broken.push({ from, link, reason: `no file ${target}` });
        continue;
      }
      if (fragment && target.endsWith('.html') && !idsCache.get(target)?.has(decodeURIComponent(fragment))) {
        broken.push({ from, link, reason: `no element with id "${fragment}" in ${target}` });
      }
    }
  }
  return broken;
}
