/**
 * A PDF/UA-1 checker for the conditions of the Matterhorn Protocol that a machine can decide
 * for briefpress's documents. It reads the file with pdf-lib, walks the structure tree from
 * /StructTreeRoot, every page's content stream (and the form XObjects it paints) and every
 * annotation, and reports each failed condition with its Matterhorn checkpoint:
 *
 * - 01-005/06-001: tagged (/StructTreeRoot, /MarkInfo /Marked true, no /Suspects true)
 * - 01-004/01-005: every painting operator inside an /Artifact or in a marked-content
 *   sequence whose MCID a structure element holds (no content outside both)
 * - 02-001..004: every structure type standard (PDF 1.7) or role-mapped to a standard one
 * - 06-002/06-003/07-001: an XMP metadata stream with pdfuaid:part 1 and dc:title;
 *   DisplayDocTitle true; XMP and the document information agree (title, author, subject,
 *   keywords, producer, creator, dates)
 * - 11-001: the document's natural language (/Lang)
 * - 13-004: every Figure with alternate text (/Alt)
 * - 14-002/14-003: numbered headings start at H1 and skip no level going down
 * - 15-001..003: table rows inside tables, cells inside rows, every TH with a /Scope
 * - 16-001..003: LI only inside L, L holding only LI/L/Caption, LI holding only Lbl/LBody
 * - 28-002/28-011/28-004: every annotation other than Popup in the structure tree
 *   (Link annotations under a Link element) with a /Contents description
 * - 31-001/31-027..: every font embedded, with a /ToUnicode map (or a standard encoding)
 * - 28-008 (tab order): /Tabs /S on every page with annotations
 *
 * `checkPdfUa` returns the failures (empty: passes) and what it counted; `structureOutline`
 * prints the tree as indented text, for reading a PDF's tags while writing templates.
 */
import { inflateSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import {
  decodePDFRawStream,
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
} from 'pdf-lib';

export interface UaFailure {
  /** Matterhorn checkpoint, e.g. `13-004`. */
  checkpoint: string;
  message: string;
}

export interface UaReport {
  failures: UaFailure[];
  /** Structure elements by type. */
  elements: Record<string, number>;
  figures: number;
  links: number;
  /** Marked-content sequences with an MCID, and artifacts, met in the content. */
  markedContent: number;
  artifacts: number;
  /** Fonts' base names (subset prefix removed). */
  fonts: string[];
}

/** Standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4), which PDF/UA-1 builds on. */
const STANDARD_TYPES = new Set(
  (
    'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private ' +
    'P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot ' +
    'Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP ' +
    'Figure Formula Form'
  ).split(' '),
);

const PAINTING = new Set(['Tj', 'TJ', "'", '"', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'sh', 'Do', 'BI']);

const name = (value: PDFObject | undefined) => (value instanceof PDFName ? value.decodeText() : undefined);
const text = (value: PDFObject | undefined) =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;

export async function checkPdfUa(bytes: Uint8Array): Promise<UaReport> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  const ctx = doc.context;
  const failures: UaFailure[] = [];
  const fail = (checkpoint: string, message: string) => failures.push({ checkpoint, message });
  const lookup = (value: PDFObject | undefined) => (value instanceof PDFRef ? ctx.lookup(value) : value);
  const dictOf = (value: PDFObject | undefined) => {
    const v = lookup(value);
    return v instanceof PDFDict ? v : v instanceof PDFStream ? v.dict : undefined;
  };
  const get = (dict: PDFDict | undefined, key: string) => lookup(dict?.get(PDFName.of(key)));
  const catalog = doc.catalog;

  // ---- Document level -------------------------------------------------------------------
  const markInfo = dictOf(catalog.get(PDFName.of('MarkInfo')));
  const marked = get(markInfo, 'Marked');
  if (!(marked instanceof PDFBool && marked.asBoolean())) fail('06-001', 'no /MarkInfo with /Marked true');
  const suspects = get(markInfo, 'Suspects');
  if (suspects instanceof PDFBool && suspects.asBoolean()) fail('01-002', '/MarkInfo /Suspects is true');
  const lang = text(get(catalog, 'Lang'));
  if (!lang?.trim()) fail('11-001', 'no /Lang in the catalog');
  const preferences = dictOf(catalog.get(PDFName.of('ViewerPreferences')));
  const display = get(preferences, 'DisplayDocTitle');
  if (!(display instanceof PDFBool && display.asBoolean())) fail('07-001', 'ViewerPreferences /DisplayDocTitle is not true');
  const infoDict = dictOf(ctx.trailerInfo.Info);
  const info = (key: string) => text(get(infoDict, key));
  checkXmp(get(catalog, 'Metadata'), info, fail);

  // ---- Structure tree ---------------------------------------------------------------------
  const elements: Record<string, number> = {};
  const referenced = new Map<string, Set<number>>(); // page ref → MCIDs a structure element holds
  const annotationsInTree = new Map<string, string>(); // annotation ref → its element's type
  let figures = 0;
  let links = 0;
  const root = dictOf(catalog.get(PDFName.of('StructTreeRoot')));
  const roleMap = dictOf(root?.get(PDFName.of('RoleMap')));
  const standardOf = (type: string): string | undefined => {
    const seen = new Set<string>();
    for (let t: string | undefined = type; t !== undefined && !seen.has(t); t = name(get(roleMap, t))) {
      if (STANDARD_TYPES.has(t)) return t;
      seen.add(t);
    }
    return undefined;
  };
  const headings: string[] = [];
  if (!root) fail('01-005', 'no /StructTreeRoot: the document is not tagged');
  else {
    const seen = new Set<PDFDict>();
    const walk = (node: PDFObject | undefined, parentType: string, page: PDFRef | undefined): string[] => {
      const kids: string[] = [];
      const value = lookup(node);
      if (value instanceof PDFArray) {
        for (const kid of value.asArray()) kids.push(...walk(kid, parentType, page));
        return kids;
      }
      if (value instanceof PDFNumber) {
        if (page) mcids(page).add(value.asNumber());
        else fail('01-005', `an MCID under ${parentType} without a page (/Pg)`);
        return kids;
      }
      if (!(value instanceof PDFDict) || seen.has(value)) return kids;
      seen.add(value);
      const type = name(get(value, 'Type'));
      const pg = value.get(PDFName.of('Pg'));
      const ownPage = pg instanceof PDFRef ? pg : page;
      if (type === 'MCR') {
        const mcid = get(value, 'MCID');
        if (ownPage && mcid instanceof PDFNumber) mcids(ownPage).add(mcid.asNumber());
        return kids;
      }
      if (type === 'OBJR') {
        const obj = value.get(PDFName.of('Obj'));
        if (obj instanceof PDFRef) annotationsInTree.set(obj.toString(), parentType);
        return kids;
      }
      const written = name(get(value, 'S'));
      if (written === undefined) return kids;
      const standard = standardOf(written);
      elements[written] = (elements[written] ?? 0) + 1;
      if (!standard) fail('02-004', `structure type /${written} is not a PDF 1.7 standard type and no /RoleMap maps it to one`);
      const t = standard ?? written;
      const alt = text(get(value, 'Alt')) ?? text(get(value, 'ActualText'));
      if (t === 'Figure') {
        figures++;
        if (!alt?.trim()) fail('13-004', 'a Figure without alternate text (/Alt)');
      }
      if (t === 'Link') links++;
      if (/^H[1-6]$/.test(t)) headings.push(t);
      if (t === 'TH') {
        const scoped = attributes(value).some((a) => name(get(a, 'Scope')) !== undefined);
        if (!scoped) fail('15-003', 'a TH without a /Scope attribute');
      }
      const children = walk(value.get(PDFName.of('K')), t, ownPage);
      if (t === 'LI' && !children.every((c) => c === 'Lbl' || c === 'LBody'))
        fail('16-003', `an LI holds ${children.filter((c) => c !== 'Lbl' && c !== 'LBody').join(', ') || 'content'} besides Lbl and LBody`);
      if (t === 'LI' && parentType !== 'L') fail('16-001', `an LI inside ${parentType}, not L`);
      if (t === 'L' && !children.every((c) => c === 'LI' || c === 'L' || c === 'Caption'))
        fail('16-002', `an L holds ${children.filter((c) => !['LI', 'L', 'Caption'].includes(c)).join(', ')}`);
      if ((t === 'Lbl' || t === 'LBody') && parentType !== 'LI') fail('16-003', `${t} inside ${parentType}, not LI`);
      if (t === 'TR' && !['Table', 'THead', 'TBody', 'TFoot'].includes(parentType)) fail('15-001', `a TR inside ${parentType}`);
      if ((t === 'TH' || t === 'TD') && parentType !== 'TR') fail('15-002', `a ${t} inside ${parentType}, not TR`);
      kids.push(t);
      return kids;
    };
    const mcids = (page: PDFRef) => {
      let set = referenced.get(page.toString());
      if (!set) referenced.set(page.toString(), (set = new Set()));
      return set;
    };
    const attributes = (element: PDFDict): PDFDict[] => {
      const a = lookup(element.get(PDFName.of('A')));
      const list = a instanceof PDFArray ? a.asArray() : [a];
      return list.map((x) => dictOf(x)).filter((x): x is PDFDict => x !== undefined);
    };
    walk(root.get(PDFName.of('K')), 'StructTreeRoot', undefined);
    const numbered = headings.filter((h) => h !== 'H');
    if (numbered.length && numbered[0] !== 'H1') fail('14-002', `the first heading is ${numbered[0]}, not H1`);
    for (let i = 1; i < numbered.length; i++) {
      const before = Number(numbered[i - 1]!.slice(1));
      const now = Number(numbered[i]!.slice(1));
      if (now > before + 1) fail('14-003', `heading ${numbered[i]} follows ${numbered[i - 1]}: a level skipped`);
    }
  }

  // ---- Pages: content, annotations, tab order, fonts --------------------------------------
  let markedContent = 0;
  let artifacts = 0;
  const fonts = new Map<string, PDFDict>();
  const pages = doc.getPages();
  pages.forEach((page, index) => {
    const pageNo = index + 1;
    const pageRef = page.ref.toString();
    const annots = lookup(page.node.get(PDFName.of('Annots')));
    const annotList = annots instanceof PDFArray ? annots.asArray() : [];
    if (annotList.length && name(page.node.get(PDFName.of('Tabs'))) !== 'S')
      fail('28-008', `page ${pageNo} has annotations but no /Tabs /S`);
    for (const ref of annotList) {
      const annot = dictOf(ref);
      const subtype = name(get(annot, 'Subtype'));
      if (!annot || subtype === 'Popup') continue;
      const hidden = ((get(annot, 'F') as PDFNumber | undefined)?.asNumber?.() ?? 0) & 2;
      if (hidden) continue;
      const inTree = ref instanceof PDFRef ? annotationsInTree.get(ref.toString()) : undefined;
      if (!inTree) fail('28-002', `page ${pageNo}: a ${subtype} annotation is not in the structure tree`);
      else if (subtype === 'Link' && inTree !== 'Link')
        fail('28-011', `page ${pageNo}: a Link annotation under ${inTree}, not a Link element`);
      if (!text(get(annot, 'Contents'))?.trim()) fail('28-004', `page ${pageNo}: a ${subtype} annotation without /Contents`);
    }
    const held = referenced.get(pageRef) ?? new Set<number>();
    const counts = scanContent(pageContent(page.node), dictOf(page.node.get(PDFName.of('Resources'))), held, fonts, {
      lookup,
      dictOf,
      get,
    });
    markedContent += counts.marked;
    artifacts += counts.artifacts;
    if (counts.outside)
      fail('01-005', `page ${pageNo}: ${counts.outside} painting operators outside both the structure tree and artifacts`);
    if (counts.unheld) fail('01-004', `page ${pageNo}: ${counts.unheld} marked-content sequences whose MCID no structure element holds`);
  });
  for (const [fontName, font] of fonts) checkFont(fontName, font, { dictOf, get }, fail);

  return {
    failures: dedupe(failures),
    elements,
    figures,
    links,
    markedContent,
    artifacts,
    fonts: [...fonts.keys()].map((n) => n.replace(/^[A-Z]{6}\+/, '')).sort(),
  };

  function pageContent(node: PDFDict): Uint8Array {
    const contents = lookup(node.get(PDFName.of('Contents')));
    const streams = contents instanceof PDFArray ? contents.asArray().map(lookup) : [contents];
    const parts = streams.filter((s): s is PDFRawStream => s instanceof PDFRawStream).map((s) => decodeStream(s));
    return Buffer.concat(parts.flatMap((p) => [p, Buffer.from('\n')]));
  }
}

/** The same failure on many pages once, with the pages counted. */
function dedupe(failures: UaFailure[]): UaFailure[] {
  const seen = new Map<string, UaFailure & { times: number }>();
  for (const f of failures) {
    const key = `${f.checkpoint} ${f.message.replace(/^page \d+: /, '')}`;
    const hit = seen.get(key);
    if (hit) hit.times++;
    else seen.set(key, { ...f, times: 1 });
  }
  return [...seen.values()].map(({ times, ...f }) => (times > 1 ? { ...f, message: `${f.message} (×${times})` } : f));
}

function decodeStream(stream: PDFRawStream): Uint8Array {
  try {
    return decodePDFRawStream(stream).decode();
  } catch {
    return inflateSync(stream.contents);
  }
}

interface Access {
  lookup: (value: PDFObject | undefined) => PDFObject | undefined;
  dictOf: (value: PDFObject | undefined) => PDFDict | undefined;
  get: (dict: PDFDict | undefined, key: string) => PDFObject | undefined;
}

/**
 * Walk a content stream's operators, tracking marked content: each painting operator must be
 * inside an Artifact or inside a sequence with an MCID held by the structure tree. Form
 * XObjects painted with `Do` are walked in the context of the `Do`.
 */
function scanContent(
  content: Uint8Array,
  resources: PDFDict | undefined,
  held: Set<number>,
  fonts: Map<string, PDFDict>,
  access: Pick<Access, 'lookup' | 'dictOf' | 'get'>,
  outer: { covered: boolean } = { covered: false },
  depth = 0,
): { marked: number; artifacts: number; outside: number; unheld: number } {
  const counts = { marked: 0, artifacts: 0, outside: 0, unheld: 0 };
  const { dictOf, get } = access;
  // Each open marked-content sequence: does it cover its content (Artifact, or a held MCID)?
  const stack: boolean[] = [];
  const covered = () => outer.covered || stack.includes(true);
  const operands: (string | number | Record<string, unknown>)[] = [];
  for (const token of tokenize(content)) {
    if (token.kind !== 'op') {
      operands.push(token.value);
      continue;
    }
    const op = token.value as string;
    if (op === 'BMC' || op === 'BDC') {
      const tag = operands[0];
      const props = operands[1];
      let covers = false;
      if (tag === 'Artifact') {
        covers = true;
        counts.artifacts++;
      } else if (op === 'BDC' && typeof props === 'object' && props !== null && typeof props.MCID === 'number') {
        counts.marked++;
        if (held.has(props.MCID)) covers = true;
        else counts.unheld++;
      }
      stack.push(covers);
    } else if (op === 'EMC') stack.pop();
    else if (op === 'Tf') {
      const fontName = operands[0];
      const font = typeof fontName === 'string' ? dictOf(get(dictOf(get(resources, 'Font')), fontName)) : undefined;
      const base = font && get(font, 'BaseFont');
      if (font) fonts.set(base instanceof PDFName ? base.decodeText() : `${fontName}`, font);
    } else if (PAINTING.has(op)) {
      if (op === 'Do' && depth < 8) {
        const xobject = access.lookup(get(dictOf(get(resources, 'XObject')), String(operands[0])));
        if (xobject instanceof PDFRawStream && name(xobject.dict.get(PDFName.of('Subtype'))) === 'Form') {
          const inner = scanContent(
            decodeStream(xobject),
            dictOf(xobject.dict.get(PDFName.of('Resources'))) ?? resources,
            held,
            fonts,
            access,
            { covered: covered() },
            depth + 1,
          );
          counts.marked += inner.marked;
          counts.artifacts += inner.artifacts;
          counts.outside += inner.outside;
          counts.unheld += inner.unheld;
          operands.length = 0;
          continue;
        }
      }
      if (!covered()) counts.outside++;
    }
    operands.length = 0;
  }
  return counts;
}

type Token = { kind: 'op' | 'operand'; value: string | number | Record<string, unknown> };

/** Content-stream tokens: operators, and operands (names without the slash, numbers, inline dictionaries; strings and arrays as placeholders). */
function* tokenize(bytes: Uint8Array): Generator<Token> {
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let i = 0;
  const n = s.length;
  const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f' || c === '\0';
  const isDelim = (c: string) => '()<>[]{}/%'.includes(c);
  const skip = () => {
    while (i < n) {
      if (isSpace(s[i]!)) i++;
      else if (s[i] === '%') while (i < n && s[i] !== '\n' && s[i] !== '\r') i++;
      else break;
    }
  };
  const regular = () => {
    const start = i;
    while (i < n && !isSpace(s[i]!) && !isDelim(s[i]!)) i++;
    return s.slice(start, i);
  };
  const value = (): string | number | Record<string, unknown> => {
    skip();
    const c = s[i]!;
    if (c === '/') {
      i++;
      return regular().replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    }
    if (c === '(') {
      let level = 0;
      for (; i < n; i++) {
        if (s[i] === '\\') i++;
        else if (s[i] === '(') level++;
        else if (s[i] === ')' && --level === 0) break;
      }
      i++;
      return '(string)';
    }
    if (c === '<' && s[i + 1] === '<') {
      i += 2;
      const dict: Record<string, unknown> = {};
      for (skip(); i < n && !(s[i] === '>' && s[i + 1] === '>'); skip()) {
        const key = value();
        dict[String(key)] = value();
      }
      i += 2;
      return dict;
    }
    if (c === '<') {
      i = s.indexOf('>', i) + 1 || n;
      return '<hex>';
    }
    if (c === '[') {
      i++;
      for (skip(); i < n && s[i] !== ']'; skip()) value();
      i++;
      return '[array]';
    }
    const word = regular();
    if (word === '') {
      i++;
      return '';
    }
    const num = Number(word);
    return Number.isNaN(num) ? word : num;
  };
  while (true) {
    skip();
    if (i >= n) return;
    const c = s[i]!;
    if (c === '/' || c === '(' || c === '<' || c === '[' || c === '-' || c === '+' || c === '.' || (c >= '0' && c <= '9')) {
      yield { kind: 'operand', value: value() };
      continue;
    }
    const word = regular();
    if (word === '') {
      i++;
      continue;
    }
    if (word === 'true' || word === 'false' || word === 'null') {
      yield { kind: 'operand', value: word };
      continue;
    }
    if (word === 'BI') {
      // An inline image: skip to EI after its data.
      const end = s.indexOf('EI', s.indexOf('ID', i));
      i = end < 0 ? n : end + 2;
    }
    yield { kind: 'op', value: word };
  }
}

function checkFont(fontName: string, font: PDFDict, access: Pick<Access, 'dictOf' | 'get'>, fail: (c: string, m: string) => void) {
  const { dictOf, get } = access;
  const subtype = name(get(font, 'Subtype'));
  if (subtype === 'Type3') return;
  const descendant = subtype === 'Type0' ? dictOf((get(font, 'DescendantFonts') as PDFArray | undefined)?.get(0)) : font;
  const descriptor = dictOf(descendant?.get(PDFName.of('FontDescriptor')));
  const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((k) => get(descriptor, k) !== undefined);
  if (!embedded) fail('31-001', `font ${fontName} is not embedded`);
  const encoding = name(get(font, 'Encoding'));
  const standardEncoding = encoding === 'WinAnsiEncoding' || encoding === 'MacRomanEncoding' || encoding === 'StandardEncoding';
  if (get(font, 'ToUnicode') === undefined && !(subtype !== 'Type0' && standardEncoding))
    fail('31-027', `font ${fontName} has no /ToUnicode map: its text cannot be read back`);
}

/** The XMP packet: present, with pdfuaid:part 1 and dc:title, and agreeing with the document information. */
function checkXmp(metadata: PDFObject | undefined, info: (key: string) => string | undefined, fail: (c: string, m: string) => void) {
  if (!(metadata instanceof PDFRawStream)) {
    fail('06-002', 'no XMP metadata stream in the catalog (/Metadata)');
    return;
  }
  const xml = Buffer.from(decodeStream(metadata)).toString('utf8');
  const xmp = readXmp(xml);
  if (xmp.part !== '1') fail('06-002', `XMP pdfuaid:part is ${xmp.part ?? 'missing'}, not 1`);
  if (!xmp.title?.trim()) fail('06-003', 'no dc:title in the XMP metadata');
  const pairs: [string, string | undefined, string | undefined][] = [
    ['Title', info('Title'), xmp.title],
    ['Author', info('Author'), xmp.creators?.join(', ')],
    ['Subject', info('Subject'), xmp.description],
    ['Keywords', info('Keywords'), xmp.keywords],
    ['Producer', info('Producer'), xmp.producer],
    ['Creator', info('Creator'), xmp.creatorTool],
    ['CreationDate', isoOf(info('CreationDate')), xmp.createDate && isoOf(xmp.createDate)],
    ['ModDate', isoOf(info('ModDate')), xmp.modifyDate && isoOf(xmp.modifyDate)],
  ];
  for (const [key, inInfo, inXmp] of pairs) {
    if ((inInfo ?? '') !== (inXmp ?? '')) fail('06-xmp', `/${key} ${JSON.stringify(inInfo)} but XMP says ${JSON.stringify(inXmp)}`);
  }
}

interface Xmp {
  part?: string;
  title?: string;
  creators?: string[];
  description?: string;
  keywords?: string;
  producer?: string;
  creatorTool?: string;
  createDate?: string;
  modifyDate?: string;
}

/** The entries of an XMP packet that the document information mirrors, whether written as elements or attributes. */
export function readXmp(xml: string): Xmp {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: false,
    parseTagValue: false,
    trimValues: false,
  });
  const tree = parser.parse(xml) as Record<string, unknown>;
  const found: Record<string, unknown> = {};
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      const k = key.startsWith('@') ? key.slice(1) : key;
      if (
        /^(pdfuaid:part|dc:title|dc:creator|dc:description|pdf:Keywords|pdf:Producer|xmp:CreatorTool|xmp:CreateDate|xmp:ModifyDate)$/.test(
          k,
        )
      )
        found[k] ??= value;
      visit(value);
    }
  };
  visit(tree);
  const plain = (v: unknown): string | undefined => {
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    if (typeof v === 'object' && '#text' in (v as object)) return String((v as { '#text': unknown })['#text']);
    return undefined;
  };
  const items = (v: unknown): string[] => {
    if (v === undefined) return [];
    const container = v as Record<string, unknown>;
    const list = container['rdf:Alt'] ?? container['rdf:Seq'] ?? container['rdf:Bag'];
    const li = (list as Record<string, unknown> | undefined)?.['rdf:li'];
    const all = Array.isArray(li) ? li : li === undefined ? [v] : [li];
    return all.map(plain).filter((x): x is string => x !== undefined);
  };
  const creators = items(found['dc:creator']);
  return {
    part: plain(found['pdfuaid:part']),
    title: items(found['dc:title'])[0],
    creators: creators.length ? creators : undefined,
    description: items(found['dc:description'])[0],
    keywords: plain(found['pdf:Keywords']),
    producer: plain(found['pdf:Producer']),
    creatorTool: plain(found['xmp:CreatorTool']),
    createDate: plain(found['xmp:CreateDate']),
    modifyDate: plain(found['xmp:ModifyDate']),
  };
}

/** A PDF date (`D:20121004000000Z`) or an XMP date (`2012-10-04T00:00:00Z`) as an instant, for comparing. */
function isoOf(date: string | undefined): string | undefined {
  if (!date) return undefined;
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(date);
  const iso = pdf
    ? `${pdf[1]}-${pdf[2] ?? '01'}-${pdf[3] ?? '01'}T${pdf[4] ?? '00'}:${pdf[5] ?? '00'}:${pdf[6] ?? '00'}${(pdf[7] ?? 'Z').replace(/'/g, '').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`
    : date;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? date : new Date(time).toISOString();
}

/** The structure tree as indented lines (`H1 "Alt"`, `Link [annotation]`, `NonStruct (3 MCIDs)`), for reading. */
export async function structureOutline(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  const ctx = doc.context;
  const lookup = (value: PDFObject | undefined) => (value instanceof PDFRef ? ctx.lookup(value) : value);
  const lines: string[] = [];
  const walk = (node: PDFObject | undefined, depth: number) => {
    const value = lookup(node);
    if (value instanceof PDFArray) return value.asArray().forEach((kid) => walk(kid, depth));
    if (value instanceof PDFNumber) return lines.push(`${'  '.repeat(depth)}mcid ${value.asNumber()}`);
    if (!(value instanceof PDFDict)) return;
    const type = name(lookup(value.get(PDFName.of('Type'))));
    if (type === 'OBJR') return lines.push(`${'  '.repeat(depth)}[annotation]`);
    if (type === 'MCR') return lines.push(`${'  '.repeat(depth)}mcid ${String(lookup(value.get(PDFName.of('MCID'))))}`);
    const s = name(lookup(value.get(PDFName.of('S'))));
    const alt = text(lookup(value.get(PDFName.of('Alt'))));
    const actual = text(lookup(value.get(PDFName.of('ActualText'))));
    const attrs = lookup(value.get(PDFName.of('A')));
    lines.push(
      `${'  '.repeat(depth)}${s}${alt !== undefined ? ` Alt=${JSON.stringify(alt)}` : ''}${actual !== undefined ? ` ActualText=${JSON.stringify(actual)}` : ''}${attrs ? ` A=${String(attrs).replace(/\s+/g, ' ')}` : ''}`,
    );
    walk(value.get(PDFName.of('K')), depth + 1);
  };
  const root = lookup(doc.catalog.get(PDFName.of('StructTreeRoot')));
  if (root instanceof PDFDict) walk(root.get(PDFName.of('K')), 0);
  return lines.join('\n');
}
