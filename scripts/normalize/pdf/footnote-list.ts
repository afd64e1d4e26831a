/**
 * A PDF's footnotes: a "Footnotes" (or "Notes", "Endnotes") heading over a numbered list, or
 * a closing list whose items end in a back-reference (↩), become GFM footnote definitions.
 */
import type { VFile } from 'vfile';
import type { Block } from '../text/blocks.js';
import { toInline } from '../text/inline.js';
import { recordRemoved } from '../text/source-lines.js';
import type { KeptAside } from './kept-aside.js';

/** The last such list is written as footnote definitions and kept aside in its place; its heading goes. */
export function moveFootnotes(file: VFile, blocks: Block[], kept: KeptAside): void {
  for (let k = blocks.length - 1; k >= 0; k--) {
    const block = blocks[k]!;
    if (block.type !== 'list' || !block.items.every((item) => item.ordered || /↩\s*$/.test(item.text))) continue;
    const heading = blocks[k - 1];
    const labelled = heading?.type === 'heading' && /^(?:foot|end)?notes$/i.test(heading.text.trim());
    if (!labelled && !block.items.every((item) => /↩\s*$/.test(item.text))) continue;
    const text = block.items.map((item, n) => `[^${item.number ?? n + 1}]: ${toInline(item.text.replace(/\s*↩\s*$/, ''))}`).join('\n\n');
    blocks.splice(labelled ? k - 1 : k, labelled ? 2 : 1, { type: 'paragraph', text: kept.keepBlock(text), line: block.line });
    if (labelled) recordRemoved(file, [heading.line], 'pdf-footnotes-heading');
    break;
  }
}
