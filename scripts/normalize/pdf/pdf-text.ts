/**
 * A PDF's lines in reading order over all its pages, their characters repaired as the text
 * readers repair an extraction's, and the text view of them that messages count lines in.
 */
import * as extraction from '../rules/extraction-characters.js';
import { pageLines, type PdfLine } from './layout-lines.js';
import type { PdfLayout } from './read-pdf.js';

/** The lines of a PDF in reading order, and the text view of them that messages count lines in (one line each, pages split by a form feed). */
export function pdfText(layout: PdfLayout): { lines: PdfLine[]; text: string } {
  const lines: PdfLine[] = [];
  for (const page of layout.pages) lines.push(...pageLines(page, lines.length ? lines.at(-1)!.region + 1 : 0));
  for (const line of lines) {
    // Fonts of some engines map the apostrophe to U+02BC (modifier letter apostrophe): the text means U+2019.
    for (const segment of line.segments)
      segment.text = extraction
        .fixExtractionCharacters(segment.text)
        .text.replace(/(?<=\p{L})\u02bc/gu, '\u2019')
        .replace(/(?<!\p{L})\u02bb(?=\p{L})/gu, '\u2018');
    line.text = line.segments.map((s) => s.text).join('');
  }
  let text = '';
  lines.forEach((line, i) => {
    if (i > 0) text += line.page !== lines[i - 1]!.page ? '\n\f' : '\n';
    text += line.text;
  });
  return { lines, text };
}
