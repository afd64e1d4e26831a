/**
 * Footnotes at the foot of a PDF's pages, as word processors and typesetters set them
 * (LibreOffice and Word, WeasyPrint, TeX): below the page's text, in smaller type, each
 * note opening with its number (raised, or in line: "1GAO, …", "1. https://…"), where the
 * text above calls that number. They become GFM footnote definitions at the end of the
 * body; a note's later lines (and its lines on the next page) go on with it.
 */
import type { PdfLine } from './layout-lines.js';
import { FOOTNOTE_CALL } from './layout-lines.js';

/** A note's number at the start of its first line, raised (a call mark) or in line. */
const NOTE_START = new RegExp(
  `^(?:${FOOTNOTE_CALL}(\\d{1,3})${FOOTNOTE_CALL}|(\\d{1,3})(?:[.)]\\s*|\\s+|(?=[\\p{Lu}\\p{Ll}("“'‘]|https?:)))`,
  'u',
);

export interface PageNote {
  number: number;
  indexes: number[];
}

/** The number a note's first line opens with, and the line's text without it. */
export const noteNumber = (text: string) => {
  const m = NOTE_START.exec(text);
  return m ? { number: Number(m[1] ?? m[2]), rest: text.slice(m[0].length) } : undefined;
};

/** The notes at the foot of the pages, in order; `skip` says which lines are no part of the body. */
export function pageNotes(lines: readonly PdfLine[], skip: (i: number) => boolean, body: number): PageNote[] {
  const called = new Set<number>();
  for (const line of lines)
    for (const m of line.text.matchAll(new RegExp(`${FOOTNOTE_CALL}(\\d{1,3})${FOOTNOTE_CALL}`, 'g'))) called.add(Number(m[1]));
  if (!called.size) return [];
  const notes: PageNote[] = [];
  let expected = Math.min(...called);
  const pages = [...new Set(lines.map((l) => l.page))];
  for (const page of pages) {
    const on = lines.map((line, i) => ({ line, i })).filter(({ line, i }) => line.page === page && !skip(i));
    // The page's text ends with its last line in the body's type; the notes are below it, smaller.
    const text = on.filter(({ line }) => line.size >= body * 0.95 && !line.table);
    const floor = Math.min(...text.map(({ line }) => line.y));
    const foot = on.filter(({ line }) => line.y < floor - body * 0.5 && line.size <= body * 0.92).sort((a, b) => b.line.y - a.line.y);
    if (!foot.length) continue;
    // The foot opens with the next note; under a "Notes" heading, the notes are a list of their own (footnote-list.ts).
    if (noteNumber(foot[0]!.line.text)?.number !== expected) continue;
    let k = foot[0]!.i - 1;
    while (k >= 0 && skip(k)) k--;
    const above = lines[k];
    if (above && /^(?:foot|end)?notes$/i.test(above.text.trim())) continue;
    let current: PageNote | undefined;
    for (const { line, i } of foot) {
      const opens = noteNumber(line.text);
      if (opens && opens.number === expected && called.has(opens.number)) {
        current = { number: opens.number, indexes: [i] };
        notes.push(current);
        expected++;
      } else if (current) current.indexes.push(i);
    }
  }
  return notes;
}
