/**
 * Document metadata for a printed brief, set after Chromium has printed it (Chromium
 * writes only its own Creator/Producer and the current time): Title, Author, Subject,
 * Keywords, Creator, Producer, the document language, and creation and modification
 * dates taken from the brief's date (none when the brief has none). Outline entries get
 * the title as written. The file identifier (/ID) is a hash of the content and the
 * metadata, never of the time, so two builds of the same brief are byte-identical.
 *
 * Chromium's own output is edited in place (`splicePdfMetadata`: a fraction of a
 * millisecond, where loading and saving the whole file with pdf-lib took several); any
 * other PDF goes through pdf-lib, loaded only then. Chromium's structure tree, outline and
 * everything else are kept either way.
 */
import { createHash } from 'node:crypto';
import { encodeTextString } from './pdf-splice/pdf-text-string.js';
import { splicePdfMetadata, type MetadataEdits } from './pdf-splice/splice-pdf-metadata.js';

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
  return splicePdfMetadata(printed, metadataEdits(info)) ?? setPdfMetadataWithPdfLib(printed, info);
}

/** Match outline titles to the brief's title ignoring case and spacing: Chromium takes them from the text as laid out, in CSS capitals. */
const titleKey = (text: string) => text.replace(/\s+/g, '').toLocaleLowerCase();

/** PDF date of a brief's date (`D:20121004000000Z`), as pdf-lib's `PDFString.fromDate` writes it. */
function pdfDate(date: string): string {
  // `date` is a checked calendar date (front-matter.ts), midnight UTC.
  return `D:${date.replaceAll('-', '')}000000Z`;
}

/** What the fast path changes, as PDF values; the same entries the pdf-lib path below sets. */
export function metadataEdits(info: PdfInfo): MetadataEdits {
  const text = encodeTextString;
  const date = info.date ? text(pdfDate(info.date)) : undefined;
  const key = titleKey(info.title);
  return {
    info: [
      ['/Title', text(info.title)],
      ...(info.authors.length ? [['/Author', text(info.authors.join(', '))] as [string, string]] : []),
      ...(info.subject ? [['/Subject', text(info.subject)] as [string, string]] : []),
      // Commas keep multi-word tags readable.
      ...(info.keywords.length ? [['/Keywords', text(info.keywords.join(', '))] as [string, string]] : []),
      ['/Creator', text(PRODUCER)],
      ['/Producer', text(PRODUCER)],
      // No date in the brief: no date in the PDF, rather than the time of the build.
      ['/CreationDate', date],
      ['/ModDate', date],
    ],
    catalog: [['/Lang', text(info.language)]],
    // Readers show the title rather than the file name.
    viewerPreferences: [['/DisplayDocTitle', 'true']],
    outlineTitle: (title) => (titleKey(title) === key ? text(info.title) : undefined),
    // As pdf-lib writes it (Chromium says 1.4, though it uses later features such as /Tabs).
    version: '1.7',
  };
}

/** The same with pdf-lib, for a PDF the fast path does not understand (object streams, several revisions, …). */
export async function setPdfMetadataWithPdfLib(printed: Uint8Array, info: PdfInfo): Promise<{ pdf: Uint8Array; pages: number }> {
  const { ParseSpeeds, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } = await import('pdf-lib');
  // Parse and write in one go: pdf-lib otherwise yields to the event loop every 100 objects.
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
  } else if (infoDict instanceof PDFDict) {
    infoDict.delete(PDFName.of('CreationDate'));
    infoDict.delete(PDFName.of('ModDate'));
  }
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const key = titleKey(info.title);
  let item = outlines?.lookupMaybe(PDFName.of('First'), PDFDict);
  for (let guard = 0; item && guard < 10_000; guard++) {
    const text = item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText();
    if (text && titleKey(text) === key) item.set(PDFName.of('Title'), PDFHexString.fromText(info.title));
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
  // Dates in the input are the time of printing: leave them out of the identifier.
  const content = Buffer.from(printed.buffer, printed.byteOffset, printed.byteLength)
    .toString('latin1')
    .replace(/\/(?:CreationDate|ModDate)\s*\(D:[^)]*\)/g, '');
  const id = createHash('sha256').update(content, 'latin1').update(JSON.stringify(info)).digest('hex').slice(0, 32);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  const pdf = await doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
  return { pdf, pages: doc.getPageCount() };
}
