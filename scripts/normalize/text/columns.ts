/**
 * Aligned columns, as `pdftotext -layout` lays out a page: text blocks side by side on the
 * same lines, separated by a gutter of two or more spaces that starts at the same character
 * position line after line.
 *
 * - Three or more aligned columns are a table: its lines become one placeholder line that
 *   carries the rows (a row wrapped over several lines is one row), for `toBlocks` to make a
 *   GFM table of.
 * - Two columns are two columns of text (or a letterhead column beside the text): they are
 *   read column by column, the left one first.
 *
 * Linear: each line is cut into its segments once; each of a bounded number of candidate
 * gutters is checked with one pass over the lines.
 */
import type { SourceLine } from './source-lines.js';
import { isBlank } from './source-lines.js';
import { isLoneGlyph } from './list-items.js';

/** The cells of a table row, each cell as the lines it is written on. */
export type TableRow = string[][];

declare module './source-lines.js' {
  interface SourceLine {
    /** A table read from aligned columns: this (blank) line stands for all of its lines. */
    table?: TableRow[];
  }
}

interface Segment {
  start: number;
  end: number;
  text: string;
}

/** Gutter positions checked per text: more would be noise, and each costs a pass. */
const MAX_GUTTERS = 12;
/** Lines with text on both sides of a gutter needed to believe in it. */
const MIN_SIDE_LINES = 3;

/** A list marker standing alone before a gutter ("▪", "1.", "(a)"): it belongs to the text after it. */
const isMarker = (text: string) => isLoneGlyph(text) || /^\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]$/.test(text);

/** The runs of text of a line separated by two or more spaces (a single space is inside a run). */
function segmentsOf(text: string): Segment[] {
  const found: Segment[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && text[i] === ' ') i++;
    if (i >= n) break;
    const start = i;
    let end = i;
    while (i < n) {
      if (text[i] !== ' ') {
        end = ++i;
      } else if (i + 1 < n && text[i + 1] !== ' ') i++;
      else break;
    }
    found.push({ start, end, text: text.slice(start, end) });
  }
  return found;
}

/** Does a line leave the two characters before `p` blank (or stop before them)? */
const fits = (text: string, p: number) => text.length <= p - 2 || (text[p - 1] === ' ' && text[p - 2] === ' ');

interface Region {
  start: number;
  end: number;
  gutters: number[];
  both: number;
}

/**
 * Lines with aligned columns read as a person reads them: tables become placeholder lines
 * with their rows, two columns of text one after the other.
 */
export function readColumns(lines: readonly SourceLine[]): SourceLine[] {
  const segments = lines.map((line) => segmentsOf(line.text));
  // Where a gutter could end: the start of a segment after a gap (or after a line's indent,
  // the right column of a line whose left one is empty), markers aside.
  const counts = new Map<number, number>();
  segments.forEach((segs) => {
    for (let k = 0; k < segs.length; k++) {
      if (k === 1 && isMarker(segs[0]!.text)) continue;
      counts.set(segs[k]!.start, (counts.get(segs[k]!.start) ?? 0) + 1);
    }
  });
  const gutters = [...counts]
    .filter(([p, count]) => count >= MIN_SIDE_LINES && p >= 4)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, MAX_GUTTERS)
    .map(([p]) => p);
  if (!gutters.length) return [...lines];

  const regions: Region[] = [];
  for (const p of gutters) for (const region of regionsAt(lines, segments, p)) regions.push(region);
  const chosen = mergeRegions(lines, regions);
  if (!chosen.length) return [...lines];

  // Copied line by line, never spread into a call: a text can hold more lines than a call takes arguments.
  const parts: SourceLine[][] = [];
  let at = 0;
  for (const region of chosen) {
    parts.push(lines.slice(at, region.start));
    const part = lines.slice(region.start, region.end + 1);
    parts.push(region.gutters.length >= 2 ? [tableLine(part, region.gutters)] : columnByColumn(part, region.gutters[0]!));
    at = region.end + 1;
  }
  parts.push(lines.slice(at));
  const out: SourceLine[] = [];
  for (const part of parts) for (const line of part) out.push(line);
  return out;
}

/** The runs of lines that keep the gutter at `p` free, with text at `p` and text left of it on enough lines. */
function regionsAt(lines: readonly SourceLine[], segments: readonly Segment[][], p: number): Region[] {
  const found: Region[] = [];
  let first = -1;
  let last = -1;
  let both = 0;
  let left = 0;
  let right = 0;
  const close = () => {
    if (first >= 0 && both >= 1 && left >= MIN_SIDE_LINES && right >= MIN_SIDE_LINES) {
      // Text of the left column that goes on under the last line of the right one.
      let end = last;
      while (end + 1 < lines.length && !isBlank(lines[end + 1]) && !lines[end + 1]!.pageStart && fits(lines[end + 1]!.text, p)) end++;
      found.push({ start: first, end, gutters: [p], both });
    }
    first = last = -1;
    both = left = right = 0;
  };
  lines.forEach((line, i) => {
    if (line.pageStart || !fits(line.text, p)) {
      close();
      if (!fits(line.text, p)) return;
    }
    if (isBlank(line)) return;
    const segs = segments[i]!;
    const atP = segs.some((s) => s.start === p);
    const hasLeft = segs.some((s) => s.end <= p - 2 && !isMarker(s.text));
    if (!atP && first < 0) return; // a region starts where the right column does
    if (first < 0) first = i;
    if (atP) {
      last = i;
      right++;
    }
    if (hasLeft) left++;
    if (atP && hasLeft) both++;
  });
  close();
  return found;
}

/**
 * Regions of different gutters over the same lines are one table; of overlapping regions
 * of one gutter each, the one with most lines with text on both sides wins.
 */
function mergeRegions(lines: readonly SourceLine[], regions: Region[]): Region[] {
  regions.sort((a, b) => a.start - b.start || b.end - a.end);
  const clusters: Region[][] = [];
  let reach = -1;
  for (const region of regions) {
    const cluster = clusters.at(-1);
    if (cluster && region.start <= reach) cluster.push(region);
    else clusters.push([region]);
    reach = Math.max(reach, region.end);
  }
  const chosen: Region[] = [];
  for (const cluster of clusters) {
    const main = cluster.reduce((a, b) => (b.both > a.both ? b : a));
    const span = main.end - main.start + 1;
    const gutters = cluster
      .filter((r) => {
        const overlap = Math.min(r.end, main.end) - Math.max(r.start, main.start) + 1;
        if (overlap < span * 0.8) return false;
        for (let i = main.start; i <= main.end; i++) if (!fits(lines[i]!.text, r.gutters[0]!)) return false;
        return true;
      })
      .map((r) => r.gutters[0]!)
      .sort((a, b) => a - b);
    chosen.push({ ...main, gutters });
  }
  return chosen;
}

/** The cells of a line between the gutters, trimmed. */
function cellsOf(text: string, gutters: readonly number[]): string[] {
  const bounds = [0, ...gutters, Infinity];
  return gutters.concat(Infinity).map((_, k) => text.slice(bounds[k], bounds[k + 1]).trim());
}

const endsBroken = (text: string) => /[-\u2010\u00ad,]$/.test(text);
const startsLower = (text: string) => /^\p{Ll}/u.test(text);

/**
 * A table's lines as rows. When its rows wrap (some line has no first cell, or a cell ends
 * in a hyphen), a line goes on the row above when a cell of it goes on a cell above (it
 * starts in lower case, or the cell above ends in a hyphen or a comma) or it has no first
 * cell; otherwise each line is a row.
 */
function tableLine(part: readonly SourceLine[], gutters: readonly number[]): SourceLine {
  const rowsOfLines = part.filter((line) => !isBlank(line)).map((line) => cellsOf(line.text, gutters));
  const wraps = rowsOfLines.some((cells) => !cells[0] || cells.some(endsBroken));
  const rows: TableRow[] = [];
  for (const cells of rowsOfLines) {
    const row = rows.at(-1);
    const goesOn =
      wraps &&
      row !== undefined &&
      (!cells[0] ||
        cells.some((cell, k) => {
          const above = row[k]!.at(-1);
          return cell !== '' && above !== undefined && (startsLower(cell) || endsBroken(above));
        }));
    if (row && goesOn) cells.forEach((cell, k) => cell && row[k]!.push(cell));
    else rows.push(cells.map((cell) => (cell ? [cell] : [])));
  }
  return { text: '', line: part[0]!.line, column: part[0]!.column, table: rows };
}

/** Two columns read one after the other; a list marker left of the gutter goes with the text right of it. */
function columnByColumn(part: readonly SourceLine[], p: number): SourceLine[] {
  let left: SourceLine[] = [];
  let right: SourceLine[] = [];
  for (const line of part) {
    if (isBlank(line)) {
      left.push(line);
      right.push(line);
      continue;
    }
    const l = line.text.slice(0, p).trimEnd();
    const r = line.text.slice(p);
    const marker = l.trim() !== '' && isMarker(l.trim()) && r.trim() !== '';
    if (l.trim() && !marker) left.push({ ...line, text: l });
    if (r.trim()) right.push({ ...line, text: marker ? `${l.trim()} ${r.trim()}` : r, column: line.column + p });
  }
  left = closeGaps(left);
  right = closeGaps(right);
  // A sentence that runs on from the foot of the left column to the top of the right one stays one paragraph.
  const lastLeft = [...left].reverse().find((line) => !isBlank(line));
  const firstRight = right.find((line) => !isBlank(line));
  const runsOn = lastLeft && firstRight && !/[.!?:;]["”’)\]]*$/.test(lastLeft.text.trim()) && startsLower(firstRight.text.trim());
  const gap: SourceLine[] = runsOn ? [] : [{ text: '', line: part[0]!.line, column: part[0]!.column }];
  return left.concat(gap, right);
}

/**
 * A blank row is a gap in both columns only where each of them stops: in a column whose
 * sentence goes on across it (no end mark above, lower case below) it is dropped.
 */
function closeGaps(column: SourceLine[]): SourceLine[] {
  return column.filter(
    (line, i) =>
      !(
        isBlank(line) &&
        i > 0 &&
        i + 1 < column.length &&
        !isBlank(column[i - 1]) &&
        !isBlank(column[i + 1]) &&
        !/[.!?:;]["”’)\]]*$/.test(column[i - 1]!.text.trim()) &&
        startsLower(column[i + 1]!.text.trim())
      ),
  );
}
