/**
 * The build cache's large JSON files (the archive index, the page keys, related briefs, the
 * store's index: 2-8 MB each at 10,000 briefs, read by every edit) are written in ASCII, every
 * other character escaped as JSON allows (`\u00e9`), and read as one-byte text.
 *
 * Why: Node 20 decodes UTF-8 at about 8 ms a megabyte (70-130 ms for the archive index, read
 * by every edit), while bytes known to be ASCII are taken as Latin-1 text in a millisecond or
 * two; and a single character beyond ASCII makes the whole text, and every string parsed out
 * of it, two bytes a character, twice the memory for the garbage collector to go over. A file
 * written before (with such characters as they are) is still read, as UTF-8.
 */
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';

const BEYOND_ASCII = /[\u007f-\uffff]/g;
const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `text` of JSON (or lines of it) with every character beyond ASCII escaped: the same values
 * when parsed. Only for JSON, where such characters can stand only inside strings.
 */
export function asciiJson(text: string): string {
  return text.replace(BEYOND_ASCII, escape);
}

/** The text of `file` (ASCII as one-byte text, anything else as UTF-8), or undefined when it cannot be read. */
export function readCacheText(file: string): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}
