/**
 * The body's blocks (paragraphs, headings, lists, tables, footnotes' notes) from the lines
 * the other steps left.
 */
import type { SourceLine } from '../text/source-lines.js';
import { filingNumber, salutation, toBlocks, valediction, wrapWidth, type Block } from '../text/blocks.js';
import { sentences } from '../text/summary.js';
import type { WordSet } from '../rules/dehyphenate.js';
import type { Candidate } from './candidates.js';

/** The blocks of `body`; lines kept from above the title (a testimony's "Before the Committee on …") are no section headings. */
export function bodyBlocks(
  body: readonly SourceLine[],
  words: WordSet,
  aboveTitle: readonly Candidate[],
  asLines: readonly SourceLine[] = [],
): Block[] {
  const above = new Set(aboveTitle.flatMap((c) => c.lines));
  const blocks = toBlocks(body, { wrapWidth: wrapWidth(body), words }).map((block): Block =>
    block.type === 'heading' && above.has(block.line) ? { type: 'paragraph', text: asWritten(block), line: block.line } : block,
  );
  groupHeadings(blocks, body);
  sentenceCaseHeadings(blocks);
  // Blocks of fields kept as their lines (a testimony's cover: who, position, before whom; a filing's
  // caption), whatever the blocks made of them.
  return [asLines, ...filingCaptions(body)].reduce(keptAsLines, blocks);
}

function keptAsLines(blocks: Block[], asLines: readonly SourceLine[]): Block[] {
  const kept = new Set(asLines);
  const first = blocks.findIndex((block) => kept.has(block.line));
  if (first < 0) return blocks;
  const lines: Block = { type: 'lines', texts: asLines.map((line) => line.text.trim()), line: asLines[0]! };
  return [...blocks.slice(0, first), lines, ...blocks.slice(first).filter((block) => !kept.has(block.line))];
}

/**
 * A filing's caption: three to twelve short lines with no blank line between and no sentence's
 * end, one of them the filing's number ("Comments of Privacy Rights Clearinghouse" / "Information
 * Privacy and Innovation in the Internet" / "Docket No. …" / "RIN …" / "Department of Commerce" /
 * "Office of the Secretary" / …). Its lines are who files, in what and before whom: lines, never
 * headings, and never joined.
 */
function filingCaptions(body: readonly SourceLine[]): SourceLine[][] {
  const groups: SourceLine[][] = [];
  let group: SourceLine[] = [];
  const close = () => {
    const short = group.every((line) => line.text.trim().length <= 80 && !/[.!?;:]["”’)]?$/.test(line.text.trim()));
    if (group.length >= 3 && group.length <= 12 && short && group.some((line) => filingNumber.test(line.text.trim()))) groups.push(group);
    group = [];
  };
  for (const line of body) {
    if (line.text.trim()) group.push(line);
    else close();
  }
  close();
  return groups;
}

const words = (text: string) => text.trim().split(/\s+/).length;
const endsSentence = (text: string) => /[.!?:;]["”’)\]]*$/.test(text.trim());

/**
 * Sections set apart by blank lines in a text of paragraphs a line each, with no blank line
 * between the paragraphs of a section (a newsletter's text as a newsletter platform gives it:
 * "The fight for net neutrality is still on!" / its paragraphs / a blank line / "IFF has new
 * merch?" / "Yes, yes yes 🎉🎉🎉" / …): each section's first line, when short and with no full
 * stop, is its heading (an exclamation or a question may end it), and the lines under it are its
 * text, however short. Only where the blank lines show sections: two or more sections of three
 * lines or more.
 */
function groupHeadings(blocks: Block[], body: readonly SourceLine[]): void {
  if (wrapWidth(body) !== undefined) return;
  const oneLine = (block: Block): block is Extract<Block, { type: 'paragraph' | 'heading' }> =>
    (block.type === 'paragraph' || block.type === 'heading') && block.line.text.trim() === block.text.trim();
  const groups: number[][] = [];
  blocks.forEach((block, i) => {
    const previous = blocks[i - 1];
    const joined = previous && oneLine(previous) && oneLine(block) && block.line.line === previous.line.line + 1;
    if (joined) groups.at(-1)!.push(i);
    else groups.push([i]);
  });
  const sections = groups.filter((group) => group.length >= 3 && group.every((i) => oneLine(blocks[i]!)));
  if (sections.length < 2) return;
  for (const group of sections) {
    const [first, ...rest] = group as [number, ...number[]];
    const head = blocks[first]!;
    if (!oneLine(head)) continue;
    const text = head.text.trim();
    if (words(text) > 12 || /[.,;:]["”’)]?$/.test(text) || !/^[\p{Lu}\p{N}“"]/u.test(text)) continue;
    if (salutation.test(text) || valediction.test(text) || /https?:|@/.test(text)) continue;
    blocks[first] = { type: 'heading', text, line: head.line };
    for (const i of rest) {
      const block = blocks[i]!;
      if (block.type === 'heading') blocks[i] = { type: 'paragraph', text: block.line.text.trim(), line: block.line };
    }
  }
}

/**
 * Section headings in sentence case, as a saved web page's text has them ("The ball is finally
 * in the court of citizens", "What will we do before the referendum?"): a line of its own, short,
 * with no full stop (a question mark may end it), between two paragraphs of running text. A
 * text with sections has two of them or more; one such line alone may be a quotation or a line
 * of a letter, and stays a paragraph. The section's text under such a line may open with a
 * one-sentence paragraph, as may the text's opening (its lead) above the first one, and headings
 * the text already has count among its sections.
 */
function sentenceCaseHeadings(blocks: Block[]): void {
  const isRunning = (text: string) => endsSentence(text) && (words(text) >= 25 || sentences(text).length >= 2);
  // A numbered paragraph ("4. What these petitions show is …", a submission's paragraphs numbered through its sections) is running text too.
  const numbered = (block: Block | undefined, end: 'first' | 'last') =>
    block?.type === 'list' && block.items.every((item) => item.ordered && item.level === block.items[0]!.level)
      ? block.items[end === 'first' ? 0 : block.items.length - 1]
      : undefined;
  const running = (block: Block | undefined, end: 'first' | 'last' = 'last') => {
    const item = numbered(block, end);
    return item ? isRunning(item.text) : block?.type === 'paragraph' && isRunning(block.text);
  };
  // Between two numbered paragraphs whose numbers go on across it ("4." … "5."): the numbering runs through the sections.
  const numberingGoesOn = (i: number) => {
    const before = numbered(blocks[i - 1], 'last')?.number;
    const after = numbered(blocks[i + 1], 'first')?.number;
    return before !== undefined && after === before + 1;
  };
  const found = blocks.flatMap((block, i) => {
    if (block.type !== 'paragraph' || block.line.text.trim() !== block.text.trim()) return [];
    const text = block.text.trim();
    if (words(text) < 3 || words(text) > 12 || /[.,;:!]["”’)]?$/.test(text) || !/^\p{Lu}/u.test(text)) return [];
    if (salutation.test(text) || valediction.test(text) || /https?:|@/.test(text)) return [];
    // The section's text may open with a one-sentence paragraph ("The Consultation Document sets out three … rationales …").
    const opens = (next: Block | undefined) =>
      running(next, 'first') || (next?.type === 'paragraph' && endsSentence(next.text) && words(next.text) >= 8);
    // So may the text's opening, its lead ("Carefree summer holidays quickly gave way to …").
    const after = (previous: Block | undefined) => running(previous) || (i === 1 && opens(previous));
    return after(blocks[i - 1]) && opens(blocks[i + 1]) ? [i] : [];
  });
  // Sections are two or more: these lines, with the headings the text already has; or the paragraphs' numbering goes on across them.
  const sections = found.length + blocks.filter((b) => b.type === 'heading').length >= 2;
  for (const i of found) {
    if (!sections && !numberingGoesOn(i)) continue;
    const block = blocks[i]!;
    if (block.type === 'paragraph') blocks[i] = { type: 'heading', text: block.text.trim(), line: block.line };
  }
}

/** A heading's text as the source wrote it: its line ("Contact:"), or all of its lines when it was joined from several. */
function asWritten(block: Extract<Block, { type: 'heading' }>): string {
  const line = block.line.text.trim();
  return line.includes(block.text.trim()) ? line : block.text.trim();
}

/**
 * Does the text open with a document's summary label ("Summary", "Executive Summary",
 * "Abstract", "Key Points", "Key Takeaways")? A policy memo, a report or a brief opens so (FAS's
 * memo page under its byline, Heritage's report); a blog's article does not.
 */
export function opensWithSummaryLabel(blocks: readonly Block[]): boolean {
  const first = blocks[0];
  return (
    first?.type === 'heading' && /^(?:(?:executive\s+)?summary|abstract|key\s+(?:points|takeaways|findings))$/i.test(first.text.trim())
  );
}

/**
 * A "Summary" (or "Abstract") label over the first paragraph of a text with no sections (ARTICLE
 * 19's statement page, FAS's memo page): the page's label over its standfirst or its only text,
 * no section heading. It is taken out of `blocks` and returned (the caller records it); a text
 * with other headings after it keeps it as the heading of its first section (Heritage's
 * "Summary" over "Key Takeaways").
 */
export function takeSummaryLabel(blocks: Block[]): SourceLine | undefined {
  const first = blocks[0];
  if (first?.type !== 'heading' || !/^(?:summary|abstract)$/i.test(first.text.trim())) return undefined;
  if (blocks[1]?.type !== 'paragraph' || blocks.slice(1).some((b) => b.type === 'heading')) return undefined;
  blocks.shift();
  return first.line;
}
