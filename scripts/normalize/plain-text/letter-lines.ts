/**
 * Lines of a letter's or a hearing's header, which the title steps must tell from a title.
 */
import { isPostalLine, organization } from '../text/letterhead.js';
import { findDate, parseDateLine } from '../text/dates.js';
import { salutation, subjectLine } from '../text/blocks.js';
import type { SourceLine } from '../text/source-lines.js';
import { neighbour } from './page.js';
import * as documentLabel from '../rules/document-label.js';
export { speakerLabel } from '../text/witness.js';

/**
 * The line of a hearing header that names the committee: "Before the House Committee on the
 * Judiciary", "before the Subcommittee on …", "Testimony Before the Subcommittee on …" (GAO's).
 */
export const hearingLine =
  /^\s*(?:(?:testimony|statement|hearing)\s+)?before\s+the\s+(?:[\p{L}.]+\s+){0,4}(?:committee|subcommittee|commission|council|parliament|senate|house)\b/iu;

/** The first line of a letter's inside address: a person with an honorific ("Ms Jane Smith", "The Rt. Hon William Hague MP"). */
export const honorific = /^\s*(?:the\s+)?(?:rt\.?\s+hon\.?|hon\.?|honou?rable|mr|mrs|ms|dr|prof|senator)\.?\s+\p{Lu}/iu;

/**
 * A witness line: "Statement of Charles Michael Johnson Jr., Director", "Testimony of Jane Doe",
 * "Opening Statement – John D. (Jay) Rockefeller IV, Chairman".
 */
export const witnessLine =
  /^\s*(?:(?:[Pp]repared|[Ww]ritten|[Oo]pening|[Cc]losing)\s+)?(?:[Ss]tatement|[Tt]estimony|[Rr]emarks)\s+(?:of|[–—-])\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|\(\p{Lu}[\p{L}.'’-]*\))){1,4}(?:,|\s*$)/u;

/** A byline on a line of its own under a title: "by Stilgherrian", "By Jane Doe and John Roe". The names, or undefined. */
export function bylineNames(text: string): string[] | undefined {
  const m =
    /^\s*(?:[Bb]y|BY)\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}(?:(?:,\s*|\s+and\s+|\s*&\s*)\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})*)\s*$/u.exec(
      text,
    );
  return m ? m[1]!.split(/,\s*|\s+and\s+|\s*&\s*/) : undefined;
}

/**
 * The person a byline's fields name beside the date ("Fritz Mulhauser | May 24, 2021 | Last
 * modified: …", "Lawrence Lessig, December 16th, 2014"): a field of two to four capitalized words that is no organization's or team's
 * name ("Big Brother Watch Team / October 19, 2023" names none). The names, or undefined.
 */
/** A team's or a desk's name, no person's ("Big Brother Watch Team", "Editorial Staff"). */
const collective = /\b(?:team|staff|editors?|editorial|admin|desk|newsroom|press|office)\b/i;

/**
 * A byline on a line of its own, as a site's theme prints it under the title: "By Juliet Nanfuka |"
 * (its date field left empty), "Article by Fair Trials", "Posted by Jane Doe". The names it
 * gives, less those of the organization or a team: a name the title says too ("Fair Trials raises
 * …" under "Article by Fair Trials") is the publisher's, who signs no one. Undefined when the line
 * is no byline.
 */
export function bylineLine(text: string, title: string): string[] | undefined {
  const bare = text
    .trim()
    .replace(/\s*[|/·•]\s*$/, '')
    .replace(/^(?:text|words|written|story|article|post(?:ed)?|published)\s+(?=by\s)/i, '');
  const names = bylineNames(bare);
  if (!names) return undefined;
  const said = title.toLowerCase();
  return names.filter((name) => !organization.looksLikeName(name) && !collective.test(name) && !said.includes(name.toLowerCase()));
}

/**
 * A date line whose other field names the kind of document ("Press Release | February 22, 2017",
 * "Statement / 4 May 2010"): the page's label and date, no byline (nobody signs it).
 */
export function isLabelledDate(text: string): boolean {
  return text
    .trim()
    .split(/\s+[|/·•]\s+/)
    .some((field) => documentLabel.test(field));
}

export function bylineFieldNames(text: string): string[] | undefined {
  let fields = text.trim().split(/\s+[|/·•]\s+/);
  // A name and the date after a comma ("Lawrence Lessig, December 16th, 2014").
  if (fields.length === 1) {
    const comma = /^([^,]+),\s+(.+)$/.exec(fields[0]!);
    if (comma && parseDateLine(comma[2]!)?.index === 0) fields = [comma[1]!, comma[2]!];
  }
  if (fields.length < 2) return undefined;
  // A field that says who wrote it ("Text by Ishan Sharma", "Words by Jane Doe & John Roe"): its names.
  const credited = fields
    .map((field) => /^\s*(?:text|words|written|story|article|post(?:ed)?)\s+(by\s+.+)$/i.exec(field)?.[1])
    .find(Boolean);
  const credit = credited ? bylineNames(credited) : undefined;
  if (credit?.every((name) => !organization.looksLikeName(name) && !collective.test(name))) return credit;
  const person = fields
    .map((field) => field.trim().replace(/^by\s+/i, ''))
    .find(
      (field) =>
        /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u.test(field) &&
        !organization.looksLikeName(field) &&
        !collective.test(field) &&
        !parseDateLine(field) &&
        !findDate(field),
    );
  return person ? [person] : undefined;
}

/**
 * Does a letter's "Dear …" follow line `last`, with at most its postal lines, its date and its
 * subject line between ("Committee Secretary" / "Parliamentary Joint Committee …" / "Parliament
 * House, Canberra ACT 2600" / "19th January 2015" / "Re: …" / "Dear Committee Secretary,")?
 */
export function aboveSalutation(lines: readonly SourceLine[], last: number): boolean {
  for (let i = neighbour(lines, last, 1), seen = 0; i >= 0 && seen < 5; i = neighbour(lines, i, 1), seen++) {
    const text = lines[i]!.text;
    if (/^\s*dear\s/i.test(text) && salutation.test(text)) return true;
    if (!(isPostalLine(text) || parseDateLine(text) || subjectLine.test(text))) return false;
  }
  return false;
}

/** A place on a line of its own: "Abuja, Nigeria", "San Francisco, CA", "Washington, D.C.". */
export const placeLine = /^\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*)?,\s*\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*)?$/u;
