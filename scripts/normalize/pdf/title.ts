/**
 * A PDF's title: the largest type on page 1 (a tagged PDF's H1 first), one or more lines of
 * one region, written as the document's Title metadata writes it when the two agree; with
 * no larger type, the Title metadata or the first short line, a warned guess.
 */
import type { VFile } from 'vfile';
import { defineRule } from '../../core/rules.js';
import type { WordSet } from '../rules/dehyphenate.js';
import { joinWrapped } from '../text/blocks.js';
import { acronymEvidence, isAllCaps, toTitleCase } from '../text/title-case.js';
import type { PdfLine } from './layout-lines.js';
import { endsSentence, squash } from './line-text.js';
import type { PdfLayout } from './read-pdf.js';
import type { RemovedLines } from './removed-lines.js';

/** The first page with text, and the lines of the title on it (none when no type is larger than the body's). */
export function titleLines(lines: readonly PdfLine[], body: number): { first: number; indexes: number[] } {
  const first = lines.find((line) => !line.artifact)?.page ?? 1; // the first page with text
  const firstPage = lines.map((line, i) => ({ line, i })).filter(({ line }) => line.page === first && !line.artifact);
  const taggedTitle = firstPage.filter(({ line }) => line.roles?.includes('H1'));
  const largest = Math.max(...firstPage.map(({ line }) => line.size));
  const indexes: number[] = [];
  const seed = taggedTitle[0] ?? (largest >= body * 1.15 ? firstPage.find(({ line }) => line.size === largest) : undefined);
  if (seed) {
    indexes.push(seed.i);
    for (let k = seed.i + 1; k < lines.length; k++) {
      const next = lines[k]!;
      const same =
        seed.line.element !== undefined
          ? next.element === seed.line.element
          : next.size === seed.line.size && next.region === seed.line.region;
      if (!same || indexes.length >= 4) break;
      indexes.push(k);
    }
  }
  return { first, indexes };
}

/** The document's Title metadata, unless it is only a file name ("Brief.docx"). */
export function metadataTitle(info: PdfLayout['info']): string | undefined {
  return info.title && !/\.(?:docx?|odt|pdf|html?|rtf|txt)$/i.test(info.title) ? info.title : undefined;
}

/**
 * The title's text and lines, and the acronyms the rest of the text justifies (evidence for
 * title case, here and in headings); fails when there is no title to be found at all.
 */
export function readTitle(
  file: VFile,
  lines: readonly PdfLine[],
  titleIndexes: number[],
  metaTitle: string | undefined,
  removed: RemovedLines,
  words: WordSet,
): { title: string; indexes: number[]; evidence: Map<string, string> } {
  let indexes = titleIndexes.filter((i) => !removed.has(i));
  const evidence = acronymEvidence(
    lines
      .filter((_, i) => !indexes.includes(i))
      .map((l) => l.text)
      .join('\n'),
  );
  let title: string;
  const rawTitle = indexes.map((i) => lines[i]!.text).reduce((a, b) => joinWrapped(a, b, words), '');
  if (rawTitle && metaTitle && squash(rawTitle) === squash(metaTitle)) title = metaTitle;
  else if (rawTitle) title = toTitleCase(rawTitle, evidence);
  else {
    // No larger type: the document's Title, or the first short line.
    const inText = metaTitle ? lines.findIndex((l) => squash(l.text) === squash(metaTitle)) : -1;
    const short = lines.findIndex((l, i) => !removed.has(i) && l.text.split(/\s+/).length <= 14 && !endsSentence(l.text));
    const pick = inText >= 0 ? inText : metaTitle ? -1 : short;
    if (pick >= 0) indexes = [pick];
    title = metaTitle ?? (pick >= 0 ? (isAllCaps(lines[pick]!.text) ? toTitleCase(lines[pick]!.text, evidence) : lines[pick]!.text) : '');
    if (!title) {
      throw defineRule('no-title').fail(file, 'no recognizable title: no larger type on page 1, no Title in the PDF and no short line', {
        line: 1,
        column: 1,
      });
    }
    defineRule('pdf-title-guessed').report(
      file,
      `no larger type for a title on page 1: the title ("${title}") was ${metaTitle ? "taken from the PDF's Title" : 'guessed'}, check it`,
      { place: { line: (pick >= 0 ? pick : 0) + 1, column: 1 } },
    );
  }
  return { title, indexes, evidence };
}
