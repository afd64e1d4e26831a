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
  /** All pages' text joined by a space. */
  text: string;
  /** Link annotations' targets (`url`), per page, in order. */
  links: { page: number; url: string }[];
  /** The document information dictionary as pdfjs reads it (Title, Author, Subject, Keywords, Creator, Producer, CreationDate, ModDate, Language, …). */
  info: Record<string, unknown>;
  /** Top-level outline (bookmark) titles. */
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
    let structured = false;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const parts = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''));
      pageTexts.push(normalizeText(parts.join('')));
      for (const annotation of await page.getAnnotations()) {
        if (annotation.subtype === 'Link' && typeof annotation.url === 'string') links.push({ page: n, url: annotation.url });
      }
      if (n === 1) structured = (await page.getStructTree()) !== null;
    }
    const { info } = await doc.getMetadata();
    const outline = ((await doc.getOutline()) ?? []).map((item) => item.title);
    const markInfo = await doc.getMarkInfo();
    return {
      pages: doc.numPages,
      pageTexts,
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
