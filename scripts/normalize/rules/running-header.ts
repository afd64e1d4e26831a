/**
 * Rule `running-header`: a running header or footer: a short line that repeats on
 * several pages (page numbers inside it may differ), next to a page break, repeated
 * at least three times, or repeated twice with its page number ("… - 2 -", "Page 3 of 4")
 * or with the separators of a running head ("Center for X | Issue Brief").
 *
 *   in:  Acme Institute | Policy Brief 12 | Page 2   (on every page)
 *   out: (removed; a paragraph cut by the page break is joined again)
 */
import { defineRule } from '../../core/rules.js';
import type { SourceLine } from '../text/source-lines.js';
import * as organization from './letterhead-organization.js';
import { squash } from '../text/squash.js';

export const { id, summary } = defineRule('running-header');

/** A header/footer that carries its page number: "… | Issue Brief        - 2 -", "… Page 3", "… 2 of 4". */
const pageNumberTail =
  /(?:\s{3,}|\s[|•·–—-]\s|\s)(?:[-–—]\s*\d{1,3}\s*[-–—]|page\s+\d{1,3}(?:\s+of\s+\d{1,3})?|\d{1,3}\s+of\s+\d{1,3})$|\s{3,}\d{1,3}$|^\d{1,3}\s{3,}\S/i;
/** "Organization | Issue Brief": parts joined with a separator, as running heads are. */
const separators = /^[^|•·]{2,60}\s[|•·—]\s[^|•·]{2,60}$/;

const key = (text: string) => text.trim().toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');

/**
 * Indexes of the running header/footer lines among `lines`. `isBreak` says whether a line
 * is next to a page break (a form feed, a page number); `isEdge` whether it is at the very
 * top or bottom of the text, which is weaker evidence: the title is there too. A line
 * repeated on later pages that is also the only one of its kind on the first page near
 * its top is kept there (a running header that repeats the title never takes the title).
 */
export function find(
  lines: readonly SourceLine[],
  isBreak: (index: number) => boolean,
  isEdge: (index: number) => boolean = () => false,
): Set<number> {
  const groups = new Map<string, number[]>();
  lines.forEach((line, index) => {
    const text = line.text.trim();
    // A sentence (long, with its full stop) is text, however often the text says it.
    if (text.length < 3 || text.length > 120 || /^[-•*◦▪]\s/.test(text) || (text.length > 60 && /[.!?]["”’)]?$/.test(text))) return;
    const k = key(text);
    const group = groups.get(k);
    if (group) group.push(index);
    else groups.set(k, [index]);
  });
  // Where page 2 starts: a page break with text after it (a form feed at the very end closes the last page).
  let lastText = lines.length - 1;
  while (lastText > 0 && !lines[lastText]!.text.trim()) lastText--;
  const firstBreak = lines.findIndex(
    (line, index) => index < lastText - 2 && (line.pageStart || (index > 0 && isBreak(index) && !isEdge(index))),
  );
  const top = lines.slice(0, Math.min(20, firstBreak < 0 ? 20 : firstBreak)).map((line) => squash(line.text));
  const topJoined = top.map((t, k) => t + (top[k + 1] ?? ''));
  const topWords = new Set(
    lines
      .slice(0, Math.min(20, firstBreak < 0 ? 20 : firstBreak))
      .flatMap((line) => line.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []),
  );
  // A short form of the title ("EFF | Statement on FISA Oversight" under "EFF Statement to House Judiciary Hearing on FISA Oversight").
  const shortened = (part: string) => {
    const words = part.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    return words.length >= 3 && words.every((w) => topWords.has(w));
  };
  const found = new Set<number>();
  for (const indexes of groups.values()) {
    const texts = indexes.map((index) => lines[index]!.text.trim());
    const separated = texts.every((text) => separators.test(text));
    if (indexes.length < 2) {
      // "Org | Title of the brief" once, at the break of a two-page text: one of its parts is at the top.
      const raw = separated ? texts[0]!.split(/\s[|•·—]\s/) : [];
      const parts = raw.map(squash);
      const index = indexes[0]!;
      // Or the title with the year, once, at the head of page 2 ("State of Digital Rights 2018").
      const dated = /\b(?:19|20)\d{2}$/.test(texts[0]!) ? squash(texts[0]!.replace(/\s*\b(?:19|20)\d{2}$/, '')) : '';
      if (
        isBreak(index) &&
        index > (firstBreak < 0 ? 0 : firstBreak) - 1 &&
        (parts.some((p) => p.length >= 6 && (top.includes(p) || topJoined.includes(p))) ||
          raw.some(shortened) ||
          (dated.length >= 10 && top.includes(dated)))
      )
        found.add(index);
      continue;
    }
    const near = indexes.filter((index) => isBreak(index)).length;
    const edge = indexes.filter((index) => !isBreak(index) && isEdge(index)).length;
    const pageTail = texts.every((text) => pageNumberTail.test(text)) && new Set(texts).size === texts.length;
    // A page is longer than a few lines: a line said again and again close together (the
    // city line of a letter's addresses, "Washington, DC 20510") is no running header.
    const spread = indexes.every((index, k) => k === 0 || index - indexes[k - 1]! >= 8);
    // The title near the top of page 1, said again at each page break below it (a footer that
    // repeats the title, right before a form feed): the lines at the breaks are the page's.
    const first = indexes[0]!;
    const titleAbove = first < 15 && (firstBreak < 0 || first < firstBreak) && !isBreak(first) && indexes.slice(1).every(isBreak);
    const running =
      near + edge >= 2 ||
      (near >= 1 && near + edge >= indexes.length) ||
      (near >= 1 && titleAbove) ||
      (indexes.length >= 3 && near + edge >= 1 && spread) ||
      pageTail ||
      separated;
    if (!running) continue;
    const onFirstPage = indexes.filter((index) => firstBreak < 0 || index < firstBreak);
    // Said twice at the top edge of page 1 and nowhere else (a document viewer's title over the
    // cover's title): one of them is the title.
    const topTwice =
      near === 0 && indexes.length === 2 && onFirstPage.length === 2 && indexes[1]! < 8 && !organization.looksLikeName(texts[0]!);
    const keepFirst =
      firstBreak >= 0 && (titleAbove || topTwice || (onFirstPage.length === 1 && onFirstPage[0]! < 15)) && !pageTail && !separated;
    indexes.forEach((index, k) => (k === 0 && keepFirst ? undefined : found.add(index)));
  }
  return found;
}

/**
 * The head of page 1 in `pdftotext -layout` form: the text's first line, two short parts set
 * flush left and flush right with a wide gutter between them ("Federal Communications
 * Commission        FCC 17-166", "Human Rights Watch        Submission to the Investigatory
 * Powers Review"). A title is one part, centred or flush left; a line set this way is the
 * page's running head, even on a one-page text. Its index, or -1.
 */
export function pageHead(lines: readonly SourceLine[]): number {
  const first = lines.findIndex((line) => line.text.trim() !== '');
  if (first < 0 || /^\s/.test(lines[first]!.text)) return -1;
  const parts = lines[first]!.text.trim().split(/\s{10,}/);
  if (parts.length !== 2) return -1;
  const short = (part: string) => part.split(/\s+/).length <= 8 && !/[.!?:;,]$/.test(part);
  return parts.every(short) && !/\s{3,}/.test(parts[0]!) ? first : -1;
}
