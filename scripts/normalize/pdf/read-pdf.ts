/**
 * A PDF's bytes → its layout model, with pdf.js (pdfjs-dist): every text run with its
 * font, size, weight and position, the link annotations, the document information
 * (Title, Author, Keywords, dates) and, when the PDF is tagged, the structure roles of
 * each run (H1, P, LI, Table …) and which runs are artifacts (page furniture).
 *
 * A PDF is only read, never executed: no JavaScript (pdf.js runs none without a viewer's
 * scripting, and `isEvalSupported: false` keeps its own font code from `eval`), no fonts
 * installed or loaded beyond what reading text needs (`disableFontFace`), nothing
 * fetched (the bytes are given; no standard-font, CMap or wasm URL). This is the one
 * asynchronous step of reading a PDF; the reader itself (readers/pdf.ts) is synchronous.
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { overSizeLimit } from '../../core/byte-size.js';
import type { RuleId } from '../../core/rules.js';

/** A brief's PDF is some tens of kilobytes to a few megabytes; past this it is the wrong file. */
export const MAX_PDF_BYTES = 20 * 1024 * 1024;
/** A brief is a few pages; a longer PDF is a report, to be split first. */
export const MAX_PDF_PAGES = 60;

export interface PdfRun {
  text: string;
  /** Left end and baseline, in points from the page's bottom-left corner. */
  x: number;
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
  /** The font's name in the PDF (subset prefix removed), e.g. `SourceSans3-Bold`. */
  font: string;
  bold: boolean;
  italic: boolean;
  /** A fixed-pitch font (Courier, Source Code Pro, Consolas …): code. */
  mono?: boolean;
  /** Structure roles of a tagged PDF, outermost first (`['Document', 'L', 'LI', 'LBody']`). */
  roles?: string[];
  /** In a tagged PDF, content outside the structure (running headers, page numbers). */
  artifact?: boolean;
  /** The structure element this run belongs to (tagged PDFs): runs of one element share it. */
  element?: number;
  /** The elements of `roles`, one id each (a table's rows and cells tell apart by them). */
  elements?: number[];
  /** The URL of the link annotation over this run. */
  url?: string;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  runs: PdfRun[];
  /** Images drawn on the page (ignored, with a note). */
  images: number;
}

export interface PdfInfo {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator?: string;
  producer?: string;
  /** ISO dates (YYYY-MM-DD) of the document information's CreationDate and ModDate. */
  created?: string;
  modified?: string;
}

export interface PdfLayout {
  pages: PdfPage[];
  info: PdfInfo;
  /** The PDF has a structure tree (tagged PDF). */
  tagged: boolean;
}

export type PdfReadResult = { ok: true; layout: PdfLayout } | { ok: false; ruleId: RuleId; reason: string };

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | undefined;

/** pdf.js, with its worker's code run in this thread (no worker file looked up beside a bundle). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const worker = (await import('pdfjs-dist/legacy/build/pdf.worker.mjs')) as unknown;
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjs;
}

/** Read a PDF's layout. Problems a user can fix come back as `ok: false` with one line saying what to do. */
export async function readPdfLayout(bytes: Uint8Array): Promise<PdfReadResult> {
  if (bytes.length > MAX_PDF_BYTES) {
    return {
      ok: false,
      ruleId: 'pdf-too-large',
      reason: `PDF too large for a brief: ${overSizeLimit(bytes.length, MAX_PDF_BYTES)}; is this the right file? Split it into briefs`,
    };
  }
  const { getDocument, OPS } = await loadPdfJs();
  let doc: PDFDocumentProxy;
  try {
    doc = await getDocument({
      data: new Uint8Array(bytes), // pdf.js takes (and detaches) the buffer it is given
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      enableXfa: false,
      disableAutoFetch: true,
      isOffscreenCanvasSupported: false,
      isImageDecoderSupported: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as Error)?.name;
    if (name === 'PasswordException')
      return { ok: false, ruleId: 'pdf-encrypted', reason: 'encrypted PDF: it needs a password to open; save a copy without one first' };
    return {
      ok: false,
      ruleId: 'pdf-damaged',
      reason: `damaged PDF: it cannot be read (${(error as Error)?.message ?? String(error)}); open and save it again, or print it to a new PDF`,
    };
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) {
      return {
        ok: false,
        ruleId: 'pdf-too-large',
        reason: `PDF too long for a brief: ${doc.numPages} pages, over the limit of ${MAX_PDF_PAGES}; split it into briefs`,
      };
    }
    const pages: PdfPage[] = [];
    let tagged = false;
    let element = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const read = await readPage(page, n, OPS, () => ++element);
      tagged ||= read.tagged;
      pages.push(read.page);
      page.cleanup();
    }
    if (!pages.some((page) => page.runs.some((run) => run.text.trim() !== ''))) {
      return {
        ok: false,
        ruleId: 'pdf-no-text',
        reason: `no text layer: ${pages.some((p) => p.images) ? 'its pages are images' : 'it holds no text'}; run OCR first, e.g. \`ocrmypdf FILE.pdf FILE-ocr.pdf\``,
      };
    }
    const { info } = (await doc.getMetadata()) as unknown as { info: Record<string, unknown> };
    return { ok: true, layout: { pages, info: readInfo(info), tagged } };
  } catch (error) {
    return {
      ok: false,
      ruleId: 'pdf-damaged',
      reason: `damaged PDF: reading it failed (${(error as Error)?.message ?? String(error)}); open and save it again, or print it to a new PDF`,
    };
  } finally {
    await doc.destroy();
  }
}

/** Roles inside a block (a paragraph's link, a list item's label): their text belongs to the block around them. */
const INLINE = new Set([
  'NonStruct',
  'Span',
  'Link',
  'Lbl',
  'LBody',
  'Em',
  'Strong',
  'Quote',
  'Code',
  'Reference',
  'Annot',
  'BibEntry',
  'Sub',
]);

interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

/** Marked-content id → structure roles (outermost first) and the element holding it. */
interface Structure {
  roles: string[];
  elements: number[];
  element: number;
}

function structureRoles(tree: StructNode | null, nextElement: () => number): Map<string, Structure> {
  const found = new Map<string, Structure>();
  const walk = (node: StructNode, roles: string[], elements: number[], element: number) => {
    for (const child of node.children ?? []) {
      if (child.type === 'content' && child.id) found.set(child.id, { roles, elements, element });
      else if (child.role) {
        const transparent = child.role === 'NonStruct' || child.role === 'Span';
        const id = INLINE.has(child.role) ? element : nextElement();
        walk(child, transparent ? roles : [...roles, child.role], transparent ? elements : [...elements, id], id);
      }
    }
  };
  if (tree) walk(tree, [], [], nextElement());
  return found;
}

/**
 * Weights and slopes as font names spell them: whole words (Word, LibreOffice, browsers), Adobe's short forms
 * (`MinionPro-BoldIt`, `Garamond-Ital`), URW's (`NimbusRomNo9L-Medi`, `-ReguItal`) and TeX's Computer Modern
 * (`CMBX10` bold, `CMTI10`/`CMSL10` italic and slanted, `CMBXTI10` both).
 */
const BOLD_NAME = /bold|black|heavy|semibold|demi|-medi(?:ital)?$|^cmbx/i;
const ITALIC_NAME = /italic|oblique|ital$|-(?:bold|semibold|demibold|medium|light|black|heavy)?it$|slant|^cm(?:bx)?(?:ti|sl)\d/i;

/** Names of fixed-pitch fonts. */
const MONO_NAME = /mono|code|courier|consol|menlo|inconsolata|typewriter|fixedsys|lucidaconsole|andale/i;

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}
type ContentItem = TextItem | { type: string; id?: string; tag?: string };

async function readPage(
  page: PDFPageProxy,
  number: number,
  OPS: PdfJs['OPS'],
  nextElement: () => number,
): Promise<{ page: PdfPage; tagged: boolean }> {
  const [x0, y0, x1, y1] = page.view as [number, number, number, number];
  const content = await page.getTextContent({ includeMarkedContent: true });
  const tree = (await page.getStructTree()) as StructNode | null;
  const roles = structureRoles(tree, nextElement);
  // The operator list loads each font's name (the text content names fonts only by an id: the weight and
  // slope are in the name), says which text is drawn stroked as well as filled (a browser's synthetic bold)
  // and shows the images. A page whose structure tree names its headings does not count its images.
  const headingsTagged = [...roles.values()].some((r) => r.roles.some((role) => /^H[1-6]?$/.test(role)));
  const operators = await page.getOperatorList();
  const images = (headingsTagged ? [] : (operators?.fnArray ?? [])).filter(
    (fn) => fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject,
  ).length;
  const fonts = new Map<string, { font: string; bold: boolean; italic: boolean; mono?: boolean; type3?: boolean }>();
  const fontOf = (id: string) => {
    let known = fonts.get(id);
    if (!known) {
      let name = '';
      let type3 = false;
      try {
        const object = page.commonObjs.get(id) as { name?: string; isType3Font?: boolean } | undefined;
        name = (object?.name ?? '').replace(/^[A-Z]{6}\+/, '');
        type3 = object?.isType3Font === true;
      } catch {
        // a font pdf.js could not load: its text still reads, without a weight
      }
      known = { font: name, bold: BOLD_NAME.test(name), italic: ITALIC_NAME.test(name), ...(type3 ? { type3 } : {}) };
      // pdf.js names a font's family `monospace` when its descriptor says fixed pitch; a font without one says so in its name.
      if (content.styles[id]?.fontFamily === 'monospace' || MONO_NAME.test(name)) known.mono = true;
      fonts.set(id, known);
    }
    return known;
  };
  const links: { rect: [number, number, number, number]; url: string }[] = [];
  for (const annotation of (await page.getAnnotations({ intent: 'display' })) as {
    subtype?: string;
    url?: string;
    rect?: number[];
  }[]) {
    if (annotation.subtype === 'Link' && typeof annotation.url === 'string' && annotation.rect?.length === 4)
      links.push({ rect: annotation.rect as [number, number, number, number], url: annotation.url });
  }

  const runs: PdfRun[] = [];
  const emboldened: PdfRun[] = [];
  const marked: { id?: string; tag?: string }[] = [];
  for (const item of content.items as ContentItem[]) {
    if ('type' in item) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') marked.push({ id: item.id, tag: item.tag });
      else if (item.type === 'endMarkedContent') marked.pop();
      continue;
    }
    if (item.str === '' || !item.transform) continue;
    const [a, b, c, d, e, f] = item.transform as [number, number, number, number, number, number];
    if (Math.abs(b) > 0.01 || Math.abs(c) > 0.01 || a <= 0) continue; // rotated or mirrored text: no part of the reading flow
    const { type3, ...font } = fontOf(item.fontName);
    const run: PdfRun = { text: item.str, x: e - x0, y: f - y0, width: item.width, size: Math.hypot(c, d), ...font };
    if (type3) emboldened.push(run);
    if (tree) {
      const id = [...marked].reverse().find((m) => m.id)?.id;
      const structure = id ? roles.get(id) : undefined;
      if (structure) {
        run.roles = structure.roles;
        run.elements = structure.elements;
        run.element = structure.element;
      } else run.artifact = true;
    }
    const cx = e + item.width / 2;
    const cy = f + run.size * 0.3;
    const link = links.find(({ rect: [lx0, ly0, lx1, ly1] }) => cx >= lx0 && cx <= lx1 && cy >= ly0 && cy <= ly1);
    if (link) run.url = link.url;
    runs.push(run);
  }
  // A browser without a bold face of a font draws its text emboldened, as a Type 3 font of the outlines under the
  // name of the face it came from (Chromium's Skia: bold italic from an italic face): the text is bold.
  const outlineNames = new Set([...fonts.values()].filter((f) => !f.type3 && f.font).map((f) => f.font));
  for (const run of emboldened) if (outlineNames.has(run.font) && !run.bold) run.bold = true;
  return { page: { number, width: x1 - x0, height: y1 - y0, runs, images }, tagged: tree !== null };
}

/** `D:20120906000000Z` → `2012-09-06`. */
function pdfDate(value: unknown): string | undefined {
  const m = typeof value === 'string' ? /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value) : null;
  if (!m) return undefined;
  const [year, month = '01', day = '01'] = [m[1]!, m[2], m[3]];
  const date = `${year}-${month}-${day}`;
  return Number.isNaN(Date.parse(date)) ? undefined : date;
}

function readInfo(info: Record<string, unknown>): PdfInfo {
  const text = (key: string) => {
    const value = info[key];
    return typeof value === 'string' && value.trim() !== '' ? value.replace(/\s+/g, ' ').trim() : undefined;
  };
  const out: PdfInfo = {};
  const set = (key: keyof PdfInfo, value: string | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set('title', text('Title'));
  set('author', text('Author'));
  set('subject', text('Subject'));
  set('keywords', text('Keywords'));
  set('creator', text('Creator'));
  set('producer', text('Producer'));
  set('created', pdfDate(info.CreationDate));
  set('modified', pdfDate(info.ModDate));
  return out;
}
