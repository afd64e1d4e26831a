/**
 * A packet's PDF from the printed front (cover, contents and folio pages) and each
 * brief's PDF as printed, with pdf-lib: the cover and contents, then each brief's pages
 * where the layout puts them, a blank page wherever the layout leaves one, the folio
 * stamped at the foot of every printed page after the cover, and an outline with an
 * entry per brief at its first page (its own headings below it, closed). The briefs'
 * pages are copied as they are: text, fonts, links and their own page numbers.
 */
import { createHash } from 'node:crypto';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  type PDFObject,
  type PDFPage,
  type PDFRef,
  PDFString,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import { PRODUCER, type PdfInfo } from '../print/pdf-metadata.js';
import type { PacketLayout } from './packet-layout.js';

export interface AssembleInput {
  /** The printed front: the cover and contents (`frontPages` pages), then one page per folio. */
  front: Uint8Array;
  frontPages: number;
  /** Each brief's title (for the outline) and its PDF, in packet order. */
  briefs: { title: string; pdf: Uint8Array }[];
  layout: PacketLayout;
  /** Outline title of the contents. */
  contentsTitle: string;
  /** The packet's document metadata. */
  info: PdfInfo;
}

interface OutlineItem {
  title: string;
  page: PDFRef;
  /** Where on the page, in PDF units from the bottom left; the top of the page when absent. */
  top?: number;
  children: OutlineItem[];
}

export async function assemblePacket(input: AssembleInput): Promise<Uint8Array> {
  const { layout, frontPages } = input;
  const doc = await PDFDocument.create({ updateMetadata: false });
  const front = await PDFDocument.load(input.front, { updateMetadata: false });
  const folioCount = front.getPageCount() - frontPages;
  for (const page of await doc.copyPages(front, range(frontPages))) doc.addPage(page);
  const folios =
    folioCount > 0
      ? await doc.embedPdf(
          front,
          range(folioCount).map((i) => frontPages + i),
        )
      : [];

  const outline: OutlineItem[] = [{ title: input.contentsTitle, page: doc.getPage(1).ref, children: [] }];
  const blanks = new Set(layout.blanks);
  for (const [i, brief] of input.briefs.entries()) {
    while (blanks.has(doc.getPageCount() + 1)) {
      const { width, height } = doc.getPage(doc.getPageCount() - 1).getSize();
      doc.addPage([width, height]);
    }
    if (doc.getPageCount() + 1 !== layout.starts[i])
      throw new Error(`brief ${i + 1} would start on page ${doc.getPageCount() + 1}, not ${layout.starts[i]}`);
    const source = await PDFDocument.load(brief.pdf, { updateMetadata: false });
    const copied = await doc.copyPages(source, source.getPageIndices());
    for (const page of copied) doc.addPage(page);
    const pageMap = new Map(source.getPages().map((p, n) => [p.ref.toString(), copied[n]!.ref]));
    outline.push({ title: brief.title, page: copied[0]!.ref, children: ownOutline(source, brief.title, pageMap) });
  }
  if (doc.getPageCount() !== layout.pages) throw new Error(`the packet has ${doc.getPageCount()} pages, not ${layout.pages}`);

  // Folios on every page after the cover that is not left blank, in order.
  let next = 0;
  for (const [n, page] of doc.getPages().entries()) {
    if (n === 0 || blanks.has(n + 1)) continue;
    const folio = folios[next++];
    if (folio) stamp(doc, page, folio);
  }
  writeOutline(doc, outline);
  setMetadata(doc, input);
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}

/**
 * The packet's metadata, as a brief's (Title shown by readers, Author, Subject, Keywords,
 * language, dates from the packet's date or none), with a file identifier made from what the
 * packet is made of, never the time, so that the same packet is the same bytes. No XMP
 * claiming PDF/UA: the briefs' structure trees are not carried over into the packet.
 */
function setMetadata(doc: PDFDocument, input: AssembleInput): void {
  const { info } = input;
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  if (info.authors.length) doc.setAuthor(info.authors.join(', '));
  if (info.subject) doc.setSubject(info.subject);
  // pdf-lib joins keywords with spaces; commas keep multi-word tags readable.
  if (info.keywords.length) doc.setKeywords([info.keywords.join(', ')]);
  doc.setCreator(PRODUCER);
  doc.setProducer(PRODUCER);
  doc.setLanguage(info.language);
  if (info.date) {
    const date = new Date(`${info.date}T00:00:00Z`);
    doc.setCreationDate(date);
    doc.setModificationDate(date);
  }
  const hash = createHash('sha256').update(JSON.stringify(info)).update(input.front);
  for (const brief of input.briefs) hash.update(brief.pdf);
  const id = PDFHexString.of(hash.digest('hex').slice(0, 32));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Draw `folio` (a whole page) over `page`, centred; the page's own content is first closed in q/Q so its state cannot leak. */
function stamp(doc: PDFDocument, page: PDFPage, folio: Awaited<ReturnType<PDFDocument['embedPdf']>>[number]): void {
  page.node.normalize();
  const start = doc.context.register(doc.context.contentStream([pushGraphicsState()]));
  const end = doc.context.register(doc.context.contentStream([popGraphicsState()]));
  page.node.wrapContentStreams(start, end);
  const { width } = page.getSize();
  page.drawPage(folio, { x: (width - folio.width) / 2, y: 0 });
}

/**
 * The brief's own outline, its destinations moved to the packet's pages. Chromium makes
 * one entry for the title with the headings below it: the packet's entry is the title, so
 * the headings become its children.
 */
function ownOutline(source: PDFDocument, title: string, pageMap: Map<string, PDFRef>): OutlineItem[] {
  const outlines = source.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const read = (first: PDFDict | undefined, depth: number): OutlineItem[] => {
    const items: OutlineItem[] = [];
    for (let item = first, guard = 0; item && guard < 10_000 && depth < 8; guard++) {
      const text = item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText();
      const dest = destination(item);
      const target = dest && pageMap.get(dest.page.toString());
      const children = read(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
      if (text && target) items.push({ title: text, page: target, ...(dest.top !== undefined ? { top: dest.top } : {}), children });
      else items.push(...children);
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
    return items;
  };
  const items = read(outlines?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  const key = (s: string) => s.replace(/\s+/g, '').toLocaleLowerCase();
  return items.length === 1 && key(items[0]!.title) === key(title) ? items[0]!.children : items;
}

/** An outline item's explicit destination (`/Dest [page /XYZ left top zoom]`, or a GoTo action's). */
function destination(item: PDFDict): { page: PDFRef; top?: number } | undefined {
  let dest: PDFObject | undefined = item.lookup(PDFName.of('Dest'));
  if (!dest) dest = item.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('D'));
  if (!(dest instanceof PDFArray)) return undefined;
  const page = dest.get(0);
  if (!page || !('objectNumber' in page)) return undefined;
  const type = dest.lookup(1);
  const top = type === PDFName.of('XYZ') ? dest.lookup(3) : undefined;
  return { page: page as PDFRef, ...(top instanceof PDFNumber ? { top: top.asNumber() } : {}) };
}

/** Write `items` as the document's outline: top-level entries open, the headings below a brief closed. */
function writeOutline(doc: PDFDocument, items: OutlineItem[]): void {
  const context = doc.context;
  const root = context.obj({ Type: 'Outlines' });
  const rootRef = context.register(root);
  const heights = new Map(doc.getPages().map((p) => [p.ref.toString(), p.getSize().height]));
  const add = (list: OutlineItem[], parent: PDFDict, parentRef: PDFRef): number => {
    const refs = list.map(() => context.nextRef());
    let visible = 0;
    list.forEach((item, i) => {
      const top = item.top ?? heights.get(item.page.toString()) ?? 0;
      const dict = context.obj({});
      dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title));
      dict.set(PDFName.of('Parent'), parentRef);
      dict.set(PDFName.of('Dest'), context.obj([item.page, PDFName.of('XYZ'), PDFNull, PDFNumber.of(top), PDFNull]));
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < list.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      const below = item.children.length ? add(item.children, dict, refs[i]!) : 0;
      // Closed: a negative count hides the headings until the reader opens the brief's entry.
      if (below) dict.set(PDFName.of('Count'), PDFNumber.of(-below));
      context.assign(refs[i]!, dict);
      visible++;
    });
    if (list.length) {
      parent.set(PDFName.of('First'), refs[0]!);
      parent.set(PDFName.of('Last'), refs.at(-1)!);
    }
    return visible;
  };
  const count = add(items, root, rootRef);
  root.set(PDFName.of('Count'), PDFNumber.of(count));
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
