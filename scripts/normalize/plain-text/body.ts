/**
 * The body's blocks (paragraphs, headings, lists, tables, footnotes' notes) from the lines
 * the other steps left.
 */
import type { SourceLine } from '../text/source-lines.js';
import { toBlocks, wrapWidth, type Block } from '../text/blocks.js';
import type { WordSet } from '../rules/dehyphenate.js';
import type { Candidate } from './candidates.js';

/** The blocks of `body`; lines kept from above the title (a testimony's "Before the Committee on …") are no section headings. */
export function bodyBlocks(body: readonly SourceLine[], words: WordSet, aboveTitle: readonly Candidate[]): Block[] {
  const above = new Set(aboveTitle.flatMap((c) => c.lines));
  return toBlocks(body, { wrapWidth: wrapWidth(body), words }).map((block): Block =>
    block.type === 'heading' && above.has(block.line) ? { type: 'paragraph', text: block.line.text.trim(), line: block.line } : block,
  );
}
