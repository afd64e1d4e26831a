/**
 * The brief's date when the top gave none: a dateline's at the start of the text, or the
 * first row's of a listing that is all table. A text with no date gets a note.
 */
import type { VFile } from 'vfile';
import { report } from '../../core/rules.js';
import { placeOf, type SourceLine } from '../text/source-lines.js';
import { datelineDate, guessDatelineDate } from '../text/dateline.js';
import { listingDate } from '../text/listing.js';
import { permalinkDay } from '../text/browser-print.js';
import { reportGuess } from '../text/guessed.js';
import { withoutPlaceDash } from '../text/summary.js';
import { type FoundDate, parseDateLine } from '../text/dates.js';
import { salutation, subjectLine } from '../text/blocks.js';
import type { Block } from '../text/blocks.js';

type Paragraph = Extract<Block, { type: 'paragraph' }>;
type Table = Extract<Block, { type: 'table' }>;

/** The first paragraph of eight words or more: running text. */
export const firstParagraphOf = (blocks: readonly Block[]): Paragraph | undefined =>
  blocks.find((b): b is Paragraph => b.type === 'paragraph' && b.text.split(/\s+/).length >= 8);

/** A listing that is all table (a digest of releases, newest first): its first row, else none. */
export function openingTableRow(blocks: readonly Block[]): { table?: Table; row: string[] } {
  const table = firstParagraphOf(blocks) ? undefined : blocks.find((b): b is Table => b.type === 'table');
  return table ? { table, row: table.rows[1] ?? [] } : { row: [] };
}

/**
 * The date of the text: the top's, else a dateline's, else the opening table's, else the day
 * in the page's address (`address`, a browser print's: a blog's permalink); a note when there is none.
 */
export function textDate(file: VFile, blocks: readonly Block[], topDate: string | undefined, address?: string): string | undefined {
  let date = topDate;
  // A dateline's date ("WASHINGTON, D.C. – January 15, 2020 – …", "Geneva 31.01.11 – …").
  if (!date) date = guessDatelineDate(file, blocks);
  // A letter's own date, on a line of its own above its inside address or its salutation, in a
  // page that introduces the letter ("You can read the full comments here:" / "April 21, 2022" /
  // "The Honorable …").
  if (!date) date = letterDate(file, blocks);
  // A listing that is all table (a digest of releases, newest first): its first row's date and text.
  const { table, row } = openingTableRow(blocks);
  if (!date && table) date = listingDate(file, row, placeOf(table.line));
  const day = date ? undefined : permalinkDay(address);
  if (day) {
    date = day;
    reportGuess(file, 'date', day, 'the day in the page’s address (its print footer)', placeOf(blocks.at(-1)?.line));
  }
  if (!date)
    report(file, 'date-missing', 'the text gives no date: add `date: YYYY-MM-DD` to the front matter before printing', {
      place: { line: 1, column: 1 },
      severity: 'info',
    });
  return date;
}

/**
 * Does the text open with a press release's dateline: a date at the start of its first or second
 * paragraph, or a place and a dash ("WASHINGTON – On Thursday, …")?
 */
export function opensWithDateline(blocks: readonly Block[]): boolean {
  const paragraphs = blocks.filter((b): b is Paragraph => b.type === 'paragraph' && b.text.split(/\s+/).length >= 8).map((b) => b.text);
  return datelineDate(paragraphs) !== undefined || (paragraphs[0] !== undefined && withoutPlaceDash(paragraphs[0]) !== paragraphs[0]);
}

/**
 * The date of a letter the text carries: a paragraph that is only a date, among the text's first
 * blocks, right above the letter's inside address (lines) or its salutation or subject line.
 */
function letterDate(file: VFile, blocks: readonly Block[]): string | undefined {
  const k = blocks.slice(0, 8).findIndex((b) => b.type === 'paragraph' && parseDateLine(b.text) !== undefined && !/:\s*\S/.test(b.text));
  if (k < 0) return undefined;
  const next = blocks[k + 1];
  const opensLetter = next?.type === 'lines' || (next?.type === 'paragraph' && (salutation.test(next.text) || subjectLine.test(next.text)));
  if (!opensLetter) return undefined;
  const block = blocks[k] as Paragraph;
  const iso = parseDateLine(block.text)!.iso;
  reportGuess(file, 'date', iso, 'the date line of the letter in the text', placeOf(block.line));
  return iso;
}

/** The note for a date with a month and year only ("January 2018"): `date` is the first of the month. */
export function reportMonthOnly(file: VFile, found: FoundDate, line: SourceLine): void {
  report(
    file,
    'date-month-only',
    `the date "${found.text}" names no day: \`date\` is the first of the month (${found.iso}); correct it if the day is known`,
    {
      place: placeOf(line),
      severity: 'info',
    },
  );
}
