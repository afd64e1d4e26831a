/**
 * Written dates → ISO dates (YYYY-MM-DD). Only dates with a certain day, month and
 * year count ("October 4, 2012", "Oct. 4, 2012", "4 October 2012", "9th June, 2021",
 * "2012-10-04"), so stray numbers are never taken for dates.
 */
import * as chrono from 'chrono-node';

export interface FoundDate {
  iso: string;
  /** Offset and length of the date's text in the input. */
  index: number;
  text: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Every complete date in `text`, in order. */
export function findDates(text: string): FoundDate[] {
  return chrono.strict
    .parse(text)
    .filter((r) => r.start.isCertain('year') && r.start.isCertain('month') && r.start.isCertain('day'))
    .map((r) => ({ r, year: r.start.get('year') ?? 0 }))
    .filter(({ year }) => year >= 1900 && year <= 2100)
    .map(({ r, year }) => ({ iso: `${pad(year, 4)}-${pad(r.start.get('month') ?? 1)}-${pad(r.start.get('day') ?? 1)}`, index: r.index, text: r.text }));
}

/** The first complete date in `text`. */
export function findDate(text: string): FoundDate | undefined {
  return findDates(text)[0];
}

/** Words that may stand around a date on a date line: "Posted on", "Updated:", "Date:". */
const around = /^(?:(?:(?:originally\s+)?(?:posted|published|released|updated|issued|dated|written|last\s+(?:updated|modified)|date|for\s+release)(?:\s+(?:on|at))?|on|as\s+of)\s*[:\-–—|]?)?$/i;

/** The ISO date of a line that is only a date (with an optional label such as "Posted on"). */
export function parseDateLine(line: string): FoundDate | undefined {
  const text = line.trim();
  if (text.length > 60) return undefined;
  const found = findDates(text);
  if (found.length !== 1) return undefined;
  const [date] = found as [FoundDate];
  const before = text.slice(0, date.index).trim();
  const after = text.slice(date.index + date.text.length).replace(/^[\s.,;:|–—-]+$/, '').trim();
  return around.test(before) && after === '' ? date : undefined;
}

/** A date a user typed (front matter): ISO already, or a written date that parses completely. */
export function toIsoDate(value: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return value.trim();
  const found = parseDateLine(value);
  return found && found.text.length >= value.trim().length - 1 ? found.iso : undefined;
}
