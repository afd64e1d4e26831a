/**
 * A web page printed to PDF by a browser, with its header and footer: the page's address in
 * the footer says what the text readers read from a print's text (text/browser-print.ts). A
 * blog's permalink ("…/2015/09/02/slug/") gives the post's day when the text gives none, and
 * makes the text a post unless it opens with a press release's dateline.
 */
import type { VFile } from 'vfile';
import type { ReaderResult } from '../reader.js';
import type { Block } from '../text/blocks.js';
import { permalinkDay, printedAddress } from '../text/browser-print.js';
import { reportGuess } from '../text/guessed.js';
import { opensWithDateline } from '../plain-text/date.js';
import type { PdfLine } from './layout-lines.js';

/** The texts of the first two and last two lines of each page. */
function edges(lines: readonly PdfLine[]): string[] {
  const pages = new Map<number, string[]>();
  for (const line of lines) pages.set(line.page, [...(pages.get(line.page) ?? []), line.text]);
  return [...pages.values()].flatMap((texts) => [...texts.slice(0, 2), ...texts.slice(-2)]);
}

export function readPrintedPage(file: VFile, lines: readonly PdfLine[], blocks: readonly Block[], data: ReaderResult['data']): void {
  const day = permalinkDay(printedAddress(edges(lines)));
  if (!day) return;
  const place = { line: lines.length, column: 1 };
  if (!data.date) {
    data.date = day;
    reportGuess(file, 'date', day, 'the day in the page’s address (its print footer)', place);
  }
  if (data.kind !== 'post' && !opensWithDateline(blocks)) {
    data.kind = 'post';
    reportGuess(file, 'kind', 'post', 'the page’s address (its print footer) is a blog’s permalink, with the day', place);
  }
}
