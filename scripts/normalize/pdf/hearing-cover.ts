/**
 * A hearing testimony's cover block at the head of a PDF's first page, one field a line, as a
 * Word document sets it ("Statement of" / witness / position / "Before the" / committee / "On"
 * / topic / date): its fields are read as the text readers read them (text/hearing-cover.ts).
 * The topic is the title, the witness the author; the other lines stay as the statement sets
 * them, lines and never headings, and a field's word alone on its line ("On") goes.
 */
import { coverFields } from '../text/hearing-cover.js';
import type { PdfLine } from './layout-lines.js';
import type { RemovedLines } from './removed-lines.js';

export interface PdfCover {
  page: number;
  /** The topic's lines (the title). */
  title: number[];
  /** The topic's first line, when it opens with the field's word ("On Reauthorization of NTIA"). */
  inline?: number;
  /** The witness's name, without the position, and its line. */
  witness?: { name: string; index: number };
  /** The cover's other lines: they stay in the body, as lines. */
  rest: number[];
}

/** Running text: a long line, or a sentence's end. */
const running = (text: string) => {
  const words = text.trim().split(/\s+/).length;
  return words >= 11 || (words >= 5 && /[.!?]["”’)]?$/.test(text.trim()));
};

export function pdfHearingCover(lines: readonly PdfLine[], removed: RemovedLines): PdfCover | undefined {
  const page = lines.find((line) => !line.artifact)?.page ?? 1;
  const top: number[] = [];
  for (let i = 0; i < lines.length && top.length < 16; i++) {
    const line = lines[i]!;
    if (removed.has(i) || line.artifact) continue;
    if (line.page !== page || running(line.text)) break;
    top.push(i);
  }
  const fields = coverFields(top.map((i) => lines[i]!.text.trim()));
  if (!fields) return undefined;
  const title = top.slice(fields.from, fields.end);
  // A field's word alone on its line ("On") is no part of the text.
  if (!fields.inline) removed.remove(top[fields.field]!, 'hearing-cover');
  const cover: PdfCover = { page, title, rest: top.filter((i, n) => (n < fields.from || n >= fields.end) && !removed.has(i)) };
  if (fields.inline) cover.inline = title[0]!;
  if (fields.witness) cover.witness = { name: fields.witness.name, index: top[fields.witness.index]! };
  return cover;
}
