/**
 * The plain-text pipeline shared by the PDF one-pager reader and the generic reader:
 * repairs, page debris, letterhead, title and date at the top, then blocks.
 */
import type { VFile } from 'vfile';
import type { NormalizeOptions } from '../reader.js';
import type { Contact } from '../../core/types.js';
import { toLines, isBlank, recordRemoved, placeOf, type SourceLine } from '../text/source-lines.js';
import { removePageDebris } from '../text/page-debris.js';
import { readColumns } from '../text/columns.js';
import { findWebFurniture } from '../text/web-furniture.js';
import { configuredMatcher, isPostalLine, letterheadShape, organization, segments, tagline } from '../text/letterhead.js';
import { parseDateLine, parseMonthLine, findDate } from '../text/dates.js';
import { guessDatelineDate, withoutDateline } from '../text/dateline.js';
import { isAllCaps, acronymEvidence, toTitleCaseAny, writesLowerCase, MINOR_WORDS } from '../text/title-case.js';
import {
  endsOpen,
  isHeadingLike,
  isThematicBreak,
  joinWrapped,
  renderBlocks,
  salutation,
  subjectLine,
  toBlocks,
  wrapWidth,
  type Block,
} from '../text/blocks.js';
import { lazyVocabulary } from '../rules/dehyphenate.js';
import { fixOcrIll, id as ocrIllId } from '../rules/ocr-ill.js';
import * as extraction from '../rules/extraction-characters.js';
import { contactBlock, contactLabel, findContacts, personName } from '../text/contacts.js';
import * as documentLabel from '../rules/document-label.js';
import * as endMark from '../rules/end-mark.js';
import { isSummaryText, plainText, sentences, summarize, withoutPlaceDash } from '../text/summary.js';
import { placeAt } from '../text/place.js';
import { reportGuess } from '../text/guessed.js';
import { parseItem } from '../text/list-items.js';
import { findFootnotes, writeFootnotes } from '../text/footnotes.js';
import type { ReaderResult } from '../reader.js';
import { defineRule, report, type RuleId } from '../../core/rules.js';

const TOP_LIMIT = 60;

/** Apply the `extraction-characters` and `ocr-ill` rules to the whole text, with notes. */
export function repairText(file: VFile, original: string): string {
  const characters = extraction.fixExtractionCharacters(original);
  if (characters.first !== undefined) {
    report(file, extraction.id, `replaced characters of the PDF extraction: ${extraction.describe(characters.counts)}`, {
      place: placeAt(original, characters.first),
      severity: 'info',
    });
  }
  const text = characters.text;
  const fixed = fixOcrIll(text);
  for (const offset of fixed.offsets) {
    report(file, ocrIllId, 'read `III` as `Ill` (an OCR confusion; a Roman numeral makes no sense here)', {
      place: placeAt(text, offset),
      severity: 'info',
    });
  }
  return fixed.text;
}

/**
 * Is a line the start of running text: a sentence of ten words or more in ordinary case,
 * or of six or more in a narrow column (it goes on in lower case, and the three lines
 * after it are about as long: a title is fewer lines, of any length)?
 */
function isBodyText(text: string, after: readonly SourceLine[] = []): boolean {
  const words = text.trim().split(/\s+/);
  const length = text.trim().length;
  const column =
    length >= 35 &&
    after.length >= 3 &&
    /^\s*\p{Ll}/u.test(after[0]!.text) &&
    after.slice(0, 3).every((line) => Math.abs(line.text.trim().length - length) <= length * 0.25);
  if (words.length < (column ? 6 : 10) || isAllCaps(text)) return false;
  return capitalizedShare(text) < 0.6;
}

/** The share of a text's significant words (not "of", "the" …) that start with a capital. */
function capitalizedShare(text: string): number {
  const significant = text
    .trim()
    .split(/\s+/)
    .filter((w) => /^\p{L}/u.test(w) && !MINOR_WORDS.has(w.toLowerCase()));
  return significant.filter((w) => /^\p{Lu}/u.test(w)).length / Math.max(1, significant.length);
}

/** Does line `i` start a paragraph wrapped at `width`: about as long, not in capitals, with a next line? */
function startsRunningText(lines: readonly SourceLine[], i: number, width: number): boolean {
  const text = lines[i]!.text.trim();
  const next = lines[i + 1];
  return (
    text.length >= width * 0.8 &&
    !isAllCaps(text) &&
    text.split(/\s+/).length >= 6 &&
    !isBlank(next) &&
    next !== undefined &&
    // A title in title case as wide as a narrow column; but three lines of the full width are
    // a paragraph, however many names it opens with ("EFF thanks Chair Jordan, Ranking Member …").
    (text.length > 90 || capitalizedShare(text) < 0.75 || fullWidthRun(lines, i, width)) &&
    // A title block ends in its date line: lines right above one are no running text.
    ![lines[i + 1], lines[i + 2]].some((l) => l !== undefined && !isBlank(l) && (parseDateLine(l.text) ?? parseMonthLine(l.text)))
  );
}

/** Are line `i` and the two lines after it all about `width` long (hard-wrapped running text)? */
function fullWidthRun(lines: readonly SourceLine[], i: number, width: number): boolean {
  return [0, 1, 2].every((d) => {
    const line = lines[i + d];
    return line !== undefined && !isBlank(line) && line.text.trim().length >= width * 0.8 && !isAllCaps(line.text);
  });
}

interface Candidate {
  lines: SourceLine[];
  indexes: number[];
  /** Made of the first words of the text (the sentence is still in the body: no evidence of its case). */
  fromSentence?: boolean;
  /** A letter's inside address ("Ms Jane Smith", her office, its street): the addressee's, not the letterhead. */
  insideAddress?: boolean;
  /** Split off the organization's name above it. */
  belowName?: boolean;
}

export function readPlainText(file: VFile, text: string, options: NormalizeOptions, mode: 'brief' | 'generic'): ReaderResult {
  const org = options.organization;
  const lines = readColumns(removePageDebris(file, toLines(repairText(file, text))));
  const removed = new Set<number>();
  const remove = (index: number, ruleId: RuleId, instead?: RuleId) => {
    removed.add(index);
    recordRemoved(file, [lines[index]!], instead ?? ruleId);
  };

  // A copied web page's furniture (sign-up boxes, "Skip Navigation", "More Press Releases").
  for (const i of findWebFurniture(lines)) remove(i, 'web-furniture');

  // The configured organization's details, anywhere.
  const configured = configuredMatcher(org);
  lines.forEach((line, i) => {
    const id = !isBlank(line) ? configured(line.text) : undefined;
    if (id) remove(i, id);
    else if (!isBlank(line) && endMark.test(line.text)) remove(i, endMark.id);
  });

  // The top: letterhead shapes, the date line, title candidates.
  const sites = organization.siteNames(text);
  // A line of running text ends a sentence or goes on on the next line; a long title in
  // sentence case stands alone.
  let topEnd = lines.findIndex(
    (line, i) =>
      !removed.has(i) &&
      isBodyText(line.text, lines.slice(i + 1, i + 4)) &&
      (/[.!?:;]["”’)\]]*(?:\d{1,3}|\[\d{1,3}\])?$/.test(line.text.trim()) ||
        endsOpen(line.text) ||
        !isBlank(lines[i + 1]) ||
        i + 1 >= lines.length),
  );
  if (topEnd === -1 || topEnd > TOP_LIMIT) topEnd = Math.min(lines.length, TOP_LIMIT);
  let dateIndex = -1;
  let date: string | undefined;
  const candidates: Candidate[] = [];
  const blockContacts: Contact[] = [];
  let current: Candidate | undefined;
  const width = wrapWidth(lines, 200);
  let bodyStart = -1;
  for (let i = 0; i < topEnd; i++) {
    const line = lines[i]!;
    if (isBlank(line) || removed.has(i) || isThematicBreak(line.text)) {
      current = undefined;
      continue;
    }
    // A PDF extraction puts no blank line between the title and the text under it: the
    // text starts where a line runs the full width of the page and goes on.
    if (candidates.length && width && startsRunningText(lines, i, width)) {
      topEnd = bodyStart = i;
      break;
    }
    // A contact block ("Media contact:" and the lines under it) fills `contacts`.
    const contactAt = contactLabel.exec(line.text);
    if (contactAt) {
      let end = i;
      while (
        end + 1 < lines.length &&
        !isBlank(lines[end + 1]) &&
        lines[end + 1]!.text.trim().length <= 60 &&
        !contactLabel.test(lines[end + 1]!.text)
      )
        end++;
      const found = contactBlock([contactAt[1]!, ...lines.slice(i + 1, end + 1).map((l) => l.text)]);
      if (found.length) {
        blockContacts.push(...found);
        for (let k = i; k <= end; k++) remove(k, 'contact-block');
        i = end;
        current = undefined;
        continue;
      }
    }
    const addressee = current?.insideAddress || (!current && honorific.test(line.text));
    const shape = addressee ? undefined : (letterheadShape(line.text) ?? (isSiteOwnerLine(line.text, sites) ? organization.id : undefined));
    const wanted = !shape && date === undefined;
    const dateLine = wanted ? parseDateLine(line.text) : undefined;
    const found = wanted ? (dateLine ?? parseMonthLine(line.text)) : undefined;
    if (shape) {
      remove(i, shape);
      current = undefined;
    } else if (found) {
      date = found.iso;
      if (!dateLine) {
        report(
          file,
          'date-month-only',
          `the date "${found.text}" names no day: \`date\` is the first of the month (${found.iso}); correct it if the day is known`,
          { place: placeOf(line), severity: 'info' },
        );
      }
      dateIndex = i;
      removed.add(i);
      recordRemoved(file, [line], 'date-line');
      current = undefined;
    } else {
      // A letter's salutation and subject line stand alone, whatever is around them.
      const letterLine = salutation.test(line.text) || subjectLine.test(line.text);
      if (!current || letterLine) candidates.push((current = { lines: [], indexes: [], ...(addressee ? { insideAddress: true } : {}) }));
      current.lines.push(line);
      current.indexes.push(i);
      if (letterLine) current = undefined;
    }
  }

  for (const candidate of candidates) withoutSubheading(candidate, lines);
  // A line that repeats another candidate with a name beside it ("Title - Civic Space", "Org | Title"): the page's header.
  for (let k = candidates.length - 1; k >= 0; k--) {
    const candidate = candidates[k]!;
    if (candidate.lines.length !== 1) continue;
    const text = candidate.lines[0]!.text;
    if (candidates.some((other) => other !== candidate && repeatsWithName(text, other.lines.map((l) => l.text).join(' ')))) {
      remove(candidate.indexes[0]!, 'title-repeated');
      candidates.splice(k, 1);
    }
  }
  const chosen =
    chooseTitleBelowName(candidates, dateIndex, lines, bodyStart, text) ?? chooseTitle(candidates, dateIndex, lines, bodyStart);
  const title = chosen ?? guessTitle(file, lines, removed);
  const titleAt = candidates.indexOf(title);
  // The blog's section over the title ("UPDATES", "Deeplinks Blog"): the text is a post.
  const section = candidates
    .slice(0, Math.max(0, titleAt))
    .flatMap((c) => c.lines)
    .find((l) => documentLabel.isBlogSection(l.text));
  candidates.forEach((candidate, k) => {
    // A genre label between the title and the text ("For immediate release" under the date) is no heading.
    if (k > titleAt && candidate.lines.length === 1 && documentLabel.test(candidate.lines[0]!.text)) {
      remove(candidate.indexes[0]!, documentLabel.id);
      return;
    }
    if (k >= titleAt) return;
    const joined = candidate.lines.map((l) => l.text).join(' ');
    const isName = candidate.lines.some((l) => organization.test(l.text)) || organization.looksLikeName(joined);
    if (isName || isAllCaps(joined)) {
      const id = isName ? organization.id : tagline.id;
      candidate.indexes.forEach((index) => remove(index, id, documentLabel.test(lines[index]!.text) ? documentLabel.id : undefined));
      return;
    }
    // Line by line: a genre label; in a brief, an organization's name and the slogan under it
    // (a hearing's header stays whole: who testified, before whom, on what).
    let named = false;
    const hearing = candidate.lines.some((l) => hearingLine.test(l.text));
    candidate.lines.forEach((line, n) => {
      const index = candidate.indexes[n]!;
      if (documentLabel.test(line.text)) remove(index, documentLabel.id);
      else if (hearing) return;
      else if (mode === 'brief' && organization.looksLikeName(line.text)) {
        remove(index, organization.id);
        named = true;
      } else if (mode === 'brief' && named && !/[.!?]$/.test(line.text.trim()) && line.text.trim().split(/\s+/).length <= 12)
        remove(index, tagline.id);
    });
  });
  title.indexes.forEach((index) => removed.add(index));

  // Trailing letterhead: final groups made only of letterhead-shaped lines, and the
  // organization's name right above them.
  let lastRemoved = -1;
  for (let i = lines.length - 1; i >= topEnd; i--) {
    if (isBlank(lines[i]) || removed.has(i)) continue;
    const shape = letterheadShape(lines[i]!.text);
    if (!shape) {
      if (lastRemoved === i + 1 && organization.looksLikeName(lines[i]!.text) && isBlank(lines[i - 1])) remove(i, organization.id);
      break;
    }
    remove(i, shape);
    lastRemoved = i;
  }

  const body = lines.filter((_, i) => !removed.has(i));
  const words = lazyVocabulary(text);
  // Lines kept from above the title (a testimony's "Before the Committee on …") are no section headings.
  const aboveTitle = new Set(candidates.slice(0, Math.max(0, titleAt)).flatMap((c) => c.lines));
  const blocks = toBlocks(body, { wrapWidth: wrapWidth(body), words }).map((block): Block =>
    block.type === 'heading' && aboveTitle.has(block.line) ? { type: 'paragraph', text: block.line.text.trim(), line: block.line } : block,
  );
  const evidence = acronymEvidence(body.map((l) => l.text).join('\n'));
  const fullTitle = title.lines.map((l) => l.text.trim()).reduce((a, b) => joinWrapped(a, b, words));
  const rawTitle = withoutGenreLabel(fullTitle);
  if (rawTitle !== fullTitle)
    recordRemoved(file, [{ ...title.lines[0]!, text: fullTitle.slice(0, fullTitle.indexOf(':') + 1) }], documentLabel.id);
  const bodyText = body.map((l) => l.text).join('\n');
  const data: ReaderResult['data'] = {
    title: toTitleCaseAny(rawTitle.replace(/\s+/g, ' '), evidence, (word) => !title.fromSentence && writesLowerCase(bodyText, word)),
    kind: section ? 'post' : 'brief',
  };
  if (section) reportGuess(file, 'kind', 'post', `the section over the title ("${section.text.trim()}") is a blog's`, placeOf(section));
  const witness = testimonyAuthor(data.title);
  if (witness) {
    data.authors = [{ name: witness }];
    reportGuess(file, 'authors', witness, 'the name in a testimony’s title ("Testimony of …", "…’s Testimony")', placeOf(title.lines[0]));
  }

  const firstParagraph = blocks.find(
    (b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph' && b.text.split(/\s+/).length >= 8,
  );
  // A dateline's date ("WASHINGTON, D.C. – January 15, 2020 – …", "Geneva 31.01.11 – …").
  if (!date) date = guessDatelineDate(file, blocks);
  // A listing that is all table (a digest of releases, newest first): its first row's date and text.
  const table = firstParagraph ? undefined : blocks.find((b): b is Extract<Block, { type: 'table' }> => b.type === 'table');
  const firstRow = table?.rows[1] ?? [];
  if (!date && table) {
    const found = firstRow.map((cell) => findDate(cell.slice(0, 120))).find((d) => d !== undefined);
    if (found) {
      date = found.iso;
      reportGuess(file, 'date', found.iso, 'the first date in the first row of the table the text is made of', placeOf(table.line));
    }
  }
  if (date) data.date = date;
  else
    report(file, 'date-missing', 'the text gives no date: add `date: YYYY-MM-DD` to the front matter before printing', {
      place: { line: 1, column: 1 },
      severity: 'info',
    });
  const contacts: Contact[] = blockContacts
    .concat(
      findContacts(
        blocks.flatMap((b): { text: string; block: boolean }[] =>
          b.type === 'paragraph' ? [{ text: b.text, block: false }] : b.type === 'lines' ? [{ text: b.texts.join(', '), block: true }] : [],
        ),
      ),
    )
    .filter((c, n, all) => all.findIndex((o) => o.name === c.name && (o.email ?? '') === (c.email ?? '')) === n);
  if (contacts.length) data.contacts = contacts;
  const summaryText = summarySource(blocks, data.title) ?? firstRow.find((cell) => isSummaryText(cell, data.title));
  const summary = summaryText ? summarize(withoutDateline(summaryText)) : undefined;
  if (summary) data.summary = summary;

  if (mode === 'generic') {
    report(file, 'generic-reader', 'not recognized as a PDF one-pager, a web export or Markdown: read as plain text', {
      place: placeOf(title.lines[0]),
      severity: 'info',
    });
    if (chosen) reportGuess(file, 'title', data.title, 'the most title-like line at the top of a plain text', placeOf(title.lines[0]));
    if (date && dateIndex >= 0) reportGuess(file, 'date', date, 'a date line at the top of a plain text', placeOf(lines[dateIndex]));
    if (!section)
      reportGuess(
        file,
        'kind',
        'brief',
        'a plain text that is not a PDF one-pager or web export is read as a brief',
        placeOf(title.lines[0]),
      );
  }
  const footnotes = findFootnotes(file, blocks);
  return { data, body: writeFootnotes(renderBlocks(blocks, evidence), footnotes) };
}

/**
 * The text the summary comes from: the first paragraph of running text; but a list of
 * sentences that opens the body (a release's points in bullets above its text) gives its
 * first item, and a lead-in ending in "said," or "said:" goes with the quotation after it.
 */
function summarySource(blocks: readonly Block[], title: string): string | undefined {
  const opening = blocks.find((b) => b.type === 'paragraph' || b.type === 'list' || b.type === 'heading' || b.type === 'table');
  if (opening?.type === 'list' && !opening.items[0]!.ordered && isSummaryText(opening.items[0]!.text, title)) return opening.items[0]!.text;
  // A letter says what it is about after its salutation: what comes before it is the page's (an update, a caption).
  // (A statement's "Mr President," comes after its own standfirst: only a letter's "Dear …" counts.)
  const greeting = blocks.slice(0, 12).findIndex((b) => b.type === 'paragraph' && /^\s*dear\b/i.test(b.text) && salutation.test(b.text));
  for (let i = greeting + 1; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type !== 'paragraph') continue;
    const next = blocks[i + 1];
    if (/\bsaid[,:]$/.test(block.text.trim()) && next?.type === 'paragraph' && /^["“]/.test(next.text)) {
      const joined = `${block.text.trim()} ${next.text}`;
      if (isSummaryText(joined, title)) return joined;
    }
    if (isSummaryText(withoutDateline(block.text), title)) return block.text;
    // A paragraph that leads in to a statement ("… released the following statement:") opens with what happened.
    if (/:\s*$/.test(block.text)) {
      const [first, ...rest] = sentences(withoutPlaceDash(plainText(withoutDateline(block.text))));
      if (first && rest.length && isSummaryText(first, title)) return first;
    }
  }
  return undefined;
}

/** A title that starts with its genre ("Press Release: …", "PRESS STATEMENT: …"): the template prints the kind. */
function withoutGenreLabel(title: string): string {
  const colon = title.indexOf(':');
  if (colon < 3 || colon > 40) return title;
  const rest = title.slice(colon + 1).trim();
  return documentLabel.test(title.slice(0, colon)) && rest.split(/\s+/).length >= 3 ? rest : title;
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
    if (candidate.lines.some((l) => organization.test(l.text)) || tagline.hasSeparators(text)) score -= 20;
    if (documentLabel.test(text)) score -= 30;
    if (salutation.test(text) || subjectLine.test(text)) score -= 30; // a letter's "Dear …" and "Re: …" lines
    // A letter's inside address: its lines end in a street, a postal code, a city line.
    if (candidate.lines.length >= 3 && candidate.lines.some((l) => isPostalLine(l.text))) score -= 20;
    // Lines right above a letter's "Dear …": whom it is to (one line is a title, as an open letter's is).
    const after = neighbour(lines, last, 1);
    const greets = after >= 0 && /^\s*dear\s/i.test(lines[after]!.text) && salutation.test(lines[after]!.text);
    if (greets && (candidate.lines.length >= 2 || candidate.insideAddress)) score -= 25;
    if (parseDateLine(text) || parseMonthLine(text)) score -= 30; // a second date line (repeated, or a release date) is no title
    if (/[.;,]$/.test(text)) score -= 10;
    // Ends in a word broken by hyphenation ("consulta-"): the first lines of a wrapped paragraph.
    if (/\p{Ll}-$/u.test(text)) score -= 20;
    // Numbered lines: a table of contents, a section heading ("1. Why the Rule Matters"); a title has no number.
    if (candidate.lines.some((l) => parseItem(l.text)?.ordered)) score -= 20;
    if (endsOpen(text) || (candidate.insideAddress && candidate.lines.length >= 2)) score -= 20; // a cut sentence; a letter's addressee
    if (candidate.lines.length > 3 || text.length > 250) score -= 10;
    // A hearing's header ("Statement of …" / "Before the House Committee on …" / "Hearing on …"): who spoke where, not what about.
    if (candidate.lines.length >= 2 && candidate.lines.some((l) => hearingLine.test(l.text))) score -= 15;
    if (k === candidates.length - 1) score += 2;
    // Right above the text, with no blank line between (a PDF extraction's title and its first paragraph).
    if (bodyStart >= 0 && (last === bodyStart - 1 || neighbour(lines, last, 1) === dateIndex) && dateIndex !== bodyStart - 1) score += 10;
    if (score > bestScore) [best, bestScore] = [candidate, score];
  });
  return bestScore > -10 ? best : undefined;
}

/**
 * A short title and, on the next line, a one- or two-word section heading with the text
 * right under it ("EPIC Testimony" / "Background" / "EPIC routinely testifies …"): the
 * heading is no part of the title. A title wrapped over two lines fills its first line.
 */
function withoutSubheading(candidate: Candidate, lines: readonly SourceLine[]): void {
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
 * No line looks like a title (a letter, a statement pasted from a web page): the title is
 * the subject line ("Re: …"), else the first line when it stands alone and is short
 * enough, else the first sentence (which stays in the text). A warning says which.
 */
function guessTitle(file: VFile, lines: readonly SourceLine[], removed: ReadonlySet<number>): Candidate {
  const kept = lines
    .map((line, index) => ({ line, index }))
    .filter(
      ({ line, index }) =>
        !isBlank(line) &&
        !removed.has(index) &&
        !documentLabel.test(line.text) &&
        !parseDateLine(line.text) &&
        !contactLabel.test(line.text),
    );
  const first = kept[0];
  if (!first) throw defineRule('no-title').fail(file, 'no text to make a title of: every line is letterhead or page furniture');
  const guessed = (candidate: Candidate, how: string) => {
    const text = candidate.lines.map((l) => l.text.trim()).join(' ');
    reportGuess(file, 'title', text, `no line looks like a title, so it is ${how}`, placeOf(candidate.lines[0]));
    return candidate;
  };
  const subject = kept.slice(0, 40).find(({ line }) => /^\s*(?:re|subject)\s*:\s*\S/i.test(line.text));
  if (subject) {
    const text = subject.line.text.trim().replace(/^(?:re|subject)\s*:\s*/i, '');
    return guessed({ lines: [{ ...subject.line, text }], indexes: [] }, 'the subject line');
  }
  const words = first.line.text.trim().split(/\s+/).length;
  const next = lines[first.index + 1];
  const alone =
    isBlank(next) ||
    next === undefined ||
    /^\s*(?:dear|to|mr|ms|madam|sir)\b/i.test(next.text) ||
    next.text.trim().length > Math.max(40, first.line.text.trim().length * 1.3);
  // (Not a letter's salutation or the first line of its inside address: "Dear Foreign Secretary", "The Honorable Harry Reid".)
  const addressLine = salutation.test(first.line.text) || honorific.test(first.line.text) || /^\s*to\s+the\s/i.test(first.line.text);
  if (words <= 25 && alone && !addressLine && !/[.,;:!?]["”’)]?$/.test(first.line.text.trim())) {
    return guessed({ lines: [first.line], indexes: [first.index] }, 'the first line');
  }
  // A letter with no subject line: its kind and whom it is to ("Dear Members of Congress," → "Letter to Members of Congress").
  const greeting = kept.slice(0, 60).find(({ line }) => /^\s*dear\s/i.test(line.text) && salutation.test(line.text));
  const addressee = greeting ? addresseeOf(greeting.line.text) : undefined;
  if (greeting && addressee) {
    return guessed(
      { lines: [{ ...greeting.line, text: `Letter to ${addressee}` }], indexes: [], fromSentence: true },
      'the letter’s kind and whom its salutation names (it has no subject line)',
    );
  }
  const opening = withoutPlaceDash(first.line.text.trim());
  const sentence = (sentences(opening)[0] ?? opening).split(/\s+/);
  const cut = sentence.slice(0, 12);
  while (cut.length > 1 && MINOR_WORDS.has(cut.at(-1)!.toLowerCase())) cut.pop(); // "… Returned to the…"
  const text = sentence.length > 14 ? `${cut.join(' ')}…` : sentence.join(' ');
  return guessed({ lines: [{ ...first.line, text }], indexes: [], fromSentence: true }, 'the start of the first sentence');
}

/** Whom a letter's salutation names ("Dear Chairman Thune and Ranking Member Nelson," → "Chairman Thune and Ranking Member Nelson"); not "Sir or Madam". */
function addresseeOf(greeting: string): string | undefined {
  const name = greeting
    .trim()
    .replace(/^dear\s+/i, '')
    .replace(/[,:;.]+$/, '')
    .trim();
  const generic =
    /^(?:sir|madam|sirs|sir\s+or\s+madam|madam\s+or\s+sir|sir\/madam|all|colleagues?|friends?|team|editor|reader|members|supporters?|partners?)$/i;
  return name && name.length <= 120 && !generic.test(name) ? name : undefined;
}

/** The line of a hearing header that names the committee: "Before the House Committee on the Judiciary", "before the Subcommittee on …". */
const hearingLine = /^\s*before\s+the\s+(?:[\p{L}.]+\s+){0,4}(?:committee|subcommittee|commission|council|parliament|senate|house)\b/iu;

/** The first line of a letter's inside address: a person with an honorific ("Ms Jane Smith", "The Rt. Hon William Hague MP"). */
const honorific = /^\s*(?:the\s+)?(?:rt\.?\s+hon\.?|hon\.?|honou?rable|mr|mrs|ms|dr|prof|senator)\.?\s+\p{Lu}/iu;

/** The witness a testimony's title names: "Testimony of Greg Nojeim before …", "Chris Calabrese’s Testimony Before …". */
function testimonyAuthor(title: string): string | undefined {
  const found =
    /^(?:testimony|statement|remarks|written evidence)\s+(?:of|by)\s+(.+?)(?:\s+(?:before|to|on|at|for)\b|[,:–—]|$)/i.exec(title) ??
    /^(.+?)[’']s?\s+(?:testimony|statement|remarks)\b/i.exec(title);
  const name = found?.[1]?.trim().replace(/^(?:mr|ms|mrs|dr|prof)\.?\s+/i, '');
  return name && personName.test(name) && !organization.looksLikeName(name) && !/^the\b/i.test(name) ? name : undefined;
}

/**
 * The organization's name as its letterhead writes it, alone or with its web address
 * ("HUMAN RIGHTS WATCH" above "hrw.org", "Electronic Frontier Foundation · eff.org"):
 * the text names the site the name stands for.
 */
function isSiteOwnerLine(text: string, sites: ReadonlySet<string>): boolean {
  const parts = segments(text.trim());
  return (
    parts.some((part) => organization.isNamedBySite(part, sites)) &&
    parts.every((part) => organization.isNamedBySite(part, sites) || letterheadShape(part) !== undefined)
  );
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

/** Index of the next (step 1) or previous (step -1) non-blank line. */
function neighbour(lines: readonly SourceLine[], from: number, step: 1 | -1): number {
  for (let i = from + step; i >= 0 && i < lines.length; i += step) {
    if (!isBlank(lines[i])) return i;
  }
  return -1;
}
