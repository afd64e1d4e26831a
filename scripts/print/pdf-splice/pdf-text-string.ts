/**
 * PDF text strings (document information, outline titles), written and read as the PDF
 * specification (§7.9.2.2) has them: printable ASCII as a literal string with `\`, `(`
 * and `)` escaped, anything else as UTF-16BE with a byte order mark in a hex string, the
 * way Chromium (Skia) writes them and as pdf-lib's `PDFHexString.fromText` does. Reading
 * takes literal and hex strings in PDFDocEncoding, UTF-16BE or UTF-8 (with their marks).
 */

/** A string as a PDF text string token: `(Plain \(text\))` or `<FEFF…>`. */
export function encodeTextString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, '\\$&')})`;
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** The text of a string token (`(…)` or `<…>`) as written in a PDF; undefined when it is not a string. */
export function decodeTextString(token: string): string | undefined {
  const bytes = token.startsWith('(') ? literalBytes(token) : /^<[^<]/.test(token) ? hexBytes(token) : undefined;
  return bytes && decodeText(bytes);
}

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(PDF_DOC_ENCODING[byte] ?? byte);
  return text;
}

function hexBytes(token: string): Uint8Array {
  const hex = token.slice(1, -1).replace(/\s+/g, '');
  // An odd final digit is followed by an implied 0 (§7.3.4.3).
  const even = hex.length % 2 ? `${hex}0` : hex;
  return Uint8Array.from(even.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

const ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };

function literalBytes(token: string): Uint8Array {
  const body = token.slice(1, -1);
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\r') {
      // An end of line in a string is a line feed, whichever way it was written.
      out.push(10);
      if (body[i + 1] === '\n') i++;
    } else if (c !== '\\') {
      out.push(c.charCodeAt(0));
    } else {
      const next = body[i + 1] ?? '';
      const octal = /^[0-7]{1,3}/.exec(body.slice(i + 1, i + 4))?.[0];
      if (octal) {
        out.push(parseInt(octal, 8) & 0xff);
        i += octal.length;
      } else if (next === '\r' || next === '\n') {
        // A backslash at the end of a line continues the string on the next.
        i += next === '\r' && body[i + 2] === '\n' ? 2 : 1;
      } else {
        // An unknown escape stands for the character itself.
        out.push(ESCAPES[next] ?? next.charCodeAt(0));
        i++;
      }
    }
  }
  return Uint8Array.from(out);
}

/** PDFDocEncoding's differences from Latin-1 (Table D.2); other bytes are the same code point. */
const PDF_DOC_ENCODING: Record<number, number> = {
  0x18: 0x02d8,
  0x19: 0x02c7,
  0x1a: 0x02c6,
  0x1b: 0x02d9,
  0x1c: 0x02dd,
  0x1d: 0x02db,
  0x1e: 0x02da,
  0x1f: 0x02dc,
  0x80: 0x2022,
  0x81: 0x2020,
  0x82: 0x2021,
  0x83: 0x2026,
  0x84: 0x2014,
  0x85: 0x2013,
  0x86: 0x0192,
  0x87: 0x2044,
  0x88: 0x2039,
  0x89: 0x203a,
  0x8a: 0x2212,
  0x8b: 0x2030,
  0x8c: 0x201e,
  0x8d: 0x201c,
  0x8e: 0x201d,
  0x8f: 0x2018,
  0x90: 0x2019,
  0x91: 0x201a,
  0x92: 0x2122,
  0x93: 0xfb01,
  0x94: 0xfb02,
  0x95: 0x0141,
  0x96: 0x0152,
  0x97: 0x0160,
  0x98: 0x0178,
  0x99: 0x017d,
  0x9a: 0x0131,
  0x9b: 0x0142,
  0x9c: 0x0153,
  0x9d: 0x0161,
  0x9e: 0x017e,
  0xa0: 0x20ac,
};
