/**
 * The page's own title (a browser print's header names it) and the standfirst under the
 * title. The page title says where a title wrapped over several lines ends when the line
 * under it runs on with no blank line between ("Knight Institute Comments on … Ban" / "on
 * Transactions with TikTok and WeChat" / "Says ban raises serious First Amendment
 * concerns"); the lines after it are the standfirst. A news page also sets its standfirst and
 * its date line under the title with no blank line ("OpenMedia is encouraging … this" /
 * "Saturday March 14" / "March 10th, 2015"): the date line closes the standfirst.
 * A standfirst is the text's own summary of itself: the brief's summary.
 */
import { isBlank, recordRemoved, type SourceLine } from '../text/source-lines.js';
import { parseDateLine } from '../text/dates.js';
import type { Candidate } from './candidates.js';
import type { Page } from './page.js';
import { bylineNames } from './letter-lines.js';
import { sentences } from '../text/summary.js';
import { isAllCaps } from '../text/title-case.js';
import { endsOpen, isHeadingLike } from '../text/blocks.js';
import { squash } from '../text/squash.js';

/**
 * The candidate that is the page's title, when one is or starts with it: cut there (the
 * lines after it become a candidate of their own, marked as the standfirst). `candidates`
 * is changed only then.
 */
export function titleByPageTitle(candidates: Candidate[], pageTitle: string | undefined): Candidate | undefined {
  const wanted = squash(pageTitle ?? '');
  if (wanted.length < 12) return undefined;
  for (const [k, candidate] of candidates.entries()) {
    let joined = '';
    for (let n = 0; n < candidate.lines.length; n++) {
      joined += squash(candidate.lines[n]!.text);
      if (!wanted.startsWith(joined)) break;
      if (joined !== wanted) continue;
      if (n + 1 === candidate.lines.length) return candidate;
      const title: Candidate = { lines: candidate.lines.slice(0, n + 1), indexes: candidate.indexes.slice(0, n + 1) };
      const rest: Candidate = { lines: candidate.lines.slice(n + 1), indexes: candidate.indexes.slice(n + 1), standfirst: true };
      candidates.splice(k, 1, title, rest);
      return title;
    }
  }
  return undefined;
}

export interface Standfirst {
  lines: SourceLine[];
  /** The date line that closes it, when the top gave no date. */
  date?: { iso: string; line: SourceLine };
  /** The names of the byline between it and its date line ("by Stilgherrian"). */
  authors?: string[];
}

const words = (lines: readonly SourceLine[]) =>
  lines
    .map((l) => l.text.trim())
    .join(' ')
    .split(/\s+/).length;
/** A standfirst is one phrase or sentence with no full stop: a line that ends one starts the text. */
const endsSentence = (line: SourceLine) => /[.!?:;]["”’)]?$/.test(line.text.trim());

/**
 * The standfirst right under the title: the lines split off the title by the page title, or
 * (when the top gave no date) the lines of the paragraph under the title down to a date
 * line that closes it. The date line is removed (recorded as `date-line`).
 */
export function readStandfirst(page: Page, title: Candidate, candidates: readonly Candidate[], hasDate: boolean): Standfirst | undefined {
  const split = candidates[candidates.indexOf(title) + 1];
  if (split?.standfirst) {
    const lines = split.lines;
    return words(lines) >= 4 && !lines.some(endsSentence) ? { lines } : undefined;
  }
  if (split && isDeck(page, title, split, candidates)) return { lines: split.lines };
  if (hasDate) return undefined;
  const { lines, removed } = page;
  let i = title.indexes.at(-1)! + 1;
  while (i < lines.length && isBlank(lines[i])) i++;
  const run: number[] = [];
  for (; i < lines.length && run.length < 5; i++) {
    if (isBlank(lines[i])) return run.length ? bylineAndDate(page, run, i) : undefined;
    if (removed.has(i)) return undefined;
    if (closesStandfirst(lines, run, i)) return { lines: run.map((k) => lines[k]!) };
    const date = parseDateLine(lines[i]!.text);
    if (date) {
      if (!run.length || words(run.map((k) => lines[k]!)) < 4 || run.some((k) => endsSentence(lines[k]!))) return undefined;
      if (!isBlank(lines[i + 1])) return undefined;
      removed.add(i);
      recordRemoved(page.file, [lines[i]!], 'date-line');
      return { lines: run.map((k) => lines[k]!), date: { iso: date.iso, line: lines[i]! } };
    }
    run.push(i);
  }
  return undefined;
}

const documentName =
  /^(?:(?:reply\s+)?comments?|response|testimony|(?:written\s+)?statement|submission|letter|remarks|petition|memorandum|report)\s+(?:by|of|to|from|before|regarding|in\s+response\s+to)\s/i;

/**
 * A heading right under a standfirst, with no blank line between (a PDF's extraction: "ORG
 * analysis and highlights concerning … on human" / "rights and the free internet" / "About Open
 * Rights Group"): the standfirst is one phrase with no full stop over two lines or more, its last
 * line stops well short of the others, and the heading line stands alone over a blank line.
 */
function closesStandfirst(lines: readonly SourceLine[], run: readonly number[], i: number): boolean {
  if (run.length < 2 || !isBlank(lines[i + 1])) return false;
  const standfirst = run.map((k) => lines[k]!);
  const last = standfirst.at(-1)!.text.trim().length;
  const longest = Math.max(...standfirst.map((l) => l.text.trim().length));
  const text = standfirst.map((l) => l.text.trim()).join(' ');
  return (
    last < longest * 0.6 &&
    words(standfirst) >= 8 &&
    !standfirst.some(endsSentence) &&
    !endsOpen(text) &&
    isHeadingLike(lines[i]!.text) &&
    !endsSentence(lines[i]!)
  );
}

/**
 * A deck: the last group of the top, right under the title, one phrase of six words or more
 * over one or two lines with no full stop, in the case of a title or a sentence's, with the
 * running text under it, nothing between it and the title ("CFA Joins Other Groups in Calling for a Data Protection Agency, Strong"
 * / "Enforcement, No State Preemption"; "\"Do Not Track\" Approach Balances User Preferences with
 * Personalized Web Experiences"). Its lines are taken out of the body.
 */
function isDeck(page: Page, title: Candidate, candidate: Candidate, candidates: readonly Candidate[]): boolean {
  const { lines } = candidate;
  if (candidate !== candidates.at(-1) || lines.length > 2 || words(lines) < 6 || lines.some(endsSentence)) return false;
  // The formal name of the filing under a news headline ("Response by the Open Markets Institute to
  // the Request by the Federal Trade Commission …"): it names the document, it says nothing of it.
  if (documentName.test(lines[0]!.text.trim())) return false;
  // Right under the title: nothing between them (a date line, a contact line) but blank lines.
  for (let i = title.indexes.at(-1)! + 1; i < candidate.indexes[0]!; i++) if (!isBlank(page.lines[i])) return false;
  // And right above the text: not above a date line ("Opening Statement – Name, Chairman" / "June 29, 2011").
  let next = candidate.indexes.at(-1)! + 1;
  while (next < page.lines.length && isBlank(page.lines[next])) next++;
  if (page.removed.has(next)) return false;
  const text = lines.map((l) => l.text.trim()).join(' ');
  // Not a cut sentence ("The American Civil Liberties Union and the"), a date or a byline.
  if (isAllCaps(text) || endsOpen(text) || parseDateLine(text) || bylineNames(text) || /[,:;–—-]$/.test(text)) return false;
  candidate.indexes.forEach((index) => page.removed.add(index));
  return true;
}

/**
 * A dek of one or two sentences closed, after a blank line, by its byline and date line ("by
 * Stilgherrian" / "Published on May 30, 2019"): the standfirst, its authors and date. The byline
 * and date lines are removed (recorded as `byline` and `date-line`).
 */
function bylineAndDate(page: Page, run: readonly number[], blank: number): Standfirst | undefined {
  const { lines, removed } = page;
  const [by, dated, after] = [lines[blank + 1], lines[blank + 2], lines[blank + 3]];
  const names = by ? bylineNames(by.text) : undefined;
  const date = dated && !isBlank(dated) ? parseDateLine(dated.text) : undefined;
  const dek = run.map((k) => lines[k]!);
  if (!names || !date || !isBlank(after) || words(dek) < 8 || sentences(dek.map((l) => l.text.trim()).join(' ')).length > 2)
    return undefined;
  if (!endsSentence(dek.at(-1)!) || run.some((k) => removed.has(k))) return undefined;
  page.remove(blank + 1, 'byline');
  removed.add(blank + 2);
  recordRemoved(page.file, [dated!], 'date-line');
  return { lines: dek, date: { iso: date.iso, line: dated! }, authors: names };
}

/** The body's lines with a blank line after the standfirst, so that it is a paragraph of its own. */
export function setApart(body: readonly SourceLine[], standfirst: Standfirst | undefined): SourceLine[] {
  const last = standfirst?.lines.at(-1);
  const at = last ? body.indexOf(last) : -1;
  if (at < 0 || isBlank(body[at + 1])) return [...body];
  return [...body.slice(0, at + 1), { text: '', line: last!.line, column: last!.column }, ...body.slice(at + 1)];
}

/** The standfirst's words, as the summary. */
export const standfirstText = (standfirst: Standfirst): string =>
  standfirst.lines
    .map((l) => l.text.trim())
    .join(' ')
    .replace(/\s+/g, ' ');
