/**
 * Document metadata for a printed brief, set with pdf-lib after Chromium has printed it
 * (Chromium writes only its own Creator/Producer and the current time): Title, Author,
 * Subject, Keywords, Creator, Producer, the document language, and creation and
 * modification dates taken from the brief's date. The file identifier (/ID) is derived
 * from a hash of the content and the metadata, so two builds of the same brief are
 * byte-identical. Chromium's structure tree (/StructTreeRoot, /MarkInfo) and outline are
 * kept: pdf-lib copies every object of the document it loaded.
 */
import { createHash } from 'node:crypto';
import { ParseSpeeds, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

export interface PdfInfo {
  title: string;
  authors: string[];
  /** The brief's summary. */
  subject?: string;
  /** The brief's tags. */
  keywords: string[];
  /** YYYY-MM-DD; also the creation and modification date. */
  date?: string;
  /** BCP 47 language tag, e.g. `en`. */
  language: string;
  paper: 'letter' | 'a4';
}

export const PRODUCER = 'briefpress';

/** Set the metadata of a printed PDF; returns the new bytes and the page count. */
export async function setPdfMetadata(printed: Uint8Array, info: PdfInfo): Promise<{ pdf: Uint8Array; pages: number }> {
  // Parse and write in one go: pdf-lib otherwise yields to the event loop every 100 objects,
  // which more than doubles the time a brief spends here.
  const doc = await PDFDocument.load(printed, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  if (info.authors.length) doc.setAuthor(info.authors.join(', '));
  if (info.subject) doc.setSubject(info.subject);
  // pdf-lib joins keywords with spaces; commas keep multi-word tags readable.
  if (info.keywords.length) doc.setKeywords([info.keywords.join(', ')]);
  doc.setCreator(PRODUCER);
  doc.setProducer(PRODUCER);
  doc.setLanguage(info.language);
  const infoDict = doc.context.lookup(doc.context.trailerInfo.Info);
  if (info.date) {
    const date = new Date(`${info.date}T00:00:00Z`);
    doc.setCreationDate(date);
    doc.setModificationDate(date);
  } else if (infoDict && 'delete' in infoDict) {
    // No date in the brief: no date in the PDF, rather than the time of the build.
    (infoDict as { delete(key: PDFName): void }).delete(PDFName.of('CreationDate'));
    (infoDict as { delete(key: PDFName): void }).delete(PDFName.of('ModDate'));
  }
  restoreTitleCase(doc, info.title);
  // Chromium's own dates are the time of printing: leave them out of the identifier.
  const content = Buffer.from(printed.buffer, printed.byteOffset, printed.byteLength)
    .toString('latin1')
    .replace(/\/(?:CreationDate|ModDate)\s*\(D:[^)]*\)/g, '');
  const id = createHash('sha256').update(content, 'latin1').update(JSON.stringify(info)).digest('hex').slice(0, 32);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  const pdf = await doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
  return { pdf, pages: doc.getPageCount() };
}

/**
 * Chromium names outline entries by the text as laid out, so a title set in capitals by
 * CSS appears in capitals in the reader's bookmarks; give those entries the title as written.
 */
function restoreTitleCase(doc: PDFDocument, title: string): void {
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const key = (s: string) => s.replace(/\s+/g, '').toLocaleLowerCase();
  let item = outlines?.lookupMaybe(PDFName.of('First'), PDFDict);
  for (let guard = 0; item && guard < 10_000; guard++) {
    const text = item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText();
    if (text && key(text) === key(title)) item.set(PDFName.of('Title'), PDFHexString.fromText(title));
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
}
