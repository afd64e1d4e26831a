/**
 * A post's summary: from running text, not an image, not a one-line aside, without a
 * press release's dateline.
 */
import type { Block } from '../text/blocks.js';
import { isSummaryText, plainText, summarize } from '../text/summary.js';
import { toInline } from '../text/inline.js';
import { withoutDateline } from '../text/dateline.js';

type Paragraph = Extract<Block, { type: 'paragraph' }>;

/** The first paragraph that makes a summary, else the first of eight words or more, else the first; summarized. */
export function webSummary(blocks: readonly Block[], title: string, links: ReadonlyMap<number, string>): string | undefined {
  const paragraphs = blocks.filter(
    (b): b is Paragraph => b.type === 'paragraph' && !/^!\[[^\]]*\]\([^)]*\)(?:\s*\[\d+\])?$/.test(b.text.trim()),
  );
  const firstParagraph =
    paragraphs.find((b) => isSummaryText(toInline(b.text, { markdownLinks: true, links }), title)) ??
    paragraphs.find((b) => plainText(b.text).split(/\s+/).length >= 8) ??
    paragraphs[0];
  return firstParagraph ? summarize(withoutDateline(plainText(toInline(firstParagraph.text, { markdownLinks: true, links })))) : undefined;
}
