/**
 * A web page printed from a browser ("Print > Save as PDF" with headers and footers on), as
 * its PDF's text reads: each page opens with the print's date and time and the page's title
 * and ends with the page's address and a page counter. Chrome and Edge print "12/7/26, 11:04 AM
 * <title>" at the top and "<address>  1/3" at the foot; Firefox "<title>  <address>" at the top
 * and "Page 1 of 3  12/7/2026, 11:04:23 AM" at the foot; Safari the title and the date at the
 * top and the address and "Page 1 of 3" at the foot. With `pdftotext -layout` the parts share a
 * line (a gutter between them); without it each is a line of its own.
 *
 * These lines are the printer's, not the text's: they are removed (rule `browser-print`), and
 * the print's date is never the text's date. They say two things of the page: its title (which
 * tells where a wrapped title ends and its standfirst starts) and its address (a blog's
 * permalink carries the day a post was published). The evidence is the print's own: a date
 * with a clock time, and an address or a page counter, at the top or foot of a page.
 */
import type { VFile } from 'vfile';
import { isBlank, recordRemoved, type SourceLine } from './source-lines.js';
import { squash } from './squash.js';

export interface BrowserPrint {
  /** The page's title as the header prints it ("Title | Site", "Title – Site"). */
  title?: string;
  /** The page's address, as the footer (or Firefox's header) prints it. */
  url?: string;
}

type Part = 'stamp' | 'url' | 'counter' | 'text';

/** A print's date and time: "12/7/26, 11:04 AM", "12/7/2026, 11:04:23 AM", "07/12/2026, 11:04", "2026-12-07 11:04". */
const stamp = /^(?:\d{1,2}[/.]\d{1,2}[/.](?:\d{2}|\d{4})|\d{4}-\d{2}-\d{2}),?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?$/i;
const url = /^(?:(?:https?|file):\/\/\S+|about:blank)$/i;
/** "1/3", "Page 1 of 3", "1 of 3". */
const counter = /^(?:(?:page\s+)?\d{1,3}\s+of\s+\d{1,3}|\d{1,3}\s*\/\s*\d{1,3})$/i;

const kindOf = (part: string): Part => (stamp.test(part) ? 'stamp' : url.test(part) ? 'url' : counter.test(part) ? 'counter' : 'text');

/** A line's parts, as `pdftotext -layout` separates them (three spaces or more). */
const partsOf = (text: string) => text.trim().split(/\s{3,}/);

/** Up to three non-blank lines at the top and at the foot of each page, by index. */
function pageEdges(lines: readonly SourceLine[]): { heads: number[][]; feet: number[][] } {
  const pages: number[][] = [[]];
  lines.forEach((line, i) => {
    if (line.pageStart) pages.push([]);
    if (!isBlank(line)) pages.at(-1)!.push(i);
  });
  const filled = pages.filter((p) => p.length > 0);
  return { heads: filled.map((p) => p.slice(0, 3)), feet: filled.map((p) => p.slice(-3)) };
}

/** The page's title with the site's name after it ("Title | Site", "Title – Site"). */
const withSite = /\s[|–—·-]\s\S/;

/**
 * Remove a browser's print header and footer from `lines` (recorded as `browser-print`), and
 * say what they told of the page; `undefined` (and the lines untouched) when the text is no
 * browser print.
 */
export function removeBrowserPrint(file: VFile, lines: readonly SourceLine[]): { lines: SourceLine[]; print?: BrowserPrint } {
  const { heads, feet } = pageEdges(lines);
  const kinds = (i: number) => partsOf(lines[i]!.text).map(kindOf);
  const edges = [...heads.flat(), ...feet.flat()];
  const has = (kind: Part) => edges.some((i) => kinds(i).includes(kind));
  // A date with its clock time, and the page's address or its counter: nothing but a print says both at a page's edge.
  if (!has('stamp') || !(has('url') || has('counter'))) return { lines: [...lines] };

  const print: BrowserPrint = {};
  const remove = new Set<number>();
  const take = (i: number) => {
    const parts = partsOf(lines[i]!.text);
    for (const part of parts) {
      const kind = kindOf(part);
      if (kind === 'url') print.url ??= part;
      else if (kind === 'text') print.title ??= part;
    }
    remove.add(i);
  };
  const printed = (i: number) => kinds(i).some((k) => k !== 'text');
  // A line of printer's parts, with at most one other part beside them (the page's title).
  const isPrintLine = (i: number) => printed(i) && kinds(i).filter((k) => k === 'text').length <= 1;
  const later = lines
    .map((l) => l.text)
    .join('\n')
    .slice(0, 4000);
  for (const head of heads) {
    head.forEach((i, n) => {
      if (isPrintLine(i)) take(i);
      else if (n <= 1 && kinds(i).every((k) => k === 'text')) {
        // The page's title on a line of its own, next to a printer's line: it names the site, or the page says it again below.
        const beside = [head[n - 1], head[n + 1]].some((j) => j !== undefined && isPrintLine(j) && Math.abs(j - i) <= 2);
        const text = lines[i]!.text.trim();
        const title = text.split(/\s[|–—·-]\s(?=[^|–—·]*$)/)[0]!;
        const repeated = squash(later.slice(later.indexOf(text) + text.length)).includes(squash(title));
        if (beside && (withSite.test(text) || repeated)) take(i);
      }
    });
  }
  for (const foot of feet) for (const i of foot) if (isPrintLine(i) && kinds(i).every((k) => k !== 'text')) take(i);
  if (!remove.size) return { lines: [...lines] };
  recordRemoved(
    file,
    lines.filter((_, i) => remove.has(i)),
    'browser-print',
  );
  return { lines: lines.map((line, i) => (remove.has(i) ? { ...line, text: '' } : line)), print };
}

/** The page's title without the site's name the header prints after it ("Title | Site" → "Title"). */
export function pageTitleOf(print: BrowserPrint | undefined): string | undefined {
  const title = print?.title?.trim();
  if (!title) return undefined;
  const cut = /^(.*\S)\s[|–—·-]\s[^|–—·]{1,60}$/.exec(title);
  return cut ? cut[1] : title;
}

/**
 * The page's address that a browser's print sets at a page's edge, when the edges (`edges`: the
 * texts of the lines at the top and foot of each page, as a PDF's reader finds them) also open
 * with the print's date and time: nothing but a print says both there.
 */
export function printedAddress(edges: readonly string[]): string | undefined {
  const stamped = edges.some((text) => stampFirst.test(text.trim()));
  return stamped
    ? edges.map((text) => text.trim().split(/\s+/)[0]!).find((part) => /^https?:\/\//i.test(part) && url.test(part))
    : undefined;
}

/** A print's date and time at the start of a line ("12/7/26, 11:04 AM Page title"). */
const stampFirst =
  /^(?:\d{1,2}[/.]\d{1,2}[/.](?:\d{2}|\d{4})|\d{4}-\d{2}-\d{2}),?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?(?:\s|$)/i;

/** The day in a blog's permalink ("…/2015/09/02/slug/"); a month alone ("…/2025/07/…") is none. */
export function permalinkDay(address: string | undefined): string | undefined {
  const day = /^https?:\/\/[^/]+\/(?:[^?#]*\/)?((?:19|20)\d{2})\/(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])\//.exec(address ?? '');
  return day ? `${day[1]}-${day[2]}-${day[3]}` : undefined;
}
