/**
 * Bytes → text. UTF-8 (BOM stripped), UTF-16 with a BOM (or without one, when every
 * other byte is NUL), Windows-1252 when the bytes are not valid UTF-8 (with a warning),
 * mojibake repaired, Unicode NFC. Empty and binary files are fatal.
 */
import type { VFile } from 'vfile';
import { decodeCp1252 } from './cp1252.js';
import * as mojibake from '../rules/repair-mojibake.js';
import { placeAt } from './place.js';
import { describeCodePoint, stripControlCharacters } from '../../core/control-characters.js';
import { overSizeLimit } from '../../core/byte-size.js';
import { defineRule, report } from '../../core/rules.js';

/** A brief's text is a few kilobytes; past this it is the wrong file, or a book (some 300 printed pages). */
export const MAX_SOURCE_BYTES = 1024 * 1024;

/** Known binary formats by their first bytes. */
const MAGIC: [string, number[]][] = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a ZIP archive (or a .docx/.odt document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['an old Word/Office document', [0xd0, 0xcf, 0x11, 0xe0]],
  ['an RTF document', [0x7b, 0x5c, 0x72, 0x74, 0x66]],
];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);

/** Guess UTF-16 without a BOM: NULs in the odd (LE) or even (BE) positions of mostly-ASCII text. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = bytes.subarray(0, 4096);
  if (sample.length < 4 || sample.length % 2) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 ? odd++ : even++;
  const half = sample.length / 2;
  if (odd > half * 0.7 && even < half * 0.05) return 'utf-16le';
  if (even > half * 0.7 && odd < half * 0.05) return 'utf-16be';
  return undefined;
}

/** Decode a source's bytes into normalized text, recording what was repaired on `file`. */
export function decodeSource(file: VFile): string {
  const value = file.value;
  let bytes = typeof value === 'string' ? new TextEncoder().encode(value) : new Uint8Array(value);
  if (bytes.length === 0) defineRule('empty-file').fail(file, 'empty file: there is no text to normalize', { line: 1, column: 1 });
  if (bytes.length > MAX_SOURCE_BYTES) {
    defineRule('source-too-large').fail(
      file,
      `too large for a brief: ${overSizeLimit(bytes.length, MAX_SOURCE_BYTES)} (some 300 printed pages); is this the right file? Split it into briefs`,
      { line: 1, column: 1 },
    );
  }

  let text: string;
  let encoding: string | undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  else encoding = guessUtf16(bytes);

  if (encoding) {
    text = new TextDecoder(encoding).decode(bytes); // strips the BOM
    if (!(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) {
      report(file, 'decode-utf16', `no byte order mark, but the text looks like ${encoding.toUpperCase()}; decoded as such`, {
        place: { line: 1, column: 1 },
      });
    } else {
      // A note, not a warning: the text was read correctly; UTF-8 is simply what other tools expect.
      report(
        file,
        'decode-utf16',
        `read as ${encoding.toUpperCase()} (it starts with a byte order mark); saving it as UTF-8 suits more tools`,
        { place: { line: 1, column: 1 }, severity: 'info' },
      );
    }
  } else {
    const magic = MAGIC.find(([, m]) => startsWith(bytes, m));
    const nul = bytes.subarray(0, 8192).indexOf(0);
    if (magic || nul !== -1) {
      const what = magic ? magic[0] : 'binary data (it contains NUL bytes)';
      const hint =
        magic?.[0] === 'a PDF document'
          ? '; extract its text first, e.g. `pdftotext FILE.pdf`'
          : '; briefpress reads plain text and Markdown';
      const place = magic ? { line: 1, column: 1 } : placeAt(decodeCp1252(bytes.subarray(0, nul)), nul);
      defineRule('binary-file').fail(file, `binary file: this looks like ${what}, not text${hint}`, place);
    }
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = decodeCp1252(bytes);
      const bad = firstInvalidUtf8(bytes);
      report(
        file,
        'decode-windows-1252',
        'not valid UTF-8: decoded as Windows-1252; check accented letters and quotes, or save the file as UTF-8',
        { place: placeAt(decodeCp1252(bytes.subarray(0, bad)), bad) },
      );
    }
  }

  const controls = stripControlCharacters(text, { keepFormFeed: true });
  if (controls.count > 0 && controls.first) {
    report(
      file,
      'control-characters',
      `removed ${controls.count} control character${controls.count > 1 ? 's' : ''} no page or feed may hold, e.g. ${describeCodePoint(controls.first.codePoint)}`,
      { place: placeAt(text, controls.first.index) },
    );
    text = controls.text;
  }

  // Composed first: mojibake is looked for in the characters the text will have (`E` + grave is `È`, which it may be part of).
  text = text.normalize('NFC');
  const repaired = mojibake.repairMojibake(text);
  if (repaired.count > 0 && repaired.first) {
    report(
      file,
      mojibake.id,
      `repaired ${repaired.count} garbled character sequence${repaired.count > 1 ? 's' : ''} (mojibake), e.g. \`${repaired.first.from}\` → \`${repaired.first.to}\``,
      { place: placeAt(text, repaired.first.index) },
    );
  }
  text = repaired.text.normalize('NFC');
  if (text.trim() === '') {
    defineRule('empty-file').fail(file, 'no text: the file holds only white space', { line: 1, column: 1 });
  }
  return text;
}

/** Offset of the first byte that breaks UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return 0;
}
