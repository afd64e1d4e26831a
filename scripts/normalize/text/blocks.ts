/**
 * Plain-text lines → Markdown blocks: hard-wrapped lines joined into paragraphs (with
 * end-of-line hyphenation undone), bullets and numbered items into lists (a blank line
 * between items does not split a list), short title-like lines into `##` headings,
 * short-line groups (addresses, contact blocks) kept as lines.
 */
import { endsWithAbbreviation } from './summary.js';
import { SPEAKER_LINE, speakerLabel, witnessName } from './witness.js';
import type { SourceLine } from './source-lines.js';
import { isBlank } from './source-lines.js';
import { isLoneGlyph, isSubGlyph, parseItem, type ItemMarker } from './list-items.js';
import { keepHyphen, type WordSet } from '../rules/dehyphenate.js';
import { isAllCaps, MINOR_WORDS, toTitleCase } from './title-case.js';
import { findDate, parseDateLine } from './dates.js';
import { toInline, type InlineOptions } from './inline.js';
import { LETTER, runStart } from './code-points.js';
import { isPostalLine } from './letterhead.js';

/** The run of letters that ends at `end`. */
const lettersBefore = (text: string, end: number) => text.slice(runStart(text, end, LETTER), end);

export interface ListItem {
  ordered: boolean;
  marker: string;
  number?: number;
  indent: number;
  level: number;
  text: string;
  line: SourceLine;
}

export type Block =
  | { type: 'heading'; text: string; line: SourceLine; explicit?: boolean }
  | { type: 'quote'; text: string; line: SourceLine }
  | { type: 'paragraph'; text: string; line: SourceLine }
  | { type: 'lines'; texts: string[]; line: SourceLine }
  | { type: 'list'; items: ListItem[]; line: SourceLine }
  | { type: 'break'; line: SourceLine }
  | { type: 'table'; rows: string[][]; line: SourceLine };

export interface BlockOptions {
  /** Width of hard-wrapped lines, when the text is hard-wrapped. */
  wrapWidth?: number;
  /** Words of the whole text (for dehyphenation). */
  words: WordSet;
  /** The text may hold Markdown block syntax (web exports): `### Heading` and `> quote` lines. */
  markdownSyntax?: boolean;
}

const atxHeading = /^ {0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;
const quoteLine = /^ {0,3}>[ \t]?(.*)$/;

/**
 * A web export's bold line standing alone as a heading ("**1. Why the Rule Matters**",
 * "**Existing law**"): all of the line is bold and shaped like a heading. (An emphasized
 * sentence ends in punctuation and stays text.)
 */
function boldHeading(text: string): [string, string] | null {
  const bold = /^\s*(\*\*|__)([^*_]+)\1\s*$/.exec(text);
  return bold && (isHeadingLike(bold[2]!) || /^\d{1,2}[.)]\s+\p{Lu}/u.test(bold[2]!.trim())) && !/[.!?,;]$/.test(bold[2]!.trim())
    ? [bold[0], bold[2]!]
    : null;
}

const endsSentence = (text: string) => /[.!?:;]["”’)\]]*$/.test(text.trim());
const startsLower = (text: string) => /^\s*\p{Ll}/u.test(text);
const hasLink = (text: string) => /https?:\/\/|www\.|@[\w-]+\./.test(text);

/** A filing's number on a line of its own: "Docket No. 101214614-0614-01", "WC Docket No. 17-108", "File No. S7-10-22", "RIN 0660-XA22". */
export const filingNumber =
  /^(?:\p{Lu}{2,4}\s+)?(?:(?:docket|file|case|matter|ref(?:erence)?)\s+(?:no\.?|number|#)\s*[\w./-]*\d[\w./-]*|RIN\s+\d{4}-[A-Z\d]{4})$/iu;

/** Is a line shaped like a heading: short, no final punctuation, capitalized like a title? */
export function isHeadingLike(text: string): boolean {
  const t = text.trim().replace(/:$/, '');
  const words = t.split(/\s+/);
  if (t.length < 3 || t.length > 90 || words.length > 12 || hasLink(t)) return false;
  // A name written in lower case with capitals in it ("auDA’s role", "eBay’s answer") starts a heading as a capital does.
  if (/[.,;!]["”’)]?$/.test(t) || !(/^[\p{Lu}\p{N}"“]/u.test(t) || /^\p{Ll}+\p{Lu}/u.test(t)) || /^\p{N}+$/u.test(t)) return false;
  // "I" and a verb in lower case start a sentence ("I appreciate" / "Chairman Crapo continuing …").
  if (/^I\s+\p{Ll}/u.test(t)) return false;
  if (text.trim().endsWith(':') && (words.length > 5 || !isTitleLike(words))) return false;
  // A field ("Call date: Tues., June 11, 2013", "Call time: 1 p.m.", "Dial-in code: 699082"): a label and a date, time or number.
  const field = /^[^:]{2,30}:\s+(.+)$/.exec(t);
  if (field && (/^[\d\s().+-]{3,}$/.test(field[1]!) || /\b\d{1,2}(?::\d{2})?\s*[ap]\.?m\b/i.test(field[1]!) || findDate(field[1]!)))
    return false;
  // A filing's number on a line of its own ("Docket No. FTC-2022-0003-0001", "WC Docket No. 17-108"): a field, no heading.
  if (filingNumber.test(t)) return false;
  // A sentence cut where its link was ("The full letter is available at", "Read the statement in"): no
  // heading stops on an article or on a word that waits for what follows, unless it is written as a title.
  if (/\s(?:a|an|the|at|of|to|from|in|on|and|or|by|with|is|are|was|were)$/i.test(t) && !isTitleLike(words)) return false;
  // A date line is no heading (asked last: parsing dates costs the most).
  return (isAllCaps(t) || words.length <= 6 || isTitleLike(words)) && !parseDateLine(t);
}

function isTitleLike(words: string[]): boolean {
  const significant = words.filter((w) => !MINOR_WORDS.has(w.toLowerCase()) && /^\p{L}/u.test(w));
  return significant.filter((w) => /^\p{Lu}/u.test(w)).length / Math.max(1, significant.length) >= 0.75;
}

/** Join a wrapped line to the text before it, undoing hyphenation. Looks only at the end of `before` (a paragraph so far). */
export function joinWrapped(before: string, after: string, words: WordSet): string {
  const next = after.trim();
  if (before.endsWith('\u00ad') && lettersBefore(before, before.length - 1)) return before.slice(0, -1) + next; // a soft hyphen marks a hyphenation
  const head = before.endsWith('-') ? lettersBefore(before, before.length - 1) : '';
  const tail = head ? /^\p{L}+/u.exec(next)?.[0] : undefined;
  if (head && tail) return keepHyphen(head, tail, words) ? before + next : before.slice(0, -1) + next;
  if (before.endsWith('—') || before.endsWith('/')) return before + next;
  return `${before} ${next}`;
}

/** Estimate the width of hard-wrapped lines, or undefined when paragraphs are one line each (or lines are wider than `max`). */
export function wrapWidth(lines: readonly SourceLine[], max = 110): number | undefined {
  const lengths: number[] = [];
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    if (!isBlank(line) && !isBlank(next) && !parseItem(next!.text) && line.text.trim().length >= 30)
      lengths.push(line.text.trimEnd().length);
  });
  if (lengths.length < 3) return undefined;
  const sorted = [...lengths].sort((a, b) => a - b);
  const width = sorted[Math.floor(sorted.length * 0.9)]!;
  return width <= max || isHardWrapped(lines, width) ? width : undefined;
}

/**
 * Wider than usual lines are still hard-wrapped (a small type on a wide page, as
 * `pdftotext` lays it out) when the evidence says so: most long lines followed by text
 * stop in the middle of a sentence, and most of them run close to the same width. A text
 * with one paragraph per line ends its lines with a full stop, at any length.
 */
function isHardWrapped(lines: readonly SourceLine[], width: number): boolean {
  let long = 0;
  let open = 0;
  let full = 0;
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    const text = line.text.trimEnd();
    if (isBlank(line) || isBlank(next) || parseItem(next!.text) || text.trim().length < 30) return;
    long++;
    if (!endsSentence(text)) open++;
    if (text.length >= width * 0.8) full++;
  });
  return long >= 4 && open >= long * 0.5 && full >= long * 0.6;
}

interface Draft {
  kind: 'paragraph' | 'item' | 'heading' | 'quote' | 'break';
  lines: SourceLine[];
  /** The text; while lines are being joined to it, its pieces (`joinInto`). */
  text: string;
  item?: ItemMarker;
  pieces?: string[];
  /** The end of the text: all `joinWrapped` looks at. */
  tail?: string;
  /** Two lines of a heading wrapped over them, with its paragraph right under it. */
  heading?: boolean;
}

/** More than `joinWrapped` looks at: the end of a word and the character before it. */
const TAIL = 64;

/**
 * Join a wrapped line to a draft. The text grows as pieces, and `joinWrapped` sees only its
 * tail: reading the end of one long concatenated string flattens it, and a paragraph of
 * many short lines cost time in the square of its length.
 */
function joinInto(draft: Draft, after: string, words: WordSet): void {
  const pieces = (draft.pieces ??= [draft.text]);
  const tail = draft.tail ?? draft.text.slice(-TAIL);
  const joined = joinWrapped(tail, after, words);
  // `joinWrapped` keeps the text before, or all of it but its last character (a hyphen).
  const drop = joined.startsWith(tail) ? 0 : 1;
  if (drop) pieces[pieces.length - 1] = pieces.at(-1)!.slice(0, -1);
  const added = joined.slice(tail.length - drop);
  pieces.push(added);
  draft.tail = (tail.slice(0, tail.length - drop) + added).slice(-TAIL);
}

/** Group lines into blocks. */
export function toBlocks(lines: readonly SourceLine[], options: BlockOptions): Block[] {
  const width = options.wrapWidth;
  const groups = groupLines(lines);
  const blocks: Block[] = [];
  const lastNumber = new Map<string, number>();

  for (const group of groups) {
    const table = group[0]!.table;
    if (table) {
      const rows = table.map((row) => row.map((cell) => (cell.length ? cell.reduce((a, b) => joinWrapped(a, b, options.words)) : '')));
      blocks.push({ type: 'table', rows, line: group[0]! });
      continue;
    }
    const drafts: Draft[] = [];
    for (const line of group) {
      const current = drafts.at(-1);
      const heading = options.markdownSyntax ? (atxHeading.exec(line.text) ?? boldHeading(line.text)) : null;
      const quote = options.markdownSyntax ? quoteLine.exec(line.text) : null;
      if (heading) {
        drafts.push({ kind: 'heading', lines: [line], text: heading[1]!.trim() });
        continue;
      }
      if (quote) {
        if (current?.kind === 'quote' && quote[1]!.trim()) joinInto(current, quote[1]!, options.words);
        else drafts.push({ kind: 'quote', lines: [line], text: quote[1]!.trim() });
        if (current?.kind === 'quote') current.lines.push(line);
        continue;
      }
      if (thematicBreak.test(line.text)) {
        drafts.push({ kind: 'break', lines: [line], text: '' });
        continue;
      }
      const item = acceptItem(parseItem(line.text), lastNumber);
      if (item) {
        drafts.push({ kind: 'item', lines: [line], text: item.text.trim(), item });
      } else if (current && twoLineHeading(current, line, width)) {
        current.heading = true;
        drafts.push({ kind: 'paragraph', lines: [line], text: line.text.trim() });
      } else if (current && (current.kind === 'paragraph' || current.kind === 'item') && shouldJoin(current, line, width)) {
        current.lines.push(line);
        joinInto(current, line.text, options.words);
      } else {
        drafts.push({ kind: 'paragraph', lines: [line], text: line.text.trim() });
      }
    }
    for (const draft of drafts) if (draft.pieces) draft.text = draft.pieces.join('');
    const paragraphs = drafts.filter((d) => d.kind === 'paragraph');
    const short = width ? width * 0.65 : 60;
    if (
      drafts.length >= 2 &&
      paragraphs.length === drafts.length &&
      drafts.every((d) => d.lines.length === 1 && d.text.length < short) &&
      !(isHeadingLike(drafts[0]!.text) && drafts.slice(1).every((d) => endsSentence(d.text)))
    ) {
      blocks.push({ type: 'lines', texts: drafts.map((d) => d.text), line: drafts[0]!.lines[0]! });
      continue;
    }
    for (const [n, draft] of drafts.entries()) {
      const line = draft.lines[0]!;
      const address = addressRun(drafts, n, short) ?? leadInRun(drafts, n, short);
      if (address) {
        blocks.push({ type: 'lines', texts: address.map((d) => d.text), line });
        drafts.splice(n + 1, address.length - 1);
        continue;
      }
      if (draft.kind === 'break') {
        blocks.push({ type: 'break', line });
      } else if (draft.kind === 'heading') {
        blocks.push({ type: 'heading', text: draft.text, line, explicit: true });
        lastNumber.clear();
      } else if (draft.kind === 'quote') {
        blocks.push({ type: 'quote', text: draft.text, line });
      } else if (draft.kind === 'item') {
        const item = draft.item!;
        const entry: ListItem = { ordered: item.ordered, marker: item.marker, indent: item.indent, level: 1, text: draft.text, line };
        if (item.number !== undefined) entry.number = item.number;
        const previous = blocks.at(-1);
        const last = previous?.type === 'list' ? previous.items.at(-1) : undefined;
        // Numbering that starts again at 1 (same marker, same indent) starts a new list: a table of contents, then the text.
        const restarts =
          last?.ordered && entry.ordered && entry.number === 1 && last.marker === entry.marker && last.indent === entry.indent;
        if (previous?.type === 'list' && !restarts) previous.items.push(entry);
        else blocks.push({ type: 'list', items: [entry], line });
      } else if (
        draft.heading ||
        (draft.lines.length === 1 &&
          (isHeadingLike(draft.text) || isMarkedHeading(draft.text)) &&
          !isLetterLine(draft.text) &&
          !isSpeakerLine(draft.text) &&
          // A short line ending in a colon announces what follows: a field's label ("Date:" over its value), a
          // speaker's ("Rep. Gus Bilirakis (R-FL):" over what he said), a lead-in; a section's heading names it.
          !draft.text.trim().endsWith(':'))
      ) {
        blocks.push({ type: 'heading', text: draft.text.replace(/:$/, ''), line });
        lastNumber.clear();
      } else {
        blocks.push({ type: 'paragraph', text: draft.text, line });
      }
    }
  }
  joinCutParagraphs(blocks, options.words);
  cellTables(blocks);
  numberedHeadings(blocks);
  // A heading-like line at the very end (a sign-off, a credit) is text, not a heading.
  const last = blocks.at(-1);
  if (last?.type === 'heading' && !last.explicit) blocks[blocks.length - 1] = { type: 'paragraph', text: last.text, line: last.line };
  for (const block of blocks) if (block.type === 'list') assignLevels(block.items);
  return blocks;
}

/** A heading numbered with a lower-case letter or roman numeral out of a list's sequence ("b. Existing law", "iv) Scope"). */
function isMarkedHeading(text: string): boolean {
  const marked = /^\s*\(?(?:[a-h]|[ivx]{1,4})[.)]\s+(\p{Lu}.*)$/u.exec(text);
  return marked !== null && isHeadingLike(marked[1]!) && marked[1]!.length <= 80;
}

/** A table cell as `pdftotext` writes a table without `-layout`: alone on its line, short, no sentence. */
const isCell = (block: Block) =>
  (block.type === 'paragraph' || (block.type === 'heading' && !block.explicit)) &&
  block.text.length <= 60 &&
  !/[.!?:;]["”’)]?$/.test(block.text);

/** What tells a column's cells from another's: a digit, a comma, their length in words. */
const cellShape = (text: string) => `${/\d/.test(text) ? 'd' : ''}${text.includes(',') ? 'c' : ''}${Math.min(3, text.split(/\s+/).length)}`;

/**
 * A table extracted a cell per line (`pdftotext` without `-layout`): six or more short lines
 * in a row, one per block, that fall into columns: with k columns (2 to 6, dividing their
 * number, three rows or more), every column's cells below the first row have one shape, and
 * the columns differ from each other in a digit or a comma. The first row is the header.
 */
function cellTables(blocks: Block[]): void {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    let end = i;
    while (end < blocks.length && isCell(blocks[end]!)) end++;
    const cells = end - i >= 6 ? blocks.slice(i, end).map((b) => (b as { text: string }).text.trim()) : [];
    const k = cells.length ? [2, 3, 4, 5, 6].find((n) => fallsIntoColumns(cells, n)) : undefined;
    if (k) {
      const rows: string[][] = [];
      for (let r = 0; r < cells.length; r += k) rows.push(cells.slice(r, r + k));
      out.push({ type: 'table', rows, line: blocks[i]!.line });
    } else for (let j = i; j < Math.max(end, i + 1); j++) out.push(blocks[j]!);
    i = Math.max(end, i + 1) - 1;
  }
  // In place, element by element (no splice per table: a text of many small tables would cost its square).
  blocks.length = 0;
  for (const block of out) blocks.push(block);
}

function fallsIntoColumns(cells: readonly string[], k: number): boolean {
  if (cells.length % k !== 0 || cells.length / k < 3) return false;
  const shapes: string[] = [];
  for (let col = 0; col < k; col++) {
    const column = new Set<string>();
    for (let r = k + col; r < cells.length; r += k) column.add(cellShape(cells[r]!).replace(/\d$/, (n) => (n === '1' ? '1' : '2')));
    if (column.size !== 1) return false;
    shapes.push([...column][0]!.replace(/\d$/, ''));
  }
  return new Set(shapes).size > 1;
}

/** A thematic break: `* * *`, `***`, `- - -`, `___`, `===`, `⁂`. */
const thematicBreak = /^\s*(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,}|={3,}|⁂)\s*$/;

/** Is a line a thematic break (a rule of `*`, `-`, `_` or `=`)? */
export const isThematicBreak = (text: string) => thematicBreak.test(text);

/**
 * A numbered or lettered section heading ("1. Why the Rule Matters", "b. Existing law",
 * "(2) Scope"): an item that stands alone, shaped like a heading, with text after it. A
 * list of such lines one after another (a table of contents) stays a list.
 */
function numberedHeadings(blocks: Block[]): void {
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    if (block.type !== 'list' || block.items.length !== 1 || next?.type !== 'paragraph') return;
    const [item] = block.items;
    if (!item!.ordered || !isHeadingLike(item!.text) || item!.text.length > 80) return;
    blocks[i] = { type: 'heading', text: item!.line.text.trim(), line: item!.line };
  });
}

/** Words no sentence ends with: a paragraph that stops on one was cut (by a page break, a blank line of the extraction). */
const OPEN_ENDINGS = new Set(
  'a an the of from to and or but nor in on at by for with into onto upon about than that which whose who its their our your his her my is are was were be been has have had will would should could can may must not'.split(
    ' ',
  ),
);

/** Does a text stop on a word no sentence ends with ("… a letter from")? */
export function endsOpen(text: string): boolean {
  const last = /(\p{L}+)$/u.exec(text.trim())?.[1];
  return last !== undefined && OPEN_ENDINGS.has(last.toLowerCase());
}

/** Join a paragraph that ends on an open word ("a document from") with the paragraph after it. */
function joinCutParagraphs(blocks: Block[], words: WordSet): void {
  for (let i = 0; i + 1 < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1]!;
    if (block.type !== 'paragraph' || next.type !== 'paragraph') continue;
    if (!endsOpen(block.text) || block.text.split(/\s+/).length < 6) continue;
    blocks.splice(i, 2, { ...block, text: joinWrapped(block.text, next.text, words) });
    i--;
  }
}

/**
 * A postal address inside a paragraph group (a letter's inside address, with no blank
 * line before the salutation): three or more short single lines from `start`, one of
 * them a street, city or postal-code line, or two or more right above the salutation. They
 * stay lines, never headings.
 */
function addressRun(drafts: readonly Draft[], start: number, short: number): Draft[] | undefined {
  const runOf = (limit: number) => {
    let end = start;
    while (end < drafts.length) {
      const d = drafts[end]!;
      // A name may end in an abbreviation's full stop ("The Honorable John Joyce, M.D.", "John Conyers, Jr.").
      const stops = endsSentence(d.text) && !/(?:\b(?:\p{Lu}\.){1,3}|\b(?:Jr|Sr|Esq|Inc|Ltd|Co)\.)$/u.test(d.text.trim());
      if (d.kind !== 'paragraph' || d.lines.length > 1 || d.text.length >= limit || stops || isLetterLine(d.text)) break;
      end++;
    }
    return { run: drafts.slice(start, end), end };
  };
  const { run, end } = runOf(short);
  // Or right above the letter's "Dear …": whom it is to, with or without a street.
  const greets = end < drafts.length && /^\s*dear\s/i.test(drafts[end]!.text) && salutation.test(drafts[end]!.text);
  if ((run.length >= 3 && run.some((d) => isPostalLine(d.text))) || (run.length >= 2 && greets)) return run;
  // A long position line in it ("Assistant Attorney General, Department of Justice Antitrust Division"):
  // still an address when the group is all short lines that end in its city or postal line.
  const long = runOf(90).run;
  return long.length >= 3 && long.length === drafts.length - start && isPostalLine(long.at(-1)!.text) ? long : undefined;
}

/**
 * Short lines right under a lead-in that ends in a colon ("For more information on the
 * roundtable:" above a name, a title and an organization): the lead-in's content, kept as
 * lines, never headings. Two or more, none ending a sentence; or one or more under a
 * letter's "Sincerely," (who signed it).
 */
function leadInRun(drafts: readonly Draft[], start: number, short: number): Draft[] | undefined {
  const before = drafts[start - 1];
  const signed = before !== undefined && before.kind === 'paragraph' && valediction.test(before.text);
  if (!before || before.kind !== 'paragraph' || (!before.text.trim().endsWith(':') && !signed)) return undefined;
  let end = start;
  while (end < drafts.length) {
    const d = drafts[end]!;
    if (d.kind !== 'paragraph' || d.lines.length > 1 || d.text.length >= short || endsSentence(d.text) || isLetterLine(d.text)) break;
    end++;
  }
  return end - start >= (signed ? 1 : 2) ? drafts.slice(start, end) : undefined;
}

/**
 * A heading wrapped over two lines with its paragraph right under it ("Forced Consent (DPAs
 * in Austria, Belgium," / "France, Germany and Ireland)" / "When relying on …"): the two
 * lines read as a title, the second stops short of the width, the next line starts a sentence.
 */
function twoLineHeading(current: Draft, line: SourceLine, width: number | undefined): boolean {
  if (!width || current.kind !== 'paragraph' || current.lines.length !== 2 || current.heading) return false;
  const [first, second] = current.lines as [SourceLine, SourceLine];
  const text = `${first.text.trim()} ${second.text.trim()}`;
  if (
    second.text.trim().length >= width * 0.7 ||
    startsLower(line.text) ||
    (!/^\s*\p{Lu}/u.test(second.text) && !/,$/.test(first.text.trim()))
  )
    return false;
  const words = text.split(/\s+/);
  return isHeadingLike(text) && !isAllCaps(text) && isTitleLike(words) && words.length >= 4;
}

/** Blank-line separated groups; a lone bullet glyph joins the text that follows it. */
function groupLines(lines: readonly SourceLine[]): SourceLine[][] {
  const groups: SourceLine[][] = [];
  let current: SourceLine[] = [];
  let glyph: SourceLine | undefined;
  let sectionNumber: SourceLine | undefined;
  for (const line of lines) {
    // A section's number on a line of its own, its name on the next ("I." / "INTRODUCTION"): one heading.
    if (sectionNumber && !isBlank(line)) {
      const number = sectionNumber;
      sectionNumber = undefined;
      if (isHeadingLike(line.text) && !line.table) {
        groups.push([{ ...number, text: `${number.text.trim()} ${line.text.trim()}` }]);
        continue;
      }
      current.push(number);
    }
    if (loneSectionNumber.test(line.text) && !line.table) {
      if (current.length) groups.push(current);
      current = [];
      sectionNumber = line;
      continue;
    }
    if (line.table) {
      if (current.length) groups.push(current);
      groups.push([line]);
      current = [];
      glyph = undefined;
      continue;
    }
    if (isBlank(line)) {
      if (current.length && !glyph) {
        groups.push(current);
        current = [];
      }
      continue;
    }
    if (isLoneGlyph(line.text) && !/^\s*-\s*$/.test(line.text)) {
      glyph = line;
      continue;
    }
    if (glyph) {
      current.push({ ...line, text: `${glyph.text.trim()} ${line.text.trim()}` });
      glyph = undefined;
    } else current.push(line);
  }
  if (sectionNumber) current.push(sectionNumber);
  if (current.length) groups.push(current);
  return groups;
}

/** A section's number alone on its line: "I.", "IV.", "3.". */
const loneSectionNumber = /^\s*(?:[IVX]{1,4}|\d{1,2})\.\s*$/;

/** Numbered items must count on (1, 2, 3 …) so that "15. " at the start of a wrapped line stays text. */
function acceptItem(item: ItemMarker | undefined, lastNumber: Map<string, number>): ItemMarker | undefined {
  if (!item || !item.ordered) return item;
  const kind = item.marker === '(1)' ? '1' : item.marker;
  const previous = lastNumber.get(kind);
  if (item.number === 1 || (previous !== undefined && item.number === previous + 1)) {
    lastNumber.set(kind, item.number!);
    return item;
  }
  if (kind === 'i' && lastNumber.get('a') === 8) return acceptItem({ ...item, marker: 'a', number: 9 }, lastNumber);
  return undefined;
}

/** A letter's salutation ("Dear Foreign Secretary,", "Mr President,", "Dear Colleagues", "Dear Chairman Goodlatte, Ranking Member Conyers, …:"), a testimony's ("Madam Chairwoman and Members of the Subcommittee:", "Chairman Smith, Ranking Member Jones, and Members of the Committee:"). */
const greeting =
  /^\s*(?:(?:dear|to|mr\.?|mrs\.?|ms\.?|madam|sir|excellenc\w*|honou?rable)\b[^.!?]{0,80},|(?:madam|mr\.?|mrs\.?|ms\.?)\s+(?:chair|president|speaker|vice)[^.!?]{0,80}:|dear\s+[^.!?,:;]{1,60}[,:]?|dear\s+[A-Z][^.!?;]{1,140}[,:]|(?:chair(?:man|woman)?|vice[- ]chair\w*|ranking member|members of the)\b[^.!?]{0,120}[,:])\s*$/i;

/** A coalition letter's addressee line: "To President Obama and Members of the … Board:" (a name in capitals, then a colon). */
const toAddressee = /^\s*[Tt]o\s+(?:the\s+)?\p{Lu}[^.!?:;]{0,100}:\s*$/u;

/** A letter's or a testimony's salutation: a line of its own. */
export const salutation = { test: (text: string): boolean => greeting.test(text) || toAddressee.test(text) };

/** A letter's subject line ("Re: Surveillance of …", "Subject: …"): its own paragraph, never a heading. */
export const subjectLine = /^\s*(?:re|subject|betreff|objet)\s*:\s*\S/i;

/** A letter's closing ("Sincerely,", "Yours faithfully", "Best regards,"): a line of its own, the signatures under it. */
export const valediction =
  /^\s*(?:(?:yours\s+)?(?:sincerely|faithfully|truly|respectfully)(?:\s+yours)?|(?:with\s+)?(?:best|kind|warm)(?:est)?\s+(?:regards|wishes)|regards|respectfully\s+submitted)\s*[,.]?\s*$/i;

/** A line naming who speaks, a paragraph of its own ("Opening Statement – John D. (Jay) Rockefeller IV, Chairman", "Prepared Statement of:"). */
const isSpeakerLine = (text: string) => (SPEAKER_LINE.test(text) && witnessName(text) !== undefined) || speakerLabel.test(text);

/** Lines of a letter that stand alone: the salutation, the subject line and the closing. */
const isLetterLine = (text: string) => salutation.test(text) || subjectLine.test(text) || valediction.test(text);

function shouldJoin(current: Draft, line: SourceLine, width: number | undefined): boolean {
  const previous = current.lines.at(-1)!.text;
  const text = line.text;
  if (salutation.test(previous) || salutation.test(text) || valediction.test(previous) || valediction.test(text)) return false;
  // A salutation wrapped over lines ends at its comma or colon ("Dear Chairperson Bonds, … members of the" / "… Operations,").
  if (/^\s*dear\s/i.test(current.lines[0]!.text) && /[,:]\s*$/.test(previous) && current.lines.length <= 3) return false;
  // A subject line wraps onto a line that goes on in lower case; a capital starts the letter.
  if (subjectLine.test(current.lines[0]!.text) && !startsLower(text)) return false;
  if (/\p{L}[-\u00ad]$/u.test(previous.trim()) && startsLower(text)) return true;
  if (width) {
    const prevLength = previous.trimEnd().length;
    if (endsSentence(previous) && !endsWithAbbreviation(previous) && prevLength < width * 0.75) return false;
    // A sentence ends the line and the next line's first word would have fitted after it:
    // the writer broke the line, not the wrapping (a new paragraph with no blank line).
    const firstWord = /^\S+/.exec(text.trim())?.[0] ?? '';
    if (endsSentence(previous) && !endsWithAbbreviation(previous) && !startsLower(text) && prevLength + 1 + firstWord.length < width * 0.95)
      return false;
    // A heading-like line far shorter than the width was never wrapped: a heading, even over
    // a line that starts with a name written in lower case ("Introduction" / "techUK and its
    // members …"). A line that goes on in plain lower case goes on its sentence ("Sen. Brown’s"
    // / "remarks, as prepared for delivery, follow:"; a site that breaks a paragraph's first line).
    if (
      current.kind === 'paragraph' &&
      current.lines.length === 1 &&
      prevLength < width * 0.5 &&
      isHeadingLike(previous) &&
      !endsOpen(previous) &&
      (!startsLower(text) || /^\s*\p{Ll}+\p{Lu}/u.test(text))
    )
      return false;
    if (
      (current.kind === 'paragraph' || current.kind === 'item') &&
      current.lines.length === 1 &&
      prevLength < width * 0.7 &&
      isHeadingLike(current.kind === 'item' ? current.item!.text : previous) &&
      // A paragraph's first line cut short on a word no heading ends with ("The American Civil Liberties Union and the").
      !endsOpen(previous) &&
      !startsLower(text)
    )
      return false;
    return true;
  }
  if (startsLower(text)) return true;
  return current.kind === 'item' && line.text.length - line.text.trimStart().length > (current.item?.indent ?? 0);
}

/** The kind of an item's marker: its glyph, or its kind of numbering. */
const markerKind = (item: ListItem) => (item.ordered ? `#${item.marker === '(1)' ? '1' : item.marker}` : item.marker);

/**
 * Nesting levels, as deep as the text goes: a deeper indent opens a level; so does, at the
 * same indent, a sub-level glyph under another glyph or letters/roman numerals under
 * numbers; a marker seen before at a level returns to that level.
 */
function assignLevels(items: ListItem[]): void {
  const stack: { kind: string; indent: number; item: ListItem }[] = [];
  for (const item of items) {
    const kind = markerKind(item);
    const top = stack.at(-1);
    if (!top) stack.push({ kind, indent: item.indent, item });
    else if (item.indent >= top.indent + 2) stack.push({ kind, indent: item.indent, item });
    else {
      let same = stack.length - 1;
      while (same >= 0 && !(stack[same]!.kind === kind && Math.abs(stack[same]!.indent - item.indent) <= 1)) same--;
      if (same >= 0) stack.length = same + 1;
      else if (item.indent <= top.indent - 2) {
        while (stack.length > 1 && stack.at(-1)!.indent > item.indent + 1) stack.pop();
        stack[stack.length - 1] = { kind, indent: item.indent, item };
      } else if (isSubordinate(item, top.item)) stack.push({ kind, indent: item.indent, item });
      else stack[stack.length - 1] = { kind, indent: item.indent, item };
    }
    item.level = stack.length;
  }
}

/** At the same indent, is `item` a level under `parent` by its marker? */
function isSubordinate(item: ListItem, parent: ListItem): boolean {
  if (!item.ordered && !parent.ordered) return isSubGlyph(item.marker) && !isSubGlyph(parent.marker);
  if (item.ordered && parent.ordered)
    return (item.marker === 'a' && parent.marker !== 'a') || (item.marker === 'i' && parent.marker !== 'i');
  return false;
}

/** Render blocks as Markdown. */
export function renderBlocks(blocks: readonly Block[], evidence: Map<string, string>, inline: InlineOptions = {}): string {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.type === 'break') out.push('* * *');
    // A heading's number ("## 2. Existing law") needs no escape: no list starts inside a heading.
    else if (block.type === 'heading')
      out.push(`## ${toInline(toTitleCase(block.text, evidence), inline).replace(/^(\d{1,3})\\([.)])/, '$1$2')}`);
    else if (block.type === 'paragraph') out.push(toInline(block.text, inline));
    else if (block.type === 'quote') out.push(`> ${toInline(block.text, inline)}`);
    else if (block.type === 'lines') out.push(block.texts.map((t) => toInline(t, inline)).join('\\\n'));
    else if (block.type === 'table') out.push(renderTable(block.rows, inline));
    else out.push(renderList(block.items, inline));
  }
  return out.join('\n\n');
}

/** A GFM table: the first row is its header; a cell's `|` is escaped. */
function renderTable(rows: readonly string[][], inline: InlineOptions): string {
  const row = (cells: readonly string[]) => `| ${cells.map((cell) => toInline(cell, inline).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [row(rows[0]!), `|${rows[0]!.map(() => ' --- |').join('')}`, ...rows.slice(1).map(row)].join('\n');
}

function renderList(items: readonly ListItem[], inline: InlineOptions): string {
  const lines: string[] = [];
  const open: { ordered: boolean; count: number; width: number }[] = []; // one per level
  for (const item of items) {
    const depth = Math.min(item.level, open.length + 1);
    open.length = depth;
    let level = open[depth - 1];
    if (level && level.ordered !== item.ordered) {
      if (depth === 1) lines.push(''); // a list of the other kind starts
      level = undefined;
    }
    if (!level) open[depth - 1] = level = { ordered: item.ordered, count: depth === 1 ? (item.number ?? 1) - 1 : 0, width: 2 };
    level.count++;
    const marker = item.ordered ? `${level.count}.` : '-';
    const indent = open.slice(0, depth - 1).reduce((n, l) => n + l.width, 0);
    level.width = marker.length + 1;
    lines.push(`${' '.repeat(indent)}${marker} ${toInline(item.text, inline)}`);
  }
  return lines.join('\n');
}
