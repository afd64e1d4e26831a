/**
 * The body's blocks (paragraphs, headings, lists, tables, footnotes' notes) from the lines
 * the other steps left.
 */
import type { SourceLine } from '../text/source-lines.js';
import { toBlocks, wrapWidth, type Block } from '../text/blocks.js';
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
    block.type === 'heading' && above.has(block.line) ? { type: 'paragraph', text: block.line.text.trim(), line: block.line } : block,
  );
  // A block of fields kept as its lines (a testimony's cover: who, position, before whom), whatever the blocks made of them.
  const kept = new Set(asLines);
  const first = blocks.findIndex((block) => kept.has(block.line));
  if (first < 0) return blocks;
  const lines: Block = { type: 'lines', texts: asLines.map((line) => line.text.trim()), line: asLines[0]! };
  return [...blocks.slice(0, first), lines, ...blocks.slice(first).filter((block) => !kept.has(block.line))];
}
