/**
 * Every address an output folder hands to a reader: links and sources in the HTML pages,
 * the addresses inside their JSON-LD, `href`, `<uri>`, `<id>` and `<loc>` in feed.xml and
 * sitemap.xml, and the link annotations of the PDFs. For tests of the URL policy: judged
 * here independently of it, the way a browser would read each.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { listFiles } from './reliability-project.js';
import { readPdf } from './pdf.js';

export interface OutputUrl {
  file: string;
  url: string;
}

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formAction', 'poster', 'cite', 'data', 'srcSet', 'xLinkHref'];
const JSON_LD_KEYS = new Set(['url', 'contentUrl', 'isBasedOn', 'citation', 'mainEntityOfPage', '@id', 'sameAs']);

function jsonLdUrls(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return JSON_LD_KEYS.has(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => jsonLdUrls(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => jsonLdUrls(v, k));
  return [];
}

function xmlText(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export async function outputUrls(outDir: string): Promise<OutputUrl[]> {
  const found: OutputUrl[] = [];
  for (const file of await listFiles(outDir)) {
    if (file.startsWith('.briefpress')) continue;
    const full = path.join(outDir, file);
    if (file.endsWith('.html')) {
      const tree: Root = fromHtml(await readFile(full, 'utf8'));
      visit(tree, 'element', (node: Element) => {
        for (const name of URL_ATTRIBUTES) {
          const value = node.properties[name];
          if (typeof value === 'string') found.push({ file, url: value });
        }
        if (node.tagName === 'meta' && /url$/i.test(String(node.properties.property ?? ''))) {
          found.push({ file, url: String(node.properties.content ?? '') });
        }
        if (node.tagName === 'script' && node.properties.type === 'application/ld+json') {
          const text = node.children.map((c) => ('value' in c ? c.value : '')).join('');
          for (const url of jsonLdUrls(JSON.parse(text))) found.push({ file, url });
        }
      });
    } else if (file.endsWith('.xml')) {
      const text = await readFile(full, 'utf8');
      for (const m of text.matchAll(/\bhref="([^"]*)"|<(uri|id|loc)>([^<]*)</g)) found.push({ file, url: xmlText(m[1] ?? m[3] ?? '') });
    } else if (file.endsWith('.pdf')) {
      for (const link of (await readPdf(await readFile(full))).links) found.push({ file, url: link.url });
    }
  }
  return found;
}

/** Whether a browser following this address stays on the web, e-mail, phone or a relative page (no script, no local file). */
export function harmless(url: string): boolean {
  const read = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(read)?.[1]?.toLowerCase();
  if (scheme === undefined) return !read.startsWith('//') && !read.startsWith('\\');
  return ['http', 'https', 'mailto', 'tel', 'urn'].includes(scheme);
}
