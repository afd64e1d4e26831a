/**
 * Edit a PDF's document information, catalog and outline titles without parsing the rest
 * of it. Chromium (Skia) writes one revision with a classic cross-reference table and no
 * object streams; for such a file this reads `startxref`, the table and the trailer, then
 * only the objects it edits (the information dictionary, the catalog, the page tree's root,
 * the outline and its top-level items), and writes the same bytes with those objects'
 * dictionaries spliced in, a new table with the moved offsets and a trailer whose /ID is a
 * hash of everything before it: a clean single-revision file in which no byte of the old
 * dictionaries (Chromium's print time in particular) remains.
 * Anything else (cross-reference streams, several revisions, encryption, an object that is
 * not where the table says) returns undefined, for the caller to use a full PDF library.
 */
import { createHash } from 'node:crypto';
import { type DictEntry, getEntry, parsePdfDict, parseReference, PdfSyntaxError, setEntry, skipSpace, writePdfDict } from './pdf-dict.js';
import { decodeTextString } from './pdf-text-string.js';

export interface MetadataEdits {
  /** Document information entries to set (as written PDF values, e.g. `(Title)`) or, when undefined, to remove. */
  info: [key: string, value: string | undefined][];
  /** Catalog entries to set. */
  catalog: [key: string, value: string][];
  /** Viewer preference entries to set; an inline /ViewerPreferences dictionary is made when there is none. */
  viewerPreferences: [key: string, value: string][];
  /** A new title (a written PDF value) for a top-level outline item titled `text`, or undefined to keep it. */
  outlineTitle?: (text: string) => string | undefined;
  /** The PDF version the header states at least (`1.7`): a 1.x header of the same length is raised to it. */
  version?: string;
  /** An XMP packet (UTF-8) to store as the catalog's /Metadata stream. */
  xmp?: string;
}

export interface SplicedPdf {
  pdf: Uint8Array;
  /** /Count of the page tree's root. */
  pages: number;
}

interface PdfObject {
  num: number;
  gen: number;
  /** Byte range of `N G obj … endobj`. */
  start: number;
  end: number;
  entries: DictEntry[];
}

interface PdfStream extends PdfObject {
  /** The stream's bytes as stored (still encoded). */
  data: Buffer;
}

/** An object to write in place of an old one, or after the last when `start` is undefined. */
interface Written {
  num: number;
  gen: number;
  start?: number;
  end?: number;
  body: Buffer;
}

/** Reading, changing and adding objects of a file of the simple kind (see above); `fail` on anything else. */
export interface PdfObjects {
  read(reference: string | undefined): PdfObject;
  readStream(reference: string | undefined): PdfStream;
  change(object: { num: number; gen: number }, entries: DictEntry[]): void;
  changeStream(object: { num: number; gen: number }, entries: DictEntry[], data: Buffer): void;
  /** Add a dictionary (or a stream with `data`); returns its reference (`12 0 R`). */
  add(entries: DictEntry[], data?: Buffer): string;
  /** The entries an object has now, changed or not. */
  entriesOf(reference: string | undefined): DictEntry[];
}

/**
 * The edited PDF, or undefined when the file is not of the simple kind this understands.
 * `accessibility` makes further edits through `PdfObjects` (tag-structure.ts) and returns
 * the catalog's entries.
 */
export function splicePdfMetadata(
  printed: Uint8Array,
  edits: MetadataEdits,
  accessibility?: (objects: PdfObjects, catalog: DictEntry[]) => DictEntry[],
): SplicedPdf | undefined {
  try {
    return splice(Buffer.from(printed.buffer, printed.byteOffset, printed.byteLength), edits, accessibility);
  } catch {
    // Whatever went wrong (PdfSyntaxError: something unexpected in the file), the full library is right.
    return undefined;
  }
}

function fail(reason: string): never {
  throw new PdfSyntaxError(reason);
}

function splice(
  buf: Buffer,
  edits: MetadataEdits,
  accessibility: ((objects: PdfObjects, catalog: DictEntry[]) => DictEntry[]) | undefined,
): SplicedPdf {
  const version = /^%PDF-(1\.\d)\s/.exec(buf.toString('latin1', 0, 9))?.[1] ?? fail('not a PDF 1.x');
  const tail = buf.toString('latin1', Math.max(0, buf.length - 1024));
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail) ?? fail('no startxref at the end');
  const xrefAt = Number(startxref[1]);
  const xrefEnd = buf.length - tail.length + startxref.index;
  if (xrefAt >= xrefEnd) fail('startxref out of range');
  const xref = parseXref(buf, xrefAt, xrefEnd);
  const { trailer } = xref;
  if (['/Prev', '/XRefStm', '/Encrypt'].some((key) => getEntry(trailer, key) !== undefined)) fail('not a single plain revision');
  if (Number(getEntry(trailer, '/Size')) !== xref.offsets.length) fail('/Size does not match the table');

  // Where each object's text may end at the latest: where the next object (or the table) begins.
  const starts = Float64Array.from(xref.offsets.filter((offset, num) => xref.inUse[num] && offset < xrefAt)).sort();
  const nextStart = (start: number): number => {
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (starts[mid]! <= start) low = mid + 1;
      else high = mid;
    }
    return low < starts.length ? starts[low]! : xrefAt;
  };

  /**
   * The object a reference names: its header checked, its dictionary parsed (as text, read
   * from its offset up to the next object's: a stream's dictionary first from its first
   * kilobyte only), and what follows the dictionary: `endobj`, or a stream's `stream`.
   */
  const locate = (reference: string | undefined): PdfObject & { streamAt: number } => {
    const ref = parseReference(reference) ?? fail(`not a reference: ${reference}`);
    const start = xref.offsets[ref.num];
    if (start === undefined || !xref.inUse[ref.num] || xref.gens[ref.num] !== ref.gen || start >= xrefAt)
      fail(`object ${ref.num} not in the table`);
    const limit = nextStart(start);
    for (let textEnd = Math.min(limit, start + 1024); ; textEnd = limit) {
      const text = buf.toString('latin1', start, textEnd);
      const header = /^(\d+)\s+(\d+)\s+obj\b/.exec(text);
      if (!header || Number(header[1]) !== ref.num || Number(header[2]) !== ref.gen) fail(`object ${ref.num} is not at its offset`);
      let dict;
      try {
        dict = parsePdfDict(text, skipSpace(text, header[0].length));
      } catch (error) {
        if (error instanceof PdfSyntaxError && error.truncated && textEnd < limit) continue;
        throw error;
      }
      const after = skipSpace(text, dict.end);
      if (text.length - after < 6 && textEnd < limit) continue;
      const keyword = text.slice(after, after + 6);
      if (keyword !== 'endobj' && keyword !== 'stream') fail(`object ${ref.num} is neither a dictionary nor a stream`);
      const stream = keyword === 'stream';
      return {
        num: ref.num,
        gen: ref.gen,
        start,
        end: stream ? -1 : start + after + 6,
        entries: dict.entries,
        streamAt: stream ? start + after : -1,
      };
    }
  };

  const read = (reference: string | undefined): PdfObject => {
    const object = locate(reference);
    // Only a dictionary alone: a stream, or more, is not ours to rewrite.
    if (object.streamAt >= 0) fail(`object ${object.num} is not a plain dictionary`);
    return { num: object.num, gen: object.gen, start: object.start, end: object.end, entries: object.entries };
  };

  const readStream = (reference: string | undefined): PdfStream => {
    const object = locate(reference);
    if (object.streamAt < 0) fail(`object ${object.num} is not a stream`);
    const length = Number(getEntry(object.entries, '/Length'));
    if (!Number.isInteger(length) || length < 0) fail(`object ${object.num}: the stream's /Length is not a number`);
    let at = object.streamAt + 6;
    if (buf[at] === 13) at++;
    if (buf[at] !== 10) fail(`object ${object.num}: no end of line after stream`);
    at++;
    const data = buf.subarray(at, at + length);
    const after = buf.toString('latin1', at + length, Math.min(at + length + 40, buf.length));
    const end = /^\s*endstream\s*endobj/.exec(after) ?? fail(`object ${object.num}: no endstream after /Length bytes`);
    return { num: object.num, gen: object.gen, start: object.start, end: at + length + end[0].length, entries: object.entries, data };
  };

  const written = new Map<number, Written>();
  const located = new Map<number, { start: number; end: number }>();
  const current = new Map<number, DictEntry[]>();
  const objectText = (num: number, gen: number, entries: DictEntry[], data?: Buffer) =>
    data
      ? Buffer.concat([
          Buffer.from(`${num} ${gen} obj\n${writePdfDict(setEntry(entries, '/Length', String(data.length)))} stream\n`, 'latin1'),
          data,
          Buffer.from('\nendstream\nendobj', 'latin1'),
        ])
      : Buffer.from(`${num} ${gen} obj\n${writePdfDict(entries)}\nendobj`, 'latin1');
  const replace = (object: { num: number; gen: number }, entries: DictEntry[], data?: Buffer) => {
    const previous = written.get(object.num);
    const place = previous
      ? previous.start === undefined
        ? undefined
        : { start: previous.start, end: previous.end! }
      : (located.get(object.num) ?? locateOnce(object));
    written.set(object.num, {
      num: object.num,
      gen: object.gen,
      start: place?.start,
      end: place?.end,
      body: objectText(object.num, object.gen, entries, data),
    });
    current.set(object.num, entries);
  };
  const locateOnce = (object: { num: number; gen: number }) => {
    const reference = `${object.num} ${object.gen} R`;
    const found = locate(reference).streamAt < 0 ? read(reference) : readStream(reference);
    const place = { start: found.start, end: found.end };
    // A stream ends after its data (readStream knows where), a dictionary at its endobj.
    located.set(object.num, place);
    return place;
  };
  let nextNum = xref.offsets.length;
  const objects: PdfObjects = {
    read: (reference) => {
      const object = read(reference);
      located.set(object.num, { start: object.start, end: object.end });
      const now = current.get(object.num);
      return now ? { ...object, entries: now } : object;
    },
    readStream: (reference) => {
      const object = readStream(reference);
      located.set(object.num, { start: object.start, end: object.end });
      return object;
    },
    change: (object, entries) => replace(object, entries),
    changeStream: (object, entries, data) => replace(object, entries, data),
    add: (entries, data) => {
      const num = nextNum++;
      written.set(num, { num, gen: 0, body: objectText(num, 0, entries, data) });
      current.set(num, entries);
      return `${num} 0 R`;
    },
    entriesOf: (reference) => {
      const ref = parseReference(reference) ?? fail(`not a reference: ${reference}`);
      return current.get(ref.num) ?? objects.read(reference).entries;
    },
  };

  const info = objects.read(getEntry(trailer, '/Info'));
  objects.change(
    info,
    edits.info.reduce((entries, [key, value]) => setEntry(entries, key, value), info.entries),
  );

  const catalog = objects.read(getEntry(trailer, '/Root'));
  let catalogEntries = edits.catalog.reduce((entries, [key, value]) => setEntry(entries, key, value), catalog.entries);
  if (edits.viewerPreferences.length) {
    const preferencesValue = getEntry(catalogEntries, '/ViewerPreferences');
    if (preferencesValue !== undefined && !preferencesValue.startsWith('<<')) fail('/ViewerPreferences is not inline');
    const preferences = preferencesValue === undefined ? [] : parsePdfDict(preferencesValue, 0).entries;
    const edited = edits.viewerPreferences.reduce((entries, [key, value]) => setEntry(entries, key, value), preferences);
    catalogEntries = setEntry(catalogEntries, '/ViewerPreferences', writePdfDict(edited));
  }
  if (edits.xmp !== undefined) {
    if (getEntry(catalogEntries, '/Metadata') !== undefined) fail('the catalog has /Metadata already');
    const xmp = objects.add(
      [
        { key: '/Type', value: '/Metadata' },
        { key: '/Subtype', value: '/XML' },
      ],
      Buffer.from(edits.xmp, 'utf8'),
    );
    catalogEntries = setEntry(catalogEntries, '/Metadata', xmp);
  }
  if (accessibility) catalogEntries = accessibility(objects, catalogEntries);
  objects.change(catalog, catalogEntries);

  const pages = Number(getEntry(objects.read(getEntry(catalog.entries, '/Pages')).entries, '/Count'));
  if (!Number.isInteger(pages) || pages < 0) fail('no page count');

  const outlines = getEntry(catalog.entries, '/Outlines');
  if (edits.outlineTitle && outlines !== undefined) {
    const seen = new Set<number>();
    for (let next = getEntry(objects.read(outlines).entries, '/First'); next !== undefined;) {
      const item = objects.read(next);
      if (seen.has(item.num)) fail('the outline loops');
      seen.add(item.num);
      const title = getEntry(item.entries, '/Title');
      if (title !== undefined) {
        const text = decodeTextString(title) ?? fail('an outline title is not a string');
        const retitled = edits.outlineTitle(text);
        if (retitled !== undefined) objects.change(item, setEntry(item.entries, '/Title', retitled));
      }
      next = getEntry(item.entries, '/Next');
    }
  }

  const header = edits.version && /^1\.\d$/.test(edits.version) && edits.version > version ? `%PDF-${edits.version}` : undefined;
  return write(buf, header, xref, [...written.values()], pages);
}

function write(buf: Buffer, header: string | undefined, xref: Xref, objects: Written[], pages: number): SplicedPdf {
  const inPlace = objects.filter((o) => o.start !== undefined).sort((a, b) => a.start! - b.start!);
  const added = objects.filter((o) => o.start === undefined).sort((a, b) => a.num - b.num);
  const parts: Buffer[] = [];
  const shifts: { at: number; end: number; by: number }[] = [];
  // The header keeps its length: nothing moves.
  if (header) parts.push(Buffer.from(header, 'latin1'));
  let position = header?.length ?? 0;
  let shift = 0;
  for (const object of inPlace) {
    if (object.start! < position) fail('edited objects overlap');
    parts.push(buf.subarray(position, object.start), object.body);
    shift += object.body.length - (object.end! - object.start!);
    shifts.push({ at: object.start!, end: object.end!, by: shift });
    position = object.end!;
  }
  parts.push(buf.subarray(position, xref.at));
  // Offsets of the objects after the edits, old ones moved by the edits that end before them.
  const offsets = xref.offsets.map((offset, num) => {
    if (!xref.inUse[num]) return offset;
    let by = 0;
    for (const s of shifts) {
      if (s.at < offset && offset < s.end) fail(`object ${num} lies inside an edited object`);
      if (s.end <= offset) by = s.by;
    }
    return offset + by;
  });
  let end = xref.at + shift;
  for (const object of added) {
    if (object.num !== offsets.length) fail('added objects out of order');
    offsets.push(end);
    xref.gens.push(0);
    xref.inUse.push(true);
    const body = Buffer.concat([object.body, Buffer.from('\n', 'latin1')]);
    parts.push(body);
    end += body.length;
  }

  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  const id = hash.digest('hex').slice(0, 32);

  // One table section for every object, 20 bytes an entry.
  const table = Buffer.alloc(offsets.length * 20 + `xref\n0 ${offsets.length}\n`.length);
  let at = table.write(`xref\n0 ${offsets.length}\n`, 0, 'latin1');
  for (let num = 0; num < offsets.length; num++, at += 20) {
    // `0000012345 00000 n\r\n`, digit by digit (a string for each of hundreds of entries was a tenth of the time here).
    const free = !xref.inUse[num];
    writeDigits(table, at, 10, free ? (xref.offsets[num] ?? 0) : offsets[num]!);
    table[at + 10] = 32;
    writeDigits(table, at + 11, 5, xref.gens[num]!);
    table[at + 16] = 32;
    table[at + 17] = free ? 102 : 110;
    table[at + 18] = 13;
    table[at + 19] = 10;
  }
  let trailer = setEntry(xref.trailer, '/ID', `[<${id}> <${id}>]`);
  trailer = setEntry(trailer, '/Size', String(offsets.length));
  parts.push(table, Buffer.from(`trailer\n${writePdfDict(trailer)}\nstartxref\n${end}\n%%EOF\n`, 'latin1'));
  const out = Buffer.concat(parts);
  return { pdf: new Uint8Array(out.buffer, out.byteOffset, out.byteLength), pages };
}

/** `value` as `width` decimal digits, zero-padded, at `at`. */
function writeDigits(out: Buffer, at: number, width: number, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value >= 10 ** width) fail(`${value} does not fit in ${width} digits`);
  for (let i = at + width - 1; i >= at; i--) {
    out[i] = 48 + (value % 10);
    value = Math.floor(value / 10);
  }
}

interface Xref {
  /** Where `xref` starts (startxref). */
  at: number;
  /** Where `trailer` starts. */
  trailerAt: number;
  /** Per object number: its offset, generation, whether in use, and where its 20-byte entry is. */
  offsets: number[];
  gens: number[];
  inUse: boolean[];
  entryAt: number[];
  trailer: DictEntry[];
}

const isDigit = (c: number | undefined) => c !== undefined && c >= 48 && c <= 57;

/** Digits of `buf` from `at` to `end`, as a number (NaN if any is not a digit). */
function digits(buf: Buffer, at: number, end: number): number {
  let value = 0;
  for (let i = at; i < end; i++) {
    const c = buf[i];
    if (!isDigit(c)) return NaN;
    value = value * 10 + c! - 48;
  }
  return value;
}

/** A classic cross-reference table and its trailer (§7.5.4, §7.5.5): `xref`, sections of 20-byte entries, `trailer <<…>>`, `startxref`. */
function parseXref(buf: Buffer, at: number, end: number): Xref {
  if (buf.toString('latin1', at, at + 4) !== 'xref') fail('no xref table at startxref');
  const offsets: number[] = [];
  const gens: number[] = [];
  const inUse: boolean[] = [];
  const entryAt: number[] = [];
  const header = /[ \t]*(\d+) (\d+)[ \t]*(?:\r\n|\r|\n)/y;
  const space = (i: number) => {
    while (i < end && (buf[i] === 32 || buf[i] === 10 || buf[i] === 13)) i++;
    return i;
  };
  let i = space(at + 4);
  while (buf.toString('latin1', i, i + 7) !== 'trailer') {
    const line = buf.toString('latin1', i, Math.min(end, i + 40));
    header.lastIndex = 0;
    const match = header.exec(line) ?? fail('bad xref section header');
    const first = Number(match[1]);
    const count = Number(match[2]);
    if (first !== offsets.length) fail('xref sections out of order');
    i += header.lastIndex;
    if (i + count * 20 > end) fail('xref table cut short');
    for (let n = 0; n < count; n++, i += 20) {
      // `0000012345 00000 n` and a two-byte end of line.
      const offset = digits(buf, i, i + 10);
      const gen = digits(buf, i + 11, i + 16);
      const kind = buf[i + 17];
      const eol = buf[i + 18]! * 256 + buf[i + 19]!;
      if (
        Number.isNaN(offset) ||
        Number.isNaN(gen) ||
        buf[i + 10] !== 32 ||
        buf[i + 16] !== 32 ||
        (kind !== 110 && kind !== 102) ||
        (eol !== 0x200d && eol !== 0x200a && eol !== 0x0d0a)
      ) {
        fail(`bad xref entry ${first + n}`);
      }
      offsets.push(offset);
      gens.push(gen);
      inUse.push(kind === 110);
      entryAt.push(i);
    }
    i = space(i);
  }
  const text = buf.toString('latin1', i, end);
  const dict = parsePdfDict(text, skipSpace(text, 'trailer'.length));
  if (skipSpace(text, dict.end) !== text.length) fail('something after the trailer');
  return { at, trailerAt: i, offsets, gens, inUse, entryAt, trailer: dict.entries };
}
