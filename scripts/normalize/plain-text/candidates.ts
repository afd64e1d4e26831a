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
import * as siteSection from '../rules/site-section.js';

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

/**
 * A page's title said again lower down by the text's own headline, broken over lines (the
 * page's "ALA President … responds to Oversight Hearing on Section 215 of the USA Patriot Act",
 * then, under the contact block and the date, the release's "… responds to Oversight Hearing" /
 * "on Section 215 of the USA Patriot Act"; a certifier's page title, then its release's headline
 * over two lines under its "Press Release" label): the one line is the title, the broken
 * repetition goes (rule `title-repeated`); short lines right over the title in its group are
 * the site's label (the site's "Europrivacy News" over it, rule `site-section`), other lines
 * beside it become groups of their own. `candidates` is changed only
 * when the repetition is found; the title's group is returned.
 */
export function takeRepeatedHeadline(page: Page, candidates: Candidate[]): Candidate | undefined {
  const flat = candidates.flatMap((candidate, k) => candidate.lines.map((line, n) => ({ k, n, text: squash(line.text) })));
  for (const [at, { k, n, text }] of flat.entries()) {
    if (candidates[k]!.lines[n]!.text.trim().split(/\s+/).length < 5) continue;
    for (let from = at + 1; from < flat.length; from++) {
      if (flat[from]!.k === k) continue;
      let said = '';
      let to = from;
      for (; to < flat.length && to < from + 4 && text.startsWith(said + flat[to]!.text); to++) said += flat[to]!.text;
      if (said !== text || to - from < 2) continue;
      const repeated = new Set(flat.slice(from, to).map(({ k: g, n: m }) => candidates[g]!.indexes[m]!));
      repeated.forEach((index) => page.remove(index, 'title-repeated'));
      const group = candidates[k]!;
      const part = (start: number, end: number): Candidate => ({
        lines: group.lines.slice(start, end),
        indexes: group.indexes.slice(start, end),
      });
      const title = part(n, n + 1);
      // Short lines right over the page's title, no blank line between ("Europrivacy News"): the site's label over it.
      const above = part(0, n);
      if (above.lines.every((line) => line.text.trim().split(/\s+/).length <= 4 && !/[.!?:;,]$/.test(line.text.trim()))) {
        above.indexes.forEach((index) => page.remove(index, siteSection.id));
        above.lines = [];
      }
      const split = [above, title, part(n + 1, group.lines.length)];
      const rest = candidates.flatMap((candidate, g) => {
        if (g === k) return split;
        const keep = candidate.indexes.map((index) => !repeated.has(index));
        return [
          {
            ...candidate,
            lines: candidate.lines.filter((_, m) => keep[m]),
            indexes: candidate.indexes.filter((_, m) => keep[m]),
          },
        ];
      });
      candidates.splice(0, candidates.length, ...rest.filter((candidate) => candidate.lines.length > 0));
      return title;
    }
  }
  return undefined;
}
