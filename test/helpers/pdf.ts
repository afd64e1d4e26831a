/**
 * Read a PDF as a reader's software would, with pdfjs-dist: its text (per page and whole,
 * with whitespace collapsed), its link annotations, its document metadata, its outline,
 * and whether it is tagged. For tests of any stage that prints.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfSummary {
  pages: number;
  /** The text of each page, whitespace collapsed to single spaces. */
  pageTexts: string[];
  /** Width and height of each page in points. */
  sizes: [number, number][];
  /** All pages' text joined by a space. */
  text: string;
  /** Link annotations' targets (`url`), per page, in order. */
  links: { page: number; url: string }[];
  /** The document information dictionary as pdfjs reads it (Title, Author, Subject, Keywords, Creator, Producer, CreationDate, ModDate, Language, …). */
  info: Record<string, unknown>;
  /** Outline (bookmark) titles, depth first, nested ones indented by two spaces per level. */
  outline: string[];
  /** `/MarkInfo /Marked true` in the catalog. */
  marked: boolean;
  /** Page 1 has a structure tree (the document has a /StructTreeRoot). */
  structured: boolean;
}

/** Collapse whitespace and join hyphen-free line breaks the way a reader would read them. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export async function readPdf(bytes: Uint8Array): Promise<PdfSummary> {
  // pdfjs takes ownership of (and detaches) the buffer it is given: pass a copy.
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pageTexts: string[] = [];
    const links: { page: number; url: string }[] = [];
    const sizes: [number, number][] = [];
    let structured = false;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const parts = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''));
      // Hyphenation is manual, so a hyphen at the end of a line belongs to the word (cyber-crimes).
      pageTexts.push(normalizeText(parts.join('').replace(/(\p{L})-\n(?=\p{L})/gu, '$1-')));
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      sizes.push([Math.round(x1 - x0), Math.round(y1 - y0)]);
      for (const annotation of await page.getAnnotations()) {
        if (annotation.subtype === 'Link' && typeof annotation.url === 'string') links.push({ page: n, url: annotation.url });
      }
      if (n === 1) structured = (await page.getStructTree()) !== null;
    }
    const { info } = await doc.getMetadata();
    type Item = { title: string; items?: Item[] };
    const flatten = (items: Item[], depth: number): string[] =>
      items.flatMap((item) => [`${'  '.repeat(depth)}${item.title}`, ...flatten(item.items ?? [], depth + 1)]);
    const outline = flatten(((await doc.getOutline()) ?? []) as Item[], 0);
    const markInfo = await doc.getMarkInfo();
    return {
      pages: doc.numPages,
      pageTexts,
      sizes,
      text: pageTexts.join(' '),
      links,
      info: info as Record<string, unknown>,
      outline,
      marked: markInfo?.Marked === true,
      structured,
    };
  } finally {
    await doc.destroy();
  }
}

/** Every sentence of a text (split after . ! ? followed by a space), whitespace collapsed. */
export function sentences(text: string): string[] {
  return normalizeText(text)
    .split(/(?<=[.!?])\s+(?=[A-Z“"(])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export interface OutlineTarget {
  title: string;
  /** 0 for a top-level entry. */
  depth: number;
  /** The 1-based page its destination is on, or undefined when it has none. */
  page: number | undefined;
}

/** The outline (bookmarks) with the page each entry opens, depth first. */
export async function readOutlineTargets(bytes: Uint8Array): Promise<OutlineTarget[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    type Item = { title: string; dest: string | unknown[] | null; items?: Item[] };
    const targets: OutlineTarget[] = [];
    const walk = async (items: Item[], depth: number) => {
      for (const item of items) {
        const dest = typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest;
        const ref = dest?.[0] as { num: number; gen: number } | undefined;
        const page = ref && typeof ref === 'object' ? (await doc.getPageIndex(ref)) + 1 : undefined;
        targets.push({ title: item.title, depth, page });
        await walk(item.items ?? [], depth + 1);
      }
    };
    await walk(((await doc.getOutline()) ?? []) as Item[], 0);
    return targets;
  } finally {
    await doc.destroy();
  }
}
