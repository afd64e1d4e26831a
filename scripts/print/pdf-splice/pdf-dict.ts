/**
 * Just enough PDF syntax to edit a dictionary without understanding all of it: a dictionary
 * is read as its entries, each value kept as the exact text it was written as, so entries
 * we do not change are written back byte for byte. Works on latin1 strings (one char per
 * byte). Anything malformed throws `PdfSyntaxError`, for the caller to fall back on a full
 * PDF library rather than guess.
 */

export class PdfSyntaxError extends Error {
  /** The text ended before the object did (`unterminated …`). */
  get truncated(): boolean {
    return this.message.startsWith('unterminated');
  }
}

export interface DictEntry {
  /** The key as written, with its slash (`/Title`). */
  key: string;
  /** The value as written (`(Hello)`, `12 0 R`, `<</A 1>>`). */
  value: string;
}

export interface ParsedDict {
  entries: DictEntry[];
  /** Index just after the closing `>>`. */
  end: number;
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 0;
// ( ) < > [ ] { } / %
const isDelimiter = (c: number) =>
  c === 40 || c === 41 || c === 60 || c === 62 || c === 91 || c === 93 || c === 123 || c === 125 || c === 47 || c === 37;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** Skip whitespace and comments from `i`. */
export function skipSpace(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) i++;
    else if (c === 37) while (i < s.length && s.charCodeAt(i) !== 10 && s.charCodeAt(i) !== 13) i++;
    else break;
  }
  return i;
}

/** End of the run of regular characters (a name's body, a number, a keyword) starting at `i`. */
function regularEnd(s: string, i: number): number {
  while (i < s.length && !isSpace(s.charCodeAt(i)) && !isDelimiter(s.charCodeAt(i))) i++;
  return i;
}

function fail(s: string, i: number, what: string): never {
  throw new PdfSyntaxError(`${what} at ${i}: ${JSON.stringify(s.slice(i, i + 20))}`);
}

/** Index just after the value (object) that starts at `i`; an indirect reference `12 0 R` is one value. */
function valueEnd(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 40) return literalStringEnd(s, i);
  if (c === 60) {
    if (s.charCodeAt(i + 1) === 60) return parsePdfDict(s, i).end;
    const close = s.indexOf('>', i);
    if (close < 0) fail(s, i, 'unterminated hex string');
    if (!/^<[\s0-9A-Fa-f]*$/.test(s.slice(i, close))) fail(s, i, 'bad hex string');
    return close + 1;
  }
  if (c === 91) {
    let j = skipSpace(s, i + 1);
    while (s.charCodeAt(j) !== 93) {
      if (j >= s.length) fail(s, i, 'unterminated array');
      j = skipSpace(s, valueEnd(s, j));
    }
    return j + 1;
  }
  if (c === 47) return regularEnd(s, i + 1);
  const end = regularEnd(s, i);
  if (end === i) fail(s, i, 'unexpected character');
  if (isDigit(c) && /^\d+$/.test(s.slice(i, end))) {
    // `12 0 R`: an object number, a generation and R make one reference.
    const gen = skipSpace(s, end);
    const genEnd = regularEnd(s, gen);
    if (genEnd > gen && /^\d+$/.test(s.slice(gen, genEnd))) {
      const r = skipSpace(s, genEnd);
      if (s.charCodeAt(r) === 82 && regularEnd(s, r) === r + 1) return r + 1;
    }
  }
  return end;
}

function literalStringEnd(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 92)
      j++; // a backslash escapes the next character
    else if (c === 40) depth++;
    else if (c === 41 && --depth === 0) return j + 1;
  }
  return fail(s, i, 'unterminated string');
}

/** Read the dictionary that starts at `i` (at `<<`). */
export function parsePdfDict(s: string, i: number): ParsedDict {
  if (!s.startsWith('<<', i)) fail(s, i, 'expected a dictionary');
  const entries: DictEntry[] = [];
  let j = skipSpace(s, i + 2);
  while (!s.startsWith('>>', j)) {
    if (j >= s.length) fail(s, i, 'unterminated dictionary');
    if (s.charCodeAt(j) !== 47) fail(s, j, 'expected a name');
    const keyEnd = regularEnd(s, j + 1);
    const start = skipSpace(s, keyEnd);
    if (start >= s.length) fail(s, i, 'unterminated dictionary');
    const end = valueEnd(s, start);
    entries.push({ key: s.slice(j, keyEnd), value: s.slice(start, end) });
    j = skipSpace(s, end);
  }
  return { entries, end: j + 2 };
}

/** A name as its bytes mean it (`/A#20B` is `/A B`), for comparing keys. */
function decodeName(key: string): string {
  return key.includes('#') ? key.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : key;
}

/** The value of `key` (`/Title`), as written. */
export function getEntry(entries: DictEntry[], key: string): string | undefined {
  return entries.find((entry) => decodeName(entry.key) === key)?.value;
}

/** Set (in place, or appended) or, with `undefined`, remove `key`. */
export function setEntry(entries: DictEntry[], key: string, value: string | undefined): DictEntry[] {
  const at = entries.findIndex((entry) => decodeName(entry.key) === key);
  if (value === undefined) return at < 0 ? entries : entries.filter((_, n) => n !== at);
  if (at < 0) return [...entries, { key, value }];
  return entries.map((entry, n) => (n === at ? { key, value } : entry));
}

export function writePdfDict(entries: DictEntry[]): string {
  return `<<${entries.map((entry) => `${entry.key} ${entry.value}`).join('\n')}>>`;
}

/** The object number and generation of an indirect reference (`12 0 R`), or undefined. */
export function parseReference(value: string | undefined): { num: number; gen: number } | undefined {
  const match = value === undefined ? null : /^(\d+)\s+(\d+)\s+R$/.exec(value);
  return match ? { num: Number(match[1]), gen: Number(match[2]) } : undefined;
}

/** The items of an array (`[1 0 R 2 <</A 1>>]`), each as written; a value that is not an array is one item. */
export function parsePdfArray(value: string): string[] {
  const s = value.trim();
  if (!s.startsWith('[')) return s === '' ? [] : [s];
  const items: string[] = [];
  let j = skipSpace(s, 1);
  while (s.charCodeAt(j) !== 93) {
    if (j >= s.length) fail(s, 0, 'unterminated array');
    const end = valueEnd(s, j);
    items.push(s.slice(j, end));
    j = skipSpace(s, end);
  }
  return items;
}
