/**
 * The groups of short lines at the top of a text, one of which is its title; and the
 * lines among them that are no title (a subheading under it, the page's header).
 */
import type { VFile } from 'vfile';
import { isBlank, recordRemoved, type SourceLine } from '../text/source-lines.js';
import { endsOpen } from '../text/blocks.js';
import { isAllCaps } from '../text/title-case.js';
import type { Page } from './page.js';
import { isEnglishWord } from '../text/english-words.js';
import { squash } from '../text/squash.js';

export interface Candidate {
  lines: SourceLine[];
  indexes: number[];
  /** Made of the first words of the text (the sentence is still in the body: no evidence of its case). */
  fromSentence?: boolean;
  /** A letter's inside address ("Ms Jane Smith", her office, its street): the addressee's, not the letterhead. */
  insideAddress?: boolean;
  /** Split off the organization's name above it. */
  belowName?: boolean;
  /** The lines under the page's title, split off it: the standfirst. */
  standfirst?: boolean;
}

/** The candidate's lines joined by spaces. */
export const candidateText = (candidate: Candidate): string => candidate.lines.map((l) => l.text).join(' ');

/**
 * A short title and, on the next line, a one- or two-word section heading with the text
 * right under it ("EPIC Testimony" / "Background" / "EPIC routinely testifies …"): the
 * heading is no part of the title. A title wrapped over two lines fills its first line.
 */
export function withoutSubheading(candidate: Candidate, lines: readonly SourceLine[]): void {
  if (candidate.lines.length !== 2) return;
  const [first, second] = candidate.lines.map((l) => l.text.trim()) as [string, string];
  const after = lines[candidate.indexes[1]! + 1];
  const words = (text: string) => text.split(/\s+/).length;
  if (
    words(first) <= 4 &&
    words(second) <= 2 &&
    !endsOpen(first) &&
    /^\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)?$/u.test(second) &&
    !isAllCaps(second) &&
    after !== undefined &&
    !isBlank(after) &&
    words(after.text.trim()) >= 8
  ) {
    candidate.lines.pop();
    candidate.indexes.pop();
  }
}

/** A line that repeats another candidate with a name beside it ("Title - Civic Space", "Org | Title"): the page's header. */
export function removeRepeatedTitle(page: Page, candidates: Candidate[]): void {
  for (let k = candidates.length - 1; k >= 0; k--) {
    const candidate = candidates[k]!;
    if (candidate.lines.length !== 1) continue;
    const text = candidate.lines[0]!.text;
    // Or the same words once more below (a document viewer's title over the document's own cover title).
    const same = (other: Candidate) => squash(candidateText(other)) === squash(text);
    if (
      candidates.some((other) => other !== candidate && repeatsWithName(text, candidateText(other))) ||
      (squash(text).length >= 10 && candidates.slice(k + 1).some(same))
    ) {
      page.remove(candidate.indexes[0]!, 'title-repeated');
      candidates.splice(k, 1);
    }
  }
}

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Does `line` repeat `title` with a short name beside it, joined by a separator ("UK: Open
 * Letter … - Civic Space", "Open Rights Group | Online Safety Bill …", a `-layout` page header
 * "Human Rights Watch      Submission to the Investigatory Powers Review")? One part is
 * three or more words, all of them the title's, and most of the title; the other is a name
 * of at most six words.
 */
function repeatsWithName(line: string, title: string): boolean {
  const parts = line.trim().split(/\s+[|•·–—-]\s+|\s{3,}/);
  if (parts.length !== 2) return false;
  const titleWords = new Set(wordsOf(title));
  return parts.some((part, n) => {
    const words = wordsOf(part);
    const other = wordsOf(parts[1 - n]!);
    return (
      words.length >= 3 &&
      other.length >= 1 &&
      other.length <= 6 &&
      words.every((w) => titleWords.has(w)) &&
      words.length >= titleWords.size * 0.5
    );
  });
}

/**
 * Lines of a logo's letters that the extraction broke apart ("NE DES A" / "IEN VO", "CA" /
 * "CIATION C"): all short, in capitals, and half their pieces or more no English word.
 */
export function isLogoFragments(lines: readonly string[]): boolean {
  if (lines.length < 2 || lines.some((l) => l.trim().length > 12)) return false;
  const pieces = lines.flatMap((l) => l.trim().split(/\s+/));
  // Letters only, three pieces or more (a section number over its name, "I." / "INTRODUCTION", is no logo).
  if (pieces.length < 3 || !pieces.every((p) => /^\p{Lu}+$/u.test(p))) return false;
  return pieces.filter((p) => !isEnglishWord(p.toLowerCase())).length >= pieces.length / 2;
}

/** Remove the candidates that are a logo's broken letters (rule `logo-fragments`): no title, no text. */
export function removeLogoFragments(page: Page, candidates: Candidate[]): void {
  for (let k = candidates.length - 1; k >= 0; k--) {
    if (!isLogoFragments(candidates[k]!.lines.map((l) => l.text))) continue;
    candidates[k]!.indexes.forEach((i) => page.remove(i, 'logo-fragments'));
    candidates.splice(k, 1);
  }
}

/**
 * A saved page's title as its window showed it, with the site's name after a separator
 * ("Groups call on TTB for alcohol labeling – National Consumers League"): the name is no part
 * of the headline when the text names the organization again elsewhere. The candidate keeps the
 * headline; the name is recorded as removed (rule `site-name-suffix`).
 */
export function removeSiteNameSuffix(file: VFile, candidates: Candidate[], text: string): void {
  for (const candidate of candidates) {
    if (candidate.lines.length !== 1) continue;
    const line = candidate.lines[0]!;
    const found = /^(.{12,}?)\s+[–—|-]\s+(\p{Lu}[\p{L}'’&.]*(?:\s+(?:\p{Lu}[\p{L}'’&.]*|of|for|the|and|on|&)){1,5})\s*$/u.exec(
      line.text.trim(),
    );
    if (!found) continue;
    const [, headline, name] = found as unknown as [string, string, string];
    if (headline.split(/\s+/).length < 3 || text.split(name).length - 1 < 2) continue;
    recordRemoved(file, [{ ...line, text: name }], 'site-name-suffix');
    candidate.lines = [{ ...line, text: line.text.slice(0, line.text.lastIndexOf(name)).replace(/\s+[–—|-]\s*$/, '') }];
  }
}
