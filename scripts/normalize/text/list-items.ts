/**
 * List item markers of plain-text extractions: bullets (`-`, `*`, `•`, `◦`, `▪`, `o`, private-use
 * glyphs such as U+F0B7) and numbers (`1.`, `1)`, `(1)`, `a.`, `(a)`, `iv.`).
 */

export interface ItemMarker {
  ordered: boolean;
  /** The glyph, or the kind of numbering (`1`, `a`, `i`). */
  marker: string;
  /** The number of an ordered item (a = 1). */
  number?: number;
  /** Leading white space before the marker. */
  indent: number;
  /** The item's text. */
  text: string;
}

const glyphItem = /^(\s*)([•●■►▸➢➤✓✔‣⁃∙·▪◦○\u2043\uE000-\uF8FF])\s*(\S.*)$/u;
const asciiItem = /^(\s*)([-*+–])\s+(\S.*)$/;
/** Word's "o" bullet (Courier New's circle) as extracted: "o Fish and insects …". */
const letterOItem = /^(\s*)(o)\s+([^\s,.;:!?].*)$/;
const numberItem = /^(\s*)(?:(\d{1,2})[.)]|\((\d{1,2})\))\s+(\S.*)$/;
const letterItem = /^(\s*)(?:([a-h])[.)]|\(([a-h])\))\s+(\S.*)$/;
const romanItem = /^(\s*)(?:(i{1,3}|iv|v|vi{1,3}|ix|x)[.)]|\((i{1,3}|iv|v|vi{1,3}|ix|x)\))\s+(\S.*)$/;
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10 };

/** A line that is only a bullet glyph (the item's text is on the next line). */
export const isLoneGlyph = (text: string) => /^\s*[•●■►▸➢➤✓✔‣⁃∙·▪◦○\u2043\uE000-\uF8FF-]\s*$/u.test(text);

export function parseItem(text: string): ItemMarker | undefined {
  let m = glyphItem.exec(text);
  if (m) return { ordered: false, marker: m[2]!, indent: m[1]!.length, text: m[3]! };
  m = asciiItem.exec(text);
  if (m) return { ordered: false, marker: m[2]!, indent: m[1]!.length, text: m[3]! };
  m = letterOItem.exec(text);
  if (m) return { ordered: false, marker: m[2]!, indent: m[1]!.length, text: m[3]! };
  m = numberItem.exec(text);
  if (m) return { ordered: true, marker: m[3] ? '(1)' : '1', number: Number(m[2] ?? m[3]), indent: m[1]!.length, text: m[4]! };
  m = romanItem.exec(text);
  if (m) return { ordered: true, marker: 'i', number: ROMAN[m[2] ?? m[3]!]!, indent: m[1]!.length, text: m[4]! };
  m = letterItem.exec(text);
  if (m) return { ordered: true, marker: 'a', number: (m[2] ?? m[3])!.charCodeAt(0) - 96, indent: m[1]!.length, text: m[4]! };
  return undefined;
}

/** Glyphs that usually mark a second level under another glyph. */
export const isSubGlyph = (marker: string) => /^[◦○▪o\u2043\uf0a7–]$/u.test(marker);
