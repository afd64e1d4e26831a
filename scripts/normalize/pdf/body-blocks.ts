/**
 * Drafts written as the blocks every reader renders: headings, paragraphs and lists (levels
 * counted from 1); tables and code blocks are written as Markdown at once and kept aside,
 * a paragraph holding their place.
 */
import { type Block, type ListItem } from '../text/blocks.js';
import type { SourceLine } from '../text/source-lines.js';
import { codeBlock } from './code.js';
import type { Draft } from './drafts.js';
import type { PdfLine } from './layout-lines.js';
import type { KeptAside } from './kept-aside.js';
import { tableMarkdown } from './table-markdown.js';
import { withoutUniformType } from './uniform-type.js';
import { endsSentence } from './line-text.js';

/** `at` gives a line as a source line (for messages). */
export function bodyBlocks(drafts: readonly Draft[], kept: KeptAside, at: (i: number) => SourceLine): Block[] {
  const blocks: Block[] = [];
  // The right edge of the text a line is in: that of the longest line of its region, in its type, that starts where it does.
  const all = drafts.flatMap((d) => (d.kind === 'table' ? [] : d.lines));
  const right = (line: PdfLine) =>
    Math.max(
      ...all
        .filter(
          (l) => l.region === line.region && Math.abs(l.size - line.size) <= 0.1 * line.size && Math.abs(l.x0 - line.x0) <= line.size * 1.5,
        )
        .map((l) => l.x1),
    );
  for (const draft of drafts) {
    const line = at(draft.indexes[0]!);
    if (draft.kind === 'paragraph' && setLines(draft, right)) {
      blocks.push({ type: 'lines', texts: draft.lines.map((l) => kept.textOf([l])), line });
      continue;
    }
    if (draft.kind === 'table' || draft.kind === 'code') {
      const markdown = draft.kind === 'code' ? codeBlock(draft.lines) : tableMarkdown(draft.lines, (lines) => kept.textOf(lines));
      blocks.push({ type: 'paragraph', text: kept.keepBlock(markdown), line });
      continue;
    }
    // An item's marker goes from its first line, over as many segments as it takes (a bold number; a tagged PDF's label).
    // A paragraph wholly in bold or italic (a letter's bold subject line, an italic note) keeps it: that is its emphasis.
    const text = kept.textOf(draft.kind === 'paragraph' ? draft.lines : withoutUniformType(draft.lines), draft.kind === 'item');
    if (!text) continue;
    if (draft.kind === 'heading') blocks.push({ type: 'heading', text, line });
    else if (draft.kind === 'paragraph') blocks.push({ type: 'paragraph', text, line });
    else {
      const { ordered, marker, number, level } = draft.item!;
      const entry: ListItem = { ordered, marker, indent: 0, level, text, line };
      if (number !== undefined) entry.number = number;
      const last = blocks.at(-1);
      if (last?.type === 'list') last.items.push(entry);
      else blocks.push({ type: 'list', items: [entry], line });
    }
  }
  // A list's levels count from 1.
  for (const block of blocks) {
    if (block.type !== 'list') continue;
    const min = Math.min(...block.items.map((i) => i.level));
    let previous = 0;
    for (const item of block.items) {
      item.level = Math.min(item.level - min + 1, previous + 1);
      previous = item.level;
    }
  }
  return blocks;
}

/**
 * Two or more lines, none but the last ending a sentence, each broken where the next line's first word would
 * still have fitted: the breaks were set (an address, a signature), not made by wrapping at the text's width.
 */
function setLines(draft: Draft, right: (line: PdfLine) => number): boolean {
  if (draft.lines.length < 2 || draft.lines.slice(0, -1).some((l) => endsSentence(l.text) || /[-\u2010\u00ad]$/.test(l.text))) return false;
  return draft.lines.slice(1).every((next, k) => {
    const line = draft.lines[k]!;
    const letter = (next.x1 - next.x0) / Math.max(1, next.text.length);
    const word = (/^\S+/.exec(next.text)?.[0].length ?? 0) + 1;
    return right(line) - line.x1 > letter * word * 1.2;
  });
}
