/**
 * A PDF's title: the largest type on page 1 (a tagged PDF's H1 first), one or more lines of
 * one region, written as the document's Title metadata writes it when the two agree; with
 * no larger type, the Title metadata or the first short line, a warned guess.
 */
import type { VFile } from 'vfile';
import { defineRule } from '../../core/rules.js';
import type { WordSet } from '../rules/dehyphenate.js';
import { joinWrapped, subjectLine } from '../text/blocks.js';
import type { TitleCaseStyle } from '../../core/config.js';
import { acronymEvidence, textTitleStyle, toTitleCaseAny, type TitleStyle, writesLowerCase } from '../text/title-case.js';
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
    indexes.push(seed.i, ...wrappedOn(lines, seed.i));
  }
  return { first, indexes };
}

/**
 * The lines a title at `start` wraps onto: of its structure element (tagged), or in the same type right
 * under it. Lines of a column beside it (a letterhead) may come between them in reading order.
 */
function wrappedOn(lines: readonly PdfLine[], start: number): number[] {
  const out: number[] = [];
  let last = lines[start]!;
  for (let k = start + 1; k < lines.length && out.length < 3; k++) {
    const next = lines[k]!;
    // A letter's or statement's subject line ("Re: Restoring Internet Freedom") is never part of the title.
    if (next.page !== last.page || subjectLine.test(next.text)) break;
    const under = Math.min(last.x1, next.x1) > Math.max(last.x0, next.x0);
    const follows =
      last.element !== undefined
        ? next.element === last.element
        : next.size === last.size && next.bold === last.bold && last.y - next.y > 0 && last.y - next.y <= last.size * 1.6 && under;
    if (follows) {
      out.push(k);
      last = next;
    } else if (next.region === last.region || under) break;
  }
  return out;
}

/** The lines (one to three, in a row) whose text is `wanted` (squashed). */
function titleSpan(lines: readonly PdfLine[], wanted: string, removed: RemovedLines): number[] {
  for (let k = 0; k < lines.length; k++) {
    let joined = '';
    for (let n = k; n < Math.min(lines.length, k + 3) && !removed.has(n); n++) {
      joined += squash(lines[n]!.text);
      if (joined === wanted) return Array.from({ length: n - k + 1 }, (_, m) => k + m);
      if (!wanted.startsWith(joined)) break;
    }
  }
  return [];
}

/** The document's Title metadata, unless it is only a file name ("Brief.docx"). */
export function metadataTitle(info: PdfLayout['info']): string | undefined {
  if (!info.title || /\.(?:docx?|odt|pdf|html?|rtf|txt)$/i.test(info.title)) return undefined;
  // Without a subject line run on after it ("STATEMENT OF … Re: Restoring Internet Freedom, WC Docket No. 17-108.").
  return info.title.replace(/\s+re:\s.*$/i, '').trim() || undefined;
}

/**
 * A word processor's PDF (LibreOffice, Word, Pages, WordPerfect: its Creator or Producer says so)
 * is its author's own document, as a Markdown file's front matter is: with `auto`, its title is
 * kept as the author wrote it (Amnesty International's and the Office of the Privacy
 * Commissioner of Canada's statements, docs/corpus.md "Title case"). Other PDFs (browsers'
 * prints, typesetters) are cased as the text readers case titles.
 */
export function pdfTitleStyle(info: PdfLayout['info'], option: TitleCaseStyle | undefined): TitleStyle {
  if (option !== undefined && option !== 'auto') return textTitleStyle({ titleCase: option });
  const made = `${info.creator ?? ''} ${info.producer ?? ''}`;
  return wordProcessor.test(made) ? 'as-written' : 'news';
}

const wordProcessor = /\b(?:LibreOffice|OpenOffice|Microsoft\W{0,2}\s*(?:Office\s+)?Word|WordPerfect|Pages)\b|^\s*Writer\b/i;

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
  style: TitleStyle = 'news',
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
  // In title case as the text readers write titles, whatever case the PDF set it in (the Title metadata spells it best).
  const text = lines.map((l) => l.text).join('\n');
  const titleCase = (t: string) => toTitleCaseAny(t.replace(/\s+/g, ' ').trim(), evidence, (word) => writesLowerCase(text, word), style);
  if (rawTitle && metaTitle && squash(rawTitle) === squash(metaTitle)) title = titleCase(metaTitle);
  else if (rawTitle) title = titleCase(rawTitle);
  else {
    // No larger type: the document's Title, or the first short line.
    // The document's Title as the text sets it, on one line or over two or three.
    const span = metaTitle ? titleSpan(lines, squash(metaTitle), removed) : [];
    const inText = span[0] ?? -1;
    const titleLike = (l: PdfLine, i: number) =>
      !removed.has(i) && l.text.split(/\s+/).length <= 14 && !endsSentence(l.text) && /\p{L}/u.test(l.text);
    const short = lines.findIndex(titleLike);
    // A title set in the body's size in bold (a statement's head, a letter's subject line) comes before the running text.
    const running = lines.findIndex((l, i) => !removed.has(i) && l.text.split(/\s+/).length >= 10);
    const bold = lines.findIndex((l, i) => l.bold && titleLike(l, i) && (running < 0 || i < running));
    const pick = inText >= 0 ? inText : metaTitle ? -1 : bold >= 0 ? bold : short;
    if (pick >= 0) indexes = pick === inText ? span : [pick, ...(pick === bold ? wrappedOn(lines, pick) : [])];
    const picked = indexes
      .map((i) => lines[i]!.text)
      .reduce((a, b) => joinWrapped(a, b, words), '')
      .trim();
    title = metaTitle ? titleCase(metaTitle) : pick >= 0 ? titleCase(picked) : '';
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
