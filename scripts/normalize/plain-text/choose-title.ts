/**
 * The title among the candidates at the top: scored by where it stands (next to the date,
 * right above the text), its case and length, and what it is not (a label, a letter's
 * addressee, a hearing's header, a table of contents).
 */
import type { SourceLine } from '../text/source-lines.js';
import { isPostalLine, organization, tagline } from '../text/letterhead.js';
import { parseDateLine, parseMonthLine } from '../text/dates.js';
import { isAllCaps, MINOR_WORDS } from '../text/title-case.js';
import { endsOpen, isHeadingLike, salutation, subjectLine, wrapWidth } from '../text/blocks.js';
import { parseItem } from '../text/list-items.js';
import * as documentLabel from '../rules/document-label.js';
import { aboveSalutation, hearingLine, placeLine, speakerLabel } from './letter-lines.js';
import { bylineBlockName } from '../text/witness.js';

import { neighbour } from './page.js';
import { isNewsletterName } from './web-article.js';
import { candidateText, isLogoFragments, type Candidate } from './candidates.js';
import type { Top } from './top.js';

/** The title, when a candidate looks like one: below the organization's name (split off it) or on its own. */
export function chooseTitleOf(top: Top, lines: readonly SourceLine[], text: string): Candidate | undefined {
  splitUnbrokenTop(top, lines);
  return (
    chooseTitleBelowName(top.candidates, top.dateIndex, lines, top.bodyStart, text) ??
    chooseTitle(top.candidates, top.dateIndex, lines, top.bodyStart)
  );
}

/**
 * A saved page that sets its text a paragraph a line with no blank line anywhere ("California
 * Lawyers Association" / "California Consumer Privacy Act (CCPA)" / "Proposed … Regulations" /
 * "December 6, 2019" / …): no group of lines above the date line is one title wrapped over lines,
 * so each of its lines is a candidate of its own (a line cut on a hyphen or an open word goes on).
 */
function splitUnbrokenTop(top: Top, lines: readonly SourceLine[]): void {
  const head = lines.slice(0, Math.min(lines.length, 40));
  if (
    top.dateIndex < 0 ||
    head.length < 12 ||
    head.some((line, k) => !line.text.trim() && k < lines.length - 1) ||
    wrapWidth(lines, 200) !== undefined
  )
    return;
  const split = top.candidates.flatMap((candidate): Candidate[] =>
    candidate.lines.length < 2 ||
    candidate.insideAddress ||
    candidate.indexes.at(-1)! >= top.dateIndex ||
    candidate.lines.some((line) => /[-–]$/.test(line.text.trim()) || endsOpen(line.text))
      ? [candidate]
      : candidate.lines.map((line, k) => ({ lines: [line], indexes: [candidate.indexes[k]!] })),
  );
  top.candidates.splice(0, top.candidates.length, ...split);
}

/** The title among the short groups at the top: next to the date, long, in capitals; not a label or a tagline. */
function chooseTitle(candidates: Candidate[], dateIndex: number, lines: readonly SourceLine[], bodyStart: number): Candidate | undefined {
  let best: Candidate | undefined;
  let bestScore = -Infinity;
  candidates.forEach((candidate, k) => {
    const text = candidate.lines.map((l) => l.text.trim()).join(' ');
    const words = text.split(/\s+/).length;
    let score = Math.min(words, 12);
    const first = candidate.indexes[0]!;
    const last = candidate.indexes.at(-1)!;
    if (dateIndex >= 0 && (neighbour(lines, last, 1) === dateIndex || neighbour(lines, first, -1) === dateIndex)) score += 6;
    if (isAllCaps(text)) score += 4;
    // A newsletter's name for its issue ("IFF's September Newsletter"): the title, over its first story's headline.
    if (isNewsletterName(text)) score += 12;
    if (candidate.lines.some((l) => organization.test(l.text)) || tagline.hasSeparators(text)) score -= 20;
    // A genre label, or a group that holds one on a line of its own (a wordmark over "PRESS RELEASE"): no title.
    if (documentLabel.test(text) || candidate.lines.some((l) => documentLabel.test(l.text))) score -= 30;
    if (salutation.test(text) || subjectLine.test(text)) score -= 30; // a letter's "Dear …" and "Re: …" lines
    // "The Honorable Charles Schumer": whom a letter is to, never what it is about.
    if (/^\s*(?:the\s+)?(?:rt\.?\s+hon\.?|hon\.|honou?rable)\s+\p{Lu}/iu.test(text)) score -= 25;
    // Under a letter's "Dear …": the letter has begun; its reference lines there ("Petition 2011/49 of …")
    // say what it answers, and a title above the salutation is the letter's.
    if (k > 0 && candidates.slice(0, k).some((c) => salutation.test(candidateText(c)))) score -= 15;
    // A letter's inside address: its lines end in a street, a postal code, a city line.
    if (candidate.lines.length >= 3 && candidate.lines.some((l) => isPostalLine(l.text))) score -= 20;
    // Lines right above a letter's "Dear …": whom it is to (one line is a title, as an open letter's is).
    // (A line wrapped onto one that goes on in lower case is a sentence, no address: the letter's subject, "… the UK's data" / "protection regime.")
    const greets = aboveSalutation(lines, last) && !candidate.lines.slice(1).some((l) => /^\s*\p{Ll}/u.test(l.text));
    if (greets && (candidate.lines.length >= 2 || candidate.insideAddress)) score -= 25;
    if (parseDateLine(text) || parseMonthLine(text)) score -= 30; // a second date line (repeated, or a release date) is no title
    // A dateline's place on a line of its own ("Abuja, Nigeria", "San Francisco, CA" over the date line): where, not what about.
    if (placeLine.test(text)) score -= 15;
    // A labelled date of another kind ("Comment Period Closes: April 21, 2022", "Deadline: …"): a field, no title.
    const field = /^([^:]{2,40}):\s*(\S.*)$/.exec(text);
    if (field && field[1]!.split(/\s+/).length <= 5 && (parseDateLine(field[2]!) || parseMonthLine(field[2]!))) score -= 30;
    if (/[.;,]["”’)]*$/.test(text)) score -= 10;
    // A topic in capitals before a colon that an earlier candidate names ("Data Privacy" over "PRIVACY: What is
    // the issue?"): the first section's heading under the page's title.
    const topic = /^(\p{Lu}[\p{Lu}\s&-]{2,30}):\s+\S/u.exec(text)?.[1]?.toLowerCase().split(/\s+/);
    if (topic && k > 0 && candidates.slice(0, k).some((c) => topic.every((w) => candidateText(c).toLowerCase().split(/\s+/).includes(w))))
      score -= 15;
    // A sentence that leads in to what follows ("Responding to the Bill, Will Moy, chief executive of Full Fact, said:"): text, no title.
    if (/:$/.test(text) && words > 6 && /\p{Ll}/u.test(text) && !isAllCaps(text)) score -= 15;
    // A logo's letters, broken into fragments by the extraction ("CA" / "CIATION C"): short lines, mostly no words.
    if (isLogoFragments(candidate.lines.map((l) => l.text))) score -= 30;
    // Capitals set with wide tracking ("P R O M O T I N G A N D P R O T E C T I N G …"): a letterhead's tagline, a kicker.
    if (candidate.lines.some((l) => isTracked(l.text))) score -= 30;
    // A line wholly in parentheses ("(Our Security, Our Rights: National Security Green Paper, 2016)"): an aside to the title.
    if (/^\([^()]+\)$/.test(text.trim())) score -= 20;
    // Another candidate said again with more after it, ending in a colon ("Title: Letter (pdf):"): the text's lead-in.
    if (/:$/.test(text) && candidates.some((other) => other !== candidate && text.startsWith(candidateText(other).trim()))) score -= 20;
    // Ends in a word broken by hyphenation ("consulta-"): the first lines of a wrapped paragraph.
    if (/\p{Ll}-$/u.test(text)) score -= 20;
    // Numbered lines: a table of contents, a section heading ("1. Why the Rule Matters"); a title has no number.
    if (candidate.lines.some((l) => parseItem(l.text)?.ordered)) score -= 20;
    if (endsOpen(text) || (candidate.insideAddress && candidate.lines.length >= 2)) score -= 20; // a cut sentence; a letter's addressee
    if (candidate.lines.length > 3 || text.length > 250) score -= 10;
    // A hearing's header ("Statement of …" / "Before the House Committee on …" / "Hearing on …"): who spoke where, not what about.
    if (candidate.lines.length >= 2 && candidate.lines.some((l) => hearingLine.test(l.text))) score -= 15;
    // A section of the body ("EXECUTIVE SUMMARY", "I." over "INTRODUCTION"), under a title block: the text's first heading.
    if (k > 0 && isSectionHeading(candidate.lines.map((l) => l.text.trim()))) score -= 30;
    // A hearing statement's label ("PREPARED STATEMENT OF" / "THE FEDERAL TRADE COMMISSION"): who speaks; its title is
    // elsewhere, often the hearing's name in quotation marks, which is the title.
    if (candidate.lines.some((l) => speakerLabel.test(l.text))) score -= 8;
    if (candidate.lines.length === 1 && quotedLine.test(text)) score += 6;
    // A name over its position ("Chris Jaikaran" / "Analyst in Cybersecurity Policy"): who wrote it, not what about.
    if (!candidate.insideAddress && bylineBlockName(candidate.lines.map((l) => l.text))) score -= 30;
    if (k === candidates.length - 1) score += 2;
    // The one indented line among lines that all start at the margin: a picture’s caption, centred under it
    // (the first line is no caption: a title centred over the text's lines, "Prepared Statement for …" / "Prepared Statement of:").
    if (
      k > 0 &&
      candidate.lines.length === 1 &&
      /^\s{4,}\S/.test(candidate.lines[0]!.text) &&
      candidates.every((c) => c === candidate || /^\S/.test(c.lines[0]!.text))
    )
      score -= 10;
    // A deck: the phrase under the title, right above the text (the title is the line above it).
    if (k > 0 && isDeckShaped(candidate, candidates[k - 1]!, lines) && k === candidates.length - 1) score -= 8;
    // Right above the text, with no blank line between (a PDF extraction's title and its first paragraph).
    if (bodyStart >= 0 && (last === bodyStart - 1 || neighbour(lines, last, 1) === dateIndex) && dateIndex !== bodyStart - 1) score += 10;
    if (score > bestScore) [best, bestScore] = [candidate, score];
  });
  return bestScore > -10 ? best : undefined;
}

/**
 * An organization's name right above a heading-like line, with no blank line between
 * ("Open Rights Group" over "Press releases"): when the line alone is the best title, the
 * name is a candidate of its own (and so letterhead). `candidates` is changed only then.
 */
function chooseTitleBelowName(
  candidates: Candidate[],
  dateIndex: number,
  lines: readonly SourceLine[],
  bodyStart: number,
  text: string,
): Candidate | undefined {
  const split = candidates.flatMap((candidate): Candidate[] => {
    const [name, next, more, beyond] = candidate.lines;
    // A title wrapped over two lines under a name in capitals ("HUMAN RIGHTS WATCH" / "UK: Submission of …" / "Review").
    const rest =
      more && !beyond && isAllCaps(name?.text ?? '') && !isAllCaps(next?.text ?? '') ? [next!, more] : next && !more ? [next] : [];
    if (
      !name ||
      !rest.length ||
      !(organization.looksLikeName(name.text) || (rest.length === 2 && isNameOfText(name.text, text))) ||
      organization.looksLikeName(rest[0]!.text) ||
      !isHeadingLike(rest.map((l) => l.text.trim()).join(' '))
    )
      return [candidate];
    const [at, ...restAt] = candidate.indexes as [number, ...number[]];
    return [
      { lines: [name], indexes: [at] },
      { lines: rest, indexes: restAt, belowName: true },
    ];
  });
  if (split.length === candidates.length) return undefined;
  const chosen = chooseTitle(split, dateIndex, lines, bodyStart);
  if (!chosen?.belowName) return undefined;
  candidates.splice(0, candidates.length, ...split);
  return chosen;
}

/**
 * Is a line in capitals a name the text goes on to use as one ("HUMAN RIGHTS WATCH" and
 * "Human Rights Watch respectfully submits …"): written in title case at the start of a
 * line or sentence, a verb in lower case after it?
 */
function isNameOfText(line: string, text: string): boolean {
  const words = line.trim().split(/\s+/);
  if (words.length < 2 || words.length > 6 || !words.every((w) => /^\p{L}+$/u.test(w))) return false;
  const name = words.map((w) => (MINOR_WORDS.has(w.toLowerCase()) ? w.toLowerCase() : w[0]! + w.slice(1).toLowerCase())).join('\\s+');
  return new RegExp(`(?:^|[.!?]\\s+)${name}\\s+\\p{Ll}`, 'mu').test(text);
}

/** The names of a document's first sections ("About the CMLA", "About EFA" too), and section numbers standing alone ("I.", "II", "3."). */
const sectionName =
  /^(?:(?:executive\s+)?summary|introduction|background|overview|table\s+of\s+contents|contents|recommendations|conclusions?|about\s+(?:the\s+|us\b)?[\p{L}&-]+(?:\s+[\p{L}&-]+){0,4})$/iu;
const sectionNumber = /^(?:[IVX]{1,4}|\d{1,2})\.?$/;

/** Is a group of lines a section heading: a section's name, maybe under its number? */
export function isSectionHeading(lines: readonly string[]): boolean {
  const [first, second, more] = lines;
  if (!first || more !== undefined) return false;
  if (second === undefined) return sectionName.test(first.replace(/^(?:[IVX]{1,4}|\d{1,2})[.)]\s+/, ''));
  return sectionNumber.test(first) && sectionName.test(second);
}

/** A line wholly in quotation marks: a hearing's name (“PROTECTING YOUTHS IN AN ONLINE WORLD”). */
const quotedLine = /^[“"][^“”"]{8,150}[”"]$/;

/**
 * Is `candidate` shaped as a deck under `above`: one or two lines of a phrase of six words or more with no full stop,
 * under a title-like group of three words or more with only blank lines between them?
 */
function isDeckShaped(candidate: Candidate, above: Candidate, lines: readonly SourceLine[]): boolean {
  const text = candidateText(candidate).trim();
  const title = candidateText(above).trim();
  if (candidate.lines.length > 2 || text.split(/\s+/).length < 6 || /[.!?:;,]["”’)]?$/.test(text) || endsOpen(text)) return false;
  if (title.split(/\s+/).length < 3 || /[.!?:;,]["”’)]?$/.test(title) || documentLabel.test(title) || isAllCaps(text)) return false;
  if (/@|https?:|www\./i.test(title)) return false; // a contact line above it, not a title
  if (hearingLine.test(text) || hearingLine.test(title)) return false; // a hearing's header: "Before the …" over "Hearing on …"
  if (parseDateLine(text) || parseDateLine(title)) return false;
  for (let i = above.indexes.at(-1)! + 1; i < candidate.indexes[0]!; i++) if (lines[i]!.text.trim()) return false;
  return true;
}

/** A line of capitals set with wide tracking: eight or more pieces, four in five of them single capitals. */
function isTracked(text: string): boolean {
  const pieces = text.trim().split(/\s+/);
  return pieces.length >= 8 && pieces.filter((p) => /^\p{Lu}$/u.test(p)).length >= pieces.length * 0.8;
}
