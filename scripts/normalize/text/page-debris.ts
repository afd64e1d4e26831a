/**
 * Page-break debris: form feeds, bare page numbers and running headers/footers are
 * removed (and recorded); a paragraph cut by a page break is joined again.
 */
import type { VFile } from 'vfile';
import { isBlank, recordRemoved, type SourceLine } from './source-lines.js';
import * as pageNumber from '../rules/page-number.js';
import * as runningHeader from '../rules/running-header.js';
import { squash } from './squash.js';

export function removePageDebris(file: VFile, lines: readonly SourceLine[]): SourceLine[] {
  const hasPages = lines.some((line) => line.pageStart);
  const top = new Set(
    lines
      .slice(0, 20)
      .map((line) => squash(line.text))
      .filter((t) => t.length >= 6),
  );
  const isNumber = lines.map(
    (line, i) => pageNumber.test(line.text) && (isPageNumberContext(lines, i, hasPages) || overRunningHead(lines, i, top)),
  );
  // A page number among the text's first lines ("Page 1" under a document viewer's title) heads
  // page 1: no page ends there, so the lines around it are not next to a break.
  const firstText = lines.findIndex((line) => !isBlank(line));
  const headsFirstPage = (i: number) => i - firstText <= 3 && lines.slice(firstText, i).filter((l) => !isBlank(l)).length <= 1;
  const nearBreak = (index: number) => {
    for (let d = -3; d <= 3; d++) {
      const line = lines[index + d];
      if (line && ((line.pageStart && d >= 0) || (isNumber[index + d] && !headsFirstPage(index + d)))) return true;
    }
    return false;
  };
  // The first and last lines of a longer text (a short one is all edges).
  const atEdge = (index: number) => lines.length >= 20 && (index <= 4 || index >= lines.length - 3);
  const running = runningHeader.find(lines, nearBreak, atEdge);
  const head = runningHeader.pageHead(lines);
  if (head >= 0) running.add(head);
  const kept: SourceLine[] = [];
  const breaks = new Set<number>(); // indexes in `kept` where a page break was
  lines.forEach((line, i) => {
    if (line.pageStart) breaks.add(kept.length);
    if (isNumber[i]) {
      recordRemoved(file, [line], pageNumber.id);
      if (!headsFirstPage(i)) breaks.add(kept.length);
    } else if (running.has(i)) {
      recordRemoved(file, [line], runningHeader.id);
      breaks.add(kept.length);
    } else kept.push(line);
  });
  return joinAcrossBreaks(kept, breaks);
}

/** A lone number is a page number next to a page break, or with blank lines around it. */
function isPageNumberContext(lines: readonly SourceLine[], i: number, hasPages: boolean): boolean {
  if (/page|of|\//i.test(lines[i]!.text)) return true;
  const blankAround = isBlank(lines[i - 1]) && isBlank(lines[i + 1]);
  const nextPage =
    lines.slice(i + 1, i + 4).some((l) => l.pageStart) ||
    lines[i]!.pageStart ||
    lines.slice(Math.max(0, i - 2), i).some((l) => l.pageStart);
  return hasPages ? nextPage || blankAround : blankAround;
}

/**
 * A lone number after a blank line, over a line that says again a line of the text's top (the
 * title, the organization's name: "2" / "SUBMISSION: Consultation on National Security"), is
 * the page number of a page head with no page break marked.
 */
function overRunningHead(lines: readonly SourceLine[], i: number, top: ReadonlySet<string>): boolean {
  const next = lines[i + 1];
  return i >= 20 && isBlank(lines[i - 1]) && next !== undefined && top.has(squash(next.text));
}

/** Remove the blank lines of a page break inside a paragraph, so its lines join again. */
function joinAcrossBreaks(lines: SourceLine[], breaks: ReadonlySet<number>): SourceLine[] {
  // The non-blank line at or before / at or after each index, found once (walking the blank
  // lines from every break was quadratic in a text of page numbers and blank lines).
  const textBefore: number[] = [];
  for (let i = 0, last = -1; i < lines.length; i++) textBefore.push((last = isBlank(lines[i]) ? last : i));
  const textAfter: number[] = new Array<number>(lines.length);
  for (let i = lines.length - 1, next = lines.length; i >= 0; i--) textAfter[i] = next = isBlank(lines[i]) ? next : i;
  const drop = new Set<number>();
  const seen = new Set<number>(); // breaks between the same two lines: one decision
  for (const at of breaks) {
    const before = at > 0 ? textBefore[at - 1]! : -1;
    const after = at < lines.length ? textAfter[at]! : lines.length;
    if (seen.has(before)) continue;
    seen.add(before);
    const previous = lines[before]?.text.trim() ?? '';
    const next = lines[after]?.text.trim() ?? '';
    if (!previous || !next) continue;
    const cut =
      !/[.!?:;"”)]$/.test(previous) && (/^\p{Ll}/u.test(next) || /\p{L}[-\u00ad]$/u.test(previous) || /[,\p{Ll}]$/u.test(previous));
    if (cut) for (let k = before + 1; k < after; k++) drop.add(k);
  }
  return lines.filter((_, i) => !drop.has(i)).map((line) => (line.pageStart ? { ...line, pageStart: false } : line));
}
