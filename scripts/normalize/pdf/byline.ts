/**
 * Who wrote a PDF and when, as it says next to its title: a byline ("By A and B · May 2,
 * 2024", names linked to their pages) or a date line; else its Author metadata, when that
 * names people rather than a program, an account or the organization.
 */
import type { Author } from '../../core/types.js';
import { personName } from '../text/contacts.js';
import { parseDateLine, parseMonthLine } from '../text/dates.js';
import { organization, type ConfiguredMatcher } from '../text/letterhead.js';
import { bylineBlockName, witnessName } from '../text/witness.js';
import type { PdfLine } from './layout-lines.js';
import type { PdfLayout } from './read-pdf.js';
import type { RemovedLines } from './removed-lines.js';

interface Byline {
  authors?: Author[];
  date?: string;
  /** The date of a revision line ("Updated: 8 September 2022"), when another line gives the first publication's. */
  updated?: string;
}

/** A date line that dates a revision, not the first publication. */
const revision = /^\s*(?:last\s+)?(?:updated|revised|modified)\b/i;

/**
 * The byline or date line among the lines next to the title on its page (taken out of the body).
 * A revision's date line ("Updated: …") gives `updated` beside the publication's date, or the date when
 * it is the only one (a report "Updated August 20, 2004").
 */
export function bylineNearTitle(
  lines: readonly PdfLine[],
  title: { indexes: readonly number[]; start: number; page: number },
  removed: RemovedLines,
): Byline {
  const { updated, ...found } = nearTitle(lines, title, removed);
  if (!updated) return found;
  if (!found.date) return { ...found, date: updated };
  return updated > found.date ? { ...found, updated } : found;
}

function nearTitle(
  lines: readonly PdfLine[],
  title: { indexes: readonly number[]; start: number; page: number },
  removed: RemovedLines,
): Byline {
  const titleSet = new Set(title.indexes);
  const near = lines
    .map((_, i) => i)
    .filter((i) => !removed.has(i) && !titleSet.has(i) && lines[i]!.page === title.page && !lines[i]!.mono)
    .filter((i) => Math.abs(i - (title.indexes.at(-1) ?? 0)) <= 4 || i < title.start);
  let found: Byline = {};
  for (const i of near) {
    if (removed.has(i)) continue;
    const text = lines[i]!.text;
    const byline = /^by\s+(.+?)\s*(?:[·•|–—]\s*(.+))?$/i.exec(text);
    const date =
      parseDateLine(text) ?? parseMonthLine(text) ?? (byline?.[2] ? (parseDateLine(byline[2]) ?? parseMonthLine(byline[2])) : undefined);
    if (byline && !found.authors && text.split(/\s+/).length <= 20) {
      const authors = byline[1]!
        .split(/\s*,\s*|\s+and\s+/)
        .filter(Boolean)
        .map((name): Author => {
          const url = lines[i]!.segments.find((seg) => seg.url && seg.text.trim() === name && /^https?:/i.test(seg.url))?.url;
          return url ? { name, url } : { name };
        });
      removed.remove(i, 'byline');
      return { ...found, authors, ...(date ? { date: date.iso } : {}) };
    }
    if (date && revision.test(text) && !found.updated) {
      removed.remove(i, 'date-line');
      found = { ...found, updated: date.iso };
      continue;
    }
    if (date && !found.date) {
      removed.remove(i, 'date-line');
      found = { ...found, date: date.iso };
      if (found.authors) return found;
      continue;
    }
    // A statement's witness line under its title: "Opening statement by Philippe Dufresne Privacy Commissioner of Canada".
    const witness = found.authors ? undefined : witnessName(text);
    if (witness && i > title.start) {
      // The line stays in the body, as the statement sets it (a paragraph, never a heading: see drafts).
      found = { ...found, authors: [{ name: witness }] };
      if (found.date) return found;
      continue;
    }
    // A report's authors under its title with no "By" (CRS, think tanks): names alone, over a line or two.
    if (found.authors || i < title.start) continue;
    const wraps = /(?:,|\band)$/.test(text.trim()) && near.includes(i + 1);
    const joined = wraps ? namesLine(`${text} ${lines[i + 1]!.text}`) : undefined;
    // One name over the line naming its position ("Chris Jaikaran" / "Analyst in Cybersecurity Policy").
    // Two lines alone: with more lines right under them, they open an inside address ("Lawrence Strickling" / "Assistant Secretary …" / the department).
    const single =
      !joined && near.includes(i + 1) && !continues(lines[i + 1]!, lines[i + 2]) ? bylineBlockName([text, lines[i + 1]!.text]) : undefined;
    if (single) {
      removed.remove(i, 'byline');
      removed.remove(i + 1, 'byline');
      found = { ...found, authors: [{ name: single }] };
      if (found.date) return found;
      continue;
    }
    const names = joined ?? namesLine(text);
    if (names) {
      removed.remove(i, 'byline');
      if (joined) removed.remove(i + 1, 'byline');
      // The authors' affiliation under their names ("Resources, Science, and Industry Division") goes with them.
      const next = i + (joined ? 2 : 1);
      if (near.includes(next) && affiliation(lines[next]!.text)) removed.remove(next, 'byline');
      found = { ...found, authors: names };
      if (found.date) return found;
    }
  }
  return found;
}

/** Does `next` go on right under `line`, in the same block (no more than a line's gap between them)? */
const continues = (line: PdfLine, next: PdfLine | undefined) =>
  next !== undefined && next.page === line.page && line.y - next.y > 0 && line.y - next.y <= line.size * 1.8;

/** A unit's or institution's name alone, in capitalized words: "Resources, Science, and Industry Division". */
function affiliation(text: string): boolean {
  const t = text.trim();
  const words = t.split(/\s+/);
  return (
    words.length <= 10 &&
    !/[.!?:;]$/.test(t) &&
    words.every((w) => /^(?:\p{Lu}[\p{L}'’.-]*,?|of|for|the|and|on|in|&)$/u.test(w)) &&
    (organization.looksLikeName(t) || /\b(?:division|department|service|program|programme|section|unit|faculty)\b/i.test(t))
  );
}

/** Two or more people's names and nothing else: "A. Smith, B. Jones, and C. Brown". */
function namesLine(text: string): Author[] | undefined {
  const parts = text
    .trim()
    .replace(/[.,]$/, '')
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+/)
    .filter(Boolean);
  // Names listed with commas ("A, B and C"; two names may stand with "and" alone); never "&" (a menu's "Choice & Affordability").
  if (parts.length < 2 || parts.length > 12 || (parts.length > 2 && !text.includes(','))) return undefined;
  if (!parts.every((name) => personName.test(name) && !organization.looksLikeName(name) && !organization.test(name))) return undefined;
  return parts.map((name) => ({ name }));
}

/** The authors the PDF's Author metadata names, unless it is a program's or account's default or the organization. */
export function metadataAuthors(info: PdfLayout['info'], configured: ConfiguredMatcher): Author[] | undefined {
  const author = info.author;
  if (!author || /^(?:user|admin|owner|unknown|microsoft|administrator)\b/i.test(author) || configured(author) || organization.test(author))
    return undefined;
  return author
    .split(/\s*[;,]\s*|\s+and\s+/)
    .filter(Boolean)
    .map((name) => ({ name }));
}
