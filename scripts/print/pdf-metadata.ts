/**
 * Document metadata and PDF/UA-1 tagging for a printed brief, set after Chromium has printed
 * it (Chromium writes only its own Creator/Producer and the current time): Title, Author,
 * Subject, Keywords, Creator, Producer, the document language, and creation and
 * modification dates taken from the brief's date (none when the brief has none), the same
 * again as an XMP packet that also names the file PDF/UA-1 (`pdfuaid:part` 1), and the
 * structure fixes of pdf-splice/tag-structure.ts (list bodies, element types, link
 * descriptions, page furniture as artifacts). Outline entries get the title as written.
 * The file identifier (/ID) is a hash of the content and the metadata, never of the time,
 * so two builds of the same brief are byte-identical.
 *
 * Chromium's own output is edited in place (`splicePdfMetadata`: about a millisecond,
 * where loading and saving the whole file with pdf-lib took several); any other PDF is
 * first rewritten by pdf-lib into the same simple form (one revision, a plain
 * cross-reference table, no object streams), loaded only then, and edited the same way.
 */
import type * as PdfLib from 'pdf-lib';
import { splicePdfMetadata, type MetadataEdits } from './pdf-splice/splice-pdf-metadata.js';
import { encodeTextString } from './pdf-splice/pdf-text-string.js';
import { tagForPdfUa } from './pdf-splice/tag-structure.js';

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

/** Set the metadata and PDF/UA tagging of a printed PDF; returns the new bytes and the page count. */
export async function setPdfMetadata(printed: Uint8Array, info: PdfInfo): Promise<{ pdf: Uint8Array; pages: number }> {
  return splicePdfMetadata(printed, metadataEdits(info), tagForPdfUa) ?? setPdfMetadataWithPdfLib(printed, info);
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
    xmp: xmpPacket(info),
  };
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/**
 * The XMP packet: the document information again (as PDF/UA asks: dc:title at least, and
 * equal to /Title) and the PDF/UA-1 identification.
 */
export function xmpPacket(info: PdfInfo): string {
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xml(text)}</rdf:li></rdf:Alt>`;
  const list = (kind: 'Seq' | 'Bag', items: string[]) =>
    `<rdf:${kind}>${items.map((i) => `<rdf:li>${xml(i)}</rdf:li>`).join('')}</rdf:${kind}>`;
  const date = info.date ? `${info.date}T00:00:00Z` : undefined;
  const lines = [
    '<pdfuaid:part>1</pdfuaid:part>',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(info.title)}</dc:title>`,
    info.authors.length ? `<dc:creator>${list('Seq', info.authors)}</dc:creator>` : '',
    info.subject ? `<dc:description>${alt(info.subject)}</dc:description>` : '',
    info.keywords.length ? `<dc:subject>${list('Bag', info.keywords)}</dc:subject>` : '',
    `<dc:language>${list('Bag', [info.language])}</dc:language>`,
    info.keywords.length ? `<pdf:Keywords>${xml(info.keywords.join(', '))}</pdf:Keywords>` : '',
    `<pdf:Producer>${PRODUCER}</pdf:Producer>`,
    `<xmp:CreatorTool>${PRODUCER}</xmp:CreatorTool>`,
    date
      ? `<xmp:CreateDate>${date}</xmp:CreateDate><xmp:ModifyDate>${date}</xmp:ModifyDate><xmp:MetadataDate>${date}</xmp:MetadataDate>`
      : '',
  ].filter(Boolean);
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
    ...lines,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

/**
 * The same for a PDF the fast path does not understand (object streams, several revisions,
 * …): pdf-lib rewrites it into one revision with a plain cross-reference table, which the
 * fast path then edits, so both paths make the same edits.
 */
export async function setPdfMetadataWithPdfLib(printed: Uint8Array, info: PdfInfo): Promise<{ pdf: Uint8Array; pages: number }> {
  const { ParseSpeeds, PDFDocument } = await loadPdfLib();
  // Parse and write in one go: pdf-lib otherwise yields to the event loop every 100 objects.
  const doc = await PDFDocument.load(printed, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const plain = await doc.save({ useObjectStreams: false, objectsPerTick: Infinity, updateFieldAppearances: false });
  const result = splicePdfMetadata(plain, metadataEdits(info), tagForPdfUa);
  if (!result) throw new Error('pdf-lib wrote a PDF that the metadata step cannot read');
  return result;
}

/**
 * pdf-lib, imported when first needed. In the commands' bundles (scripts/start/load-ts.mjs)
 * a CommonJS package imported this way comes as its `default` export only.
 */
export async function loadPdfLib(): Promise<typeof PdfLib> {
  const loaded = await import('pdf-lib');
  return 'PDFDocument' in loaded ? loaded : (loaded as unknown as { default: typeof PdfLib }).default;
}
