/**
 * The top of a plain text, down to where its running text starts: letterhead shapes,
 * a contact block, the date line, and the groups of lines one of which is the title.
 */
import { opensWithCapitalsDateline } from '../text/summary.js';
import type { Contact } from '../../core/types.js';
import { isBlank, recordRemoved, type SourceLine } from '../text/source-lines.js';
import { isPostalLine, letterheadShape, organization, segments } from '../text/letterhead.js';
import { type FoundDate, inTextOrder, numericDateOrder, parseBylineDate, parseDateLine, parseMonthLine } from '../text/dates.js';
import { isAllCaps, MINOR_WORDS } from '../text/title-case.js';
import { endsOpen, isThematicBreak, salutation, subjectLine, wrapWidth } from '../text/blocks.js';
import { contactBlock, contactLabel, contactsIn, emailOnly, phoneOnly, withoutPhones } from '../text/contacts.js';
import {
  aboveSalutation,
  bylineFieldNames,
  bylineNames,
  hearingLine,
  honorific,
  isLabelledDate,
  speakerLabel,
  witnessLine,
} from './letter-lines.js';
import type { Candidate } from './candidates.js';
import { neighbour, type Page } from './page.js';
import { reportMonthOnly } from './date.js';

/** A line wholly in quotation marks, in capitals. */
const quotedName = /^[“"][^“”"a-z]{8,150}[”"]$/;

/**
 * A document's reference number on a line of its own, labelled or not ("BEUC-PR-2014-007",
 * "Ref No: MS20-000279", "EDPS/2021/05"): one word of capitals and digits with a digit, in three
 * parts or more (two after a "Ref" label). It belongs to the header, never to the title under it.
 */
export const referenceLine =
  /^(?:ref(?:erence)?\.?\s*(?:no\.?|number)?\s*:?\s*(?=[A-Z0-9/-]*\d)[A-Z][A-Z0-9]*(?:[-/][A-Z0-9]+)+|(?=[A-Z0-9/-]*\d)[A-Z][A-Z0-9]*(?:[-/][A-Z0-9]+){2,})$/i;

/**
 * A headline that a site prints after its date and a dash ("March 22, 2017 - Privacy Center's
 * Alvaro Bedoya Testifies On Facial Recognition Technology"): the date, and the headline.
 */
function datedHeadline(text: string): { date: FoundDate; rest: string } | undefined {
  const m = /^(.{6,30}?)\s+[–—-]\s+(\p{Lu}.*)$/u.exec(text.trim());
  if (!m || m[2]!.split(/\s+/).length < 4) return undefined;
  const date = parseDateLine(m[1]!);
  return date ? { date, rest: m[2]! } : undefined;
}

/** How far down the title and the date are looked for. */
const TOP_LIMIT = 60;

/** A line of an address that ends in its post town in capitals, as British and New Zealand letters write it ("Parliament Buildings WELLINGTON"). */
const postTown = /^(?:\p{Lu}[\p{Ll}.'’-]+\s+){1,4}\p{Lu}{4,}$/u;

/** "Media Contacts", "Press contact" alone on a line. */
const emptyContactsLabel = /^\s*(?:media|press)\s+contacts?\s*$/i;

/** Does the next text line after line `i` hold a phone number or an e-mail address (the label's contacts under it)? */
function hasContactUnder(lines: readonly SourceLine[], i: number): boolean {
  const next = lines.slice(i + 1, i + 4).find((l) => !isBlank(l))?.text ?? '';
  return next.includes('@') || withoutPhones(next) !== next;
}

/**
 * Does the group of lines from `i` (up to a blank line) end in a postal line, within six lines
 * ("Speaker" / "United States House of Representatives" / "Washington, DC 20515")? After an inside
 * address, such a group is its next part (a second addressee, or the lines of a two-column block).
 */
function groupEndsPostal(lines: readonly SourceLine[], i: number): boolean {
  let end = i;
  while (end + 1 < lines.length && !isBlank(lines[end + 1]) && end - i < 6) end++;
  const last = lines[end]!.text.trim();
  // Two columns' city lines run together end in a city, a state and a ZIP code all the same ("Washington, DC 20510 Washington, DC 20510").
  return (
    (end + 1 >= lines.length || isBlank(lines[end + 1])) && (isPostalLine(last) || /,\s*(?:[A-Z]{2}|D\.C\.)\s+\d{5}(?:-\d{4})?$/.test(last))
  );
}

export interface Top {
  /** The first line below the top. */
  end: number;
  /** Where the running text starts right under the title (a PDF extraction's), or -1. */
  bodyStart: number;
  /** The date line's date and index (-1 when there is none). */
  date?: string;
  dateIndex: number;
  candidates: Candidate[];
  /** The people of a contact block ("Media contact:" and the lines under it). */
  contacts: Contact[];
  /**
   * The byline that gave the date ("Fritz Mulhauser | May 24, 2021", "Defend the Defenders,
   * November 7, 2019"), its line and the person it names (none for a team's or an organization's).
   */
  byline?: { names: string[]; line: SourceLine };
}

/** Read the top: remove letterhead and the date line, take a contact block, group the rest into title candidates. */
export function readTop(page: Page, sites: ReadonlySet<string>): Top {
  const { file, lines, removed } = page;
  let topEnd = findTopEnd(page);
  let dateIndex = -1;
  let date: string | undefined;
  const candidates: Candidate[] = [];
  const contacts: Contact[] = [];
  let current: Candidate | undefined;
  const width = wrapWidth(lines, 200);
  let bodyStart = -1;
  let byline: Top['byline'];
  let nameAt = -1;
  let inSalutation = false;
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
      // A saved page that sets the block's lines apart with blank lines ("Contact: Bernadette Murphy" / "" /
      // "Communications Director, ALA Washington" / "" / "202-628-8410 ext. 236" / "" / "bmurphy@…"): its short
      // lines down to the last phone or e-mail line are the block's.
      const spaced = end === i ? spacedContactLines(lines, i) : [];
      const under = spaced.length ? spaced.map((k) => lines[k]!) : lines.slice(i + 1, end + 1);
      const block = contactBlock([contactAt[1]!, ...under.map((l) => l.text)]);
      // Or one line that names them in running form ("Media contact: National Consumers League – Carol
      // McKay, carolm@…, (412) 945-3242 or Taun Sterling, tauns@…"): its people, the line all recorded.
      const found = block.length || end > i ? block : contactsIn(line.text);
      if (found.length) {
        contacts.push(...found);
        for (const k of [i, ...spaced]) page.remove(k, 'contact-block');
        for (let k = i + 1; k <= end; k++) page.remove(k, 'contact-block');
        i = spaced.at(-1) ?? end;
        current = undefined;
        continue;
      }
      // A label whose name was a link the saved page lost ("CONTACT: , 310-392-7041"): the page's, no title.
      if (end === i && /^[\s,;|–—-]*$/.test(withoutPhones(contactAt[1]!))) {
        page.remove(i, 'contact-block');
        current = undefined;
        continue;
      }
    }
    // A media-contacts heading left alone, its names gone with their links ("Media Contacts"): the page's.
    // (When the next text line holds a phone number or an e-mail address, the heading has its contacts under it: kept.)
    if (emptyContactsLabel.test(line.text) && isBlank(lines[i + 1]) && !hasContactUnder(lines, i)) {
      page.remove(i, 'contact-block');
      current = undefined;
      continue;
    }
    // An address line that goes on a group of lines with no blank line between, right above a letter's "Dear …"
    // ("Committee Secretary" / "… Joint Committee …" / "Parliament House, Canberra ACT 2600"): an inside address, no letterhead.
    const addressee =
      current?.insideAddress ||
      (!current && honorific.test(line.text)) ||
      (current !== undefined && isPostalLine(line.text) && aboveSalutation(lines, i - 1)) ||
      // The address going on after a blank line with its post town in capitals ("Parliament Buildings WELLINGTON").
      (!current &&
        candidates.at(-1)?.insideAddress === true &&
        ((postTown.test(line.text.trim()) && aboveSalutation(lines, i)) || groupEndsPostal(lines, i)));
    const shape = addressee
      ? undefined
      : referenceLine.test(line.text.trim())
        ? 'reference-number'
        : (letterheadShape(line.text) ?? (isSiteOwnerLine(line.text, sites) ? organization.id : undefined));
    const wanted = !shape && date === undefined;
    const dateLine = wanted ? (parseDateLine(line.text) ?? parseBylineDate(line.text)) : undefined;
    const found = wanted ? (dateLine ?? parseMonthLine(line.text)) : undefined;
    const headline = wanted && !found && !current ? datedHeadline(line.text) : undefined;
    if (shape) {
      page.remove(i, shape);
      current = undefined;
      if (shape === organization.id) nameAt = i;
    } else if (found) {
      // A numeric date that reads either way ("12/03/2014"): in the order the text's other evidence gives.
      date = inTextOrder(found, numericDateOrder(lines.map((l) => l.text).join('\n'))).iso;
      if (!dateLine) reportMonthOnly(file, found, line);
      dateIndex = i;
      if (dateLine && !parseDateLine(line.text) && !isLabelledDate(line.text)) byline = { names: bylineFieldNames(line.text) ?? [], line };
      removed.add(i);
      recordRemoved(file, [line], 'date-line');
      current = undefined;
    } else if (headline) {
      // A headline that starts with its date ("March 22, 2017 - Privacy Center's … Testifies …"):
      // the date is the text's, the rest a candidate of its own.
      const { date: lead, rest } = headline;
      date = lead.iso;
      dateIndex = i;
      recordRemoved(file, [{ ...line, text: line.text.slice(0, line.text.length - rest.length) }], 'date-line');
      candidates.push({ lines: [{ ...line, text: rest }], indexes: [i] });
      current = undefined;
    } else {
      // A letter's salutation and subject line stand alone, whatever is around them.
      // So does a line wholly in quotation marks in a block of capitals: a hearing's name (“PROTECTING YOUTHS IN …”).
      // A salutation wrapped over lines ("Dear Chairperson Bonds, Chairperson Todd, and members of the" / "Committees on …,") starts a group too.
      const letterLine =
        !inSalutation &&
        (salutation.test(line.text) || subjectLine.test(line.text) || quotedName.test(line.text.trim()) || wrappedSalutation(lines, i));
      // A witness line ("Statement of Charles Michael Johnson Jr., Director") starts a group of its own: the lines above are the title.
      // So does a speaker's label over the name ("Prepared Statement of:" / "Alan Simpson").
      if (witnessLine.test(line.text) || speakerLabel.test(line.text)) current = undefined;
      if (!current || letterLine)
        candidates.push(
          (current = {
            lines: [],
            indexes: [],
            ...(addressee ? { insideAddress: true } : {}),
            // Right under the organization's name, with no blank line between: its slogan, or the title.
            ...(nameAt >= 0 && nameAt === i - 1 ? { belowName: true } : {}),
          }),
        );
      current.lines.push(line);
      current.indexes.push(i);
      // A wrapped salutation's group goes on to the line that ends it.
      if (inSalutation && /[,:]\s*$/.test(line.text)) [inSalutation, current] = [false, undefined];
      else if (letterLine && !salutation.test(line.text) && wrappedSalutation(lines, i)) inSalutation = true;
      else if (letterLine) current = undefined;
    }
  }
  return {
    end: topEnd,
    bodyStart,
    ...(date !== undefined ? { date } : {}),
    dateIndex,
    candidates,
    contacts,
    ...(byline ? { byline } : {}),
  };
}

/**
 * The first line of running text: a line of running text ends a sentence or goes on on the
 * next line; a long title in sentence case stands alone. At most `TOP_LIMIT` lines down.
 */
function findTopEnd({ lines, removed }: Page): number {
  const end = lines.findIndex(
    (line, i) =>
      !removed.has(i) &&
      // Running text, or a press release's dateline opening it on a short line ("WASHINGTON, D.C. — U.S. Sen.").
      (isBodyText(line.text, lines.slice(i + 1, i + 4)) || opensWithCapitalsDateline(line.text)) &&
      !aboveDateLine(lines, i) &&
      !subjectAboveSalutation(lines, i) &&
      (/[.!?:;]["”’)\]]*(?:\d{1,3}|\[\d{1,3}\])?$/.test(line.text.trim()) ||
        endsOpen(line.text) ||
        !isBlank(lines[i + 1]) ||
        i + 1 >= lines.length),
  );
  return end === -1 || end > TOP_LIMIT ? Math.min(lines.length, TOP_LIMIT) : end;
}

/**
 * Does line `i` start a group of one to three lines right above a letter's "Dear …", with only
 * a blank line between ("Citizens Advice’s response to DCMS’ public consultation on reforms to
 * the UK's data" / "protection regime." / "Dear DCMS Domestic Data Protection Team,")? It is the
 * letter's subject, set as a sentence with no "Re:", not its running text.
 */
function subjectAboveSalutation(lines: readonly SourceLine[], i: number): boolean {
  let last = i;
  while (last + 1 < lines.length && !isBlank(lines[last + 1]) && last - i < 3) last++;
  if (last - i >= 3 || !isBlank(lines[last + 1])) return false;
  const next = lines[neighbour(lines, last, 1)];
  return next !== undefined && /^\s*dear\s/i.test(next.text) && salutation.test(next.text);
}

/**
 * Is line `i` in a group of lines that ends in a date line, with no blank line between
 * ("\"See you in Court\" - Liberty responds to passing of the" / "Snoopers' Charter" / "17
 * November 2016")? A title block ends in its date; running text does not.
 */
function aboveDateLine(lines: readonly SourceLine[], i: number): boolean {
  let k = i + 1;
  for (; k <= i + 3 && !isBlank(lines[k]); k++) {
    const text = lines[k]!.text;
    if (parseDateLine(text) ?? parseMonthLine(text)) return isBlank(lines[k + 1]);
    if (/[.!?:;]["”’)]?$/.test(lines[k - 1]!.text.trim())) return false;
  }
  // A dek under the title, then its byline and date line after a blank line ("by Stilgherrian" / "Published on May 30, 2019").
  if (!isBlank(lines[k]) || isBlank(lines[k + 1])) return false;
  const date = lines[k + 2];
  return bylineNames(lines[k + 1]!.text) !== undefined && date !== undefined && parseDateLine(date.text) !== undefined;
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
    // A hearing header's committee line is as long as a line of text ("Testimony Before the Subcommittee on …").
    !hearingLine.test(text) &&
    !subjectAboveSalutation(lines, i) &&
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
 * The lines of a contact block set apart by blank lines, under its label line at `at`: short
 * lines with one or two blank lines between, at most four, down to the last that is a phone
 * number or an e-mail address (none when there is no such line).
 */
function spacedContactLines(lines: readonly SourceLine[], at: number): number[] {
  const found: number[] = [];
  let last = -1;
  for (let k = at + 1, blanks = 0; k < lines.length && found.length < 4; k++) {
    if (isBlank(lines[k])) {
      if (++blanks > 2) break;
      continue;
    }
    const text = lines[k]!.text.trim();
    if (!blanks || text.length > 60 || /[.!?:;]$/.test(text) || contactLabel.test(text)) break;
    blanks = 0;
    found.push(k);
    if (phoneOnly.test(text) || emailOnly.test(text)) last = found.length;
  }
  return found.slice(0, Math.max(0, last));
}

/** Does line `i` open a letter's "Dear …" wrapped over two or three lines, the last ending in a comma or a colon? */
function wrappedSalutation(lines: readonly SourceLine[], i: number): boolean {
  if (!/^\s*dear\s+\p{Lu}/iu.test(lines[i]!.text)) return false;
  for (let k = i + 1; k <= i + 2 && k < lines.length && !isBlank(lines[k]); k++) if (/[,:]\s*$/.test(lines[k]!.text)) return true;
  return false;
}
