/**
 * Hand-written scanners step through text a character (code point) at a time: on text
 * that is mostly ASCII they are much faster than Unicode-property expressions searched
 * over the whole text. A character is asked of `ascii` (by its code) when it is ASCII,
 * else of `unicode` (an expression anchored on one character, such as /^\p{L}$/u).
 */

export const isHighSurrogate = (code: number) => (code & 0xfc00) === 0xd800;
export const isLowSurrogate = (code: number) => (code & 0xfc00) === 0xdc00;

/** A class of characters: ASCII by a table of its codes (1 = in the class), the rest by an expression for one character. */
export interface CharClass {
  ascii: Uint8Array;
  unicode: RegExp;
}

/** A class whose ASCII members are the characters of `ascii`. */
function charClass(ascii: string, unicode: RegExp): CharClass {
  const table = new Uint8Array(0x80);
  for (const char of ascii) table[char.charCodeAt(0)] = 1;
  return { ascii: table, unicode };
}

/** The length (1, or 2 for a surrogate pair) of the character at `i` if it is in `cls`, else 0. */
export function classAt(text: string, i: number, cls: CharClass): number {
  const code = text.charCodeAt(i);
  if (code < 0x80) return cls.ascii[code]!;
  if (Number.isNaN(code)) return 0;
  const size = isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
  return cls.unicode.test(size === 2 ? text.slice(i, i + 2) : text[i]!) ? size : 0;
}

/** The same for the character that ends at `end`. */
function classBefore(text: string, end: number, cls: CharClass): number {
  if (end <= 0) return 0;
  const code = text.charCodeAt(end - 1);
  if (code < 0x80) return cls.ascii[code]!;
  const size = isLowSurrogate(code) && end >= 2 && isHighSurrogate(text.charCodeAt(end - 2)) ? 2 : 1;
  return cls.unicode.test(size === 2 ? text.slice(end - 2, end) : text[end - 1]!) ? size : 0;
}

/** Where the run of `cls` characters that contains (or starts at) `at` begins, not before `floor`. */
export function runStart(text: string, at: number, cls: CharClass, floor = 0): number {
  let start = at;
  for (let size = classBefore(text, start, cls); size && start - size >= floor; size = classBefore(text, start, cls)) start -= size;
  return start;
}

/** Where the run of `cls` characters from `at` ends. */
export function runEnd(text: string, at: number, cls: CharClass): number {
  let end = at;
  for (let size = classAt(text, end, cls); size; size = classAt(text, end, cls)) end += size;
  return end;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

/** \p{L} */
export const LETTER = charClass(LETTERS, /^\p{L}$/u);
/** [\p{L}\p{N}] */
export const LETTER_OR_DIGIT = charClass(LETTERS + DIGITS, /^[\p{L}\p{N}]$/u);
/** [\p{L}\p{N}'’]: the characters of a word with its apostrophes. */
export const WORD_CHAR = charClass(`${LETTERS}${DIGITS}'`, /^[\p{L}\p{N}'’]$/u);
