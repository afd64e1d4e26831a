/**
 * Written dates → ISO dates (YYYY-MM-DD). Only dates with a certain day, month and
 * year count ("October 4, 2012", "Oct. 4, 2012", "4 October 2012", "9th June, 2021",
 * "2012-10-04", "Tuesday 14 March 2006", "31.01.11"), so stray numbers are never taken for dates.
 */
import * as chrono from 'chrono-node';
import { readingTimeLine } from './web-furniture.js';

export interface FoundDate {
  iso: string;
  /** Offset and length of the date's text in the input. */
  index: number;
  text: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Short texts in which the date parser finds nothing at all (most headings and lines
 * asked about): whether it finds anything depends on the text alone, not on today's date
 * (relative dates such as "within three days" are found on any day), so the answer is
 * kept for the next brief that asks ("Key Points", "Background"). Bounded in entries and
 * in length, and each kept as a copy: a line cut from a source is a slice that would
 * otherwise keep the whole source in memory (3 KB a brief, for the whole build).
 */
const NO_DATES = new Set<string>();
const NO_DATES_LIMIT = 10_000;
const NO_DATES_LENGTH = 120;

/** Every complete date in `text`, in order. */
export function findDates(text: string): FoundDate[] {
  if (NO_DATES.has(text)) return [];
  const results = chrono.strict.parse(text);
  if (results.length === 0) {
    if (text.length > NO_DATES_LENGTH) return [];
    if (NO_DATES.size >= NO_DATES_LIMIT) NO_DATES.clear();
    NO_DATES.add(JSON.parse(JSON.stringify(text)) as string);
    return [];
  }
  return results
    .filter((r) => r.start.isCertain('year') && r.start.isCertain('month') && r.start.isCertain('day'))
    .map((r) => ({ r, year: r.start.get('year') ?? 0 }))
    .filter(({ year }) => year >= 1900 && year <= 2100)
    .map(({ r, year }) => ({
      iso: dottedDate(r.text, year) ?? `${pad(year, 4)}-${pad(r.start.get('month') ?? 1)}-${pad(r.start.get('day') ?? 1)}`,
      index: r.index,
      text: r.text,
    }));
}

/**
 * A date written with dots is day first ("03.04.2015" is 3 April, as in Europe, where dots
 * are the custom; the parser reads it month first, as "03/04/2015" would be in the US).
 */
function dottedDate(text: string, year: number): string | undefined {
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(?:\d{2}|\d{4})$/.exec(text.trim());
  if (!dotted) return undefined;
  const [day, month] = [Number(dotted[1]), Number(dotted[2])];
  return day >= 1 && day <= 31 && month >= 1 && month <= 12 ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : undefined;
}

/** The first complete date in `text`. */
export function findDate(text: string): FoundDate | undefined {
  return findDates(text)[0];
}

/**
 * Words that may stand around a date on a date line: "Posted on", "Updated:", "Document Date:",
 * "For immediate release:", "Posted 17:08 EDT on", a filing's "Comment Submitted:", "Date Filed:"
 * (never a deadline: "Comment Period Closes:" is no date of the text).
 */
const around =
  /^(?:(?:(?:originally\s+)?(?:posted|published|released|updated|issued|dated|written|last\s+(?:updated|modified)|(?:(?:comments?|letter|testimony|submission|statement)\s+)?(?:submitted|filed|sent|delivered)|date\s+(?:submitted|filed|sent)|(?:document\s+)?date|(?:for\s+(?:immediate\s+)?release))(?:\s+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+\p{Lu}{2,4})?)?(?:\s+(?:on|at))?|on|as\s+of)\s*[:\-–—|]?)?$/iu;

/** The ISO date of a line that is only a date (with an optional label such as "Posted on"). */
export function parseDateLine(line: string): FoundDate | undefined {
  const text = line.trim();
  // A reading time after the date ("February 12, 2024 17 min read Download Report") is the page's, not the text's.
  const reading = readingTimeLine(text);
  if (reading?.before) return parseDateLine(reading.before);
  if (text.length > 60) return undefined;
  const found = findDates(text);
  if (found.length !== 1) return undefined;
  const [date] = found as [FoundDate];
  const before = text.slice(0, date.index).trim();
  const after = text
    .slice(date.index + date.text.length)
    .replace(/^[\s.,;:|–—-]+$/, '')
    .trim();
  return around.test(before) && after === '' ? date : undefined;
}

/** A byline field that gives when the page was changed, not when it was posted ("Last modified: December 14, 2021"). */
const modifiedField = /^\s*(?:last\s+)?(?:updated|modified|edited|revised)\b/i;

/**
 * A byline with the date, in the fields a blog theme separates ("Big Brother Watch Team /
 * October 19, 2023", "by Saskia Rowley | Oct 17, 2022 | Communication Rights", "Fritz Mulhauser |
 * May 24, 2021 | Last modified: December 14, 2021"): the date field's date, when the other
 * fields are short names, not a sentence. A field saying when the page was modified is not its date.
 */
export function parseBylineDate(line: string): FoundDate | undefined {
  const text = line.trim();
  if (text.length > 120) return undefined;
  const fields = text.split(/\s+[|/·•]\s+/);
  // A name and the date after a comma ("Lawrence Lessig, December 16th, 2014", "Defend the
  // Defenders, November 7, 2019"): the date is all that follows the name's comma.
  const comma = fields.length === 1 ? /^(\p{Lu}[^,]{1,58}),\s+(.+)$/u.exec(text) : null;
  if (comma && comma[1]!.split(/\s+/).length <= 6 && !/\d/.test(comma[1]!)) {
    const date = parseDateLine(comma[2]!);
    if (date && date.index === 0 && date.text.length >= comma[2]!.trim().length - 1)
      return { ...date, index: comma[0].length - comma[2]!.length };
  }
  if (fields.length < 2 || fields.length > 3) return undefined;
  // Fields about the page, not its text: when it was modified, how long it takes to read ("02.19.21 | 1 min read | Text by …").
  const aboutPage = (field: string) => modifiedField.test(field) || readingTimeLine(field)?.before === '';
  const dates = fields.map((field) => (aboutPage(field) ? undefined : parseDateLine(field)));
  const at = dates.findIndex(Boolean);
  if (at < 0 || dates.filter(Boolean).length > 1) return undefined;
  const others = fields.filter((field, k) => k !== at && !aboutPage(field));
  if (!others.every((field) => field.split(/\s+/).length <= 6 && /^(?:by\s+)?\p{Lu}/iu.test(field) && !/[.!?:;,]$/.test(field)))
    return undefined;
  const offset = text.indexOf(fields[at]!);
  return { ...dates[at]!, index: offset + dates[at]!.index };
}

const MONTHS = 'january february march april may june july august september october november december'.split(' ');
const monthLine = /^(?:(.*?)\s*)?\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?,?\s+((?:19|20)\d{2})$/i;

/**
 * A line that is only a month and a year ("March 2013", "Updated: Sept. 2013"): the
 * date of a one-pager that gives no day. Its ISO date is the first of the month; the
 * caller says so in a note. Only for lines where a date is expected (the top of a brief).
 */
export function parseMonthLine(line: string): FoundDate | undefined {
  const text = line.trim();
  const m = monthLine.exec(text);
  if (!m || text.length > 40 || !around.test((m[1] ?? '').trim())) return undefined;
  const month = MONTHS.findIndex((name) => name.startsWith(m[2]!.toLowerCase().slice(0, 3))) + 1;
  const full = MONTHS[month - 1]!;
  const word = text
    .slice((m[1] ?? '').length)
    .trim()
    .split(/[\s.,]+/)[0]!
    .toLowerCase();
  if (!full.startsWith(word) && !(word === 'sept' && month === 9)) return undefined; // "Marching 2013" is no month
  const index = text.length - text.slice((m[1] ?? '').length).trimStart().length;
  return { iso: `${m[3]}-${pad(month)}-01`, index, text: text.slice(index) };
}

/** A date a user typed (front matter): ISO already, or a written date that parses completely. */
export function toIsoDate(value: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return value.trim();
  const found = parseDateLine(value);
  return found && found.text.length >= value.trim().length - 1 ? found.iso : undefined;
}

const slashDate = /^(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})$/;

/**
 * Which comes first in the text's numeric dates, the day or the month, by its own evidence:
 * a numeric date whose first number cannot be a month (25/03/2014) or whose second cannot
 * (03/25/2014); else the written dates ("12 March 2014" against "March 12, 2014"); else the
 * phone numbers' country codes ("+32 (0)2 …" in Europe against "+1" or "(202) 555-…" in North
 * America). `undefined` when the text says nothing (the parser then reads month first).
 */
export function numericDateOrder(text: string): 'day-first' | 'month-first' | undefined {
  let day = 0;
  let month = 0;
  for (const [, a, b] of text.matchAll(/(?<![\d/])(\d{1,2})\/(\d{1,2})\/(?:19|20)\d{2}(?![\d/])/g)) {
    if (Number(a) > 12 && Number(b) <= 12) day++;
    if (Number(b) > 12 && Number(a) <= 12) month++;
  }
  if (day !== month) return day > month ? 'day-first' : 'month-first';
  const monthName = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
  day = [...text.matchAll(new RegExp(String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+${monthName},?\s+(?:19|20)\d{2}\b`, 'gi'))].length;
  month = [...text.matchAll(new RegExp(String.raw`\b${monthName}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b`, 'gi'))].length;
  if (day !== month) return day > month ? 'day-first' : 'month-first';
  day = [...text.matchAll(/(?<![\w+])\+(?!1\b)\d{2,3}[\s(]/g)].length;
  month = [...text.matchAll(/(?<![\w+])\+1[\s(-]\d{3}|(?<![\w)])\(\d{3}\)\s?\d{3}-\d{4}\b/g)].length;
  if (day !== month) return day > month ? 'day-first' : 'month-first';
  return undefined;
}

/** A date found in a numeric form that reads either way (12/03/2014), in the order the text's evidence gives. */
export function inTextOrder(found: FoundDate, order: 'day-first' | 'month-first' | undefined): FoundDate {
  const numeric = slashDate.exec(found.text.trim());
  if (!numeric || order !== 'day-first') return found;
  const [day, month] = [Number(numeric[1]), Number(numeric[2])];
  if (day > 12 || month > 12 || day === month) return found;
  return { ...found, iso: `${numeric[3]}-${pad(month)}-${pad(day)}` };
}
