/**
 * A page's text runs → its lines in reading order. Runs on one baseline make a row;
 * a row splits where a wide gap separates its runs (a column gutter, a letterhead
 * column beside the body); the pieces are put in reading order by recursive cuts along
 * empty vertical and horizontal strips of the page (an X-Y cut that looks for columns
 * first, so that two columns whose paragraph gaps happen to line up are still read one
 * after the other); the pieces of one row inside one region are one line.
 */
import type { PdfPage, PdfRun } from './read-pdf.js';

export interface LineSegment {
  text: string;
  url?: string;
}

export interface PdfLine {
  page: number;
  /** The region (column) of the page this line was read in, numbered in reading order over the document. */
  region: number;
  /** The line's text, runs joined with the spaces their gaps call for. */
  text: string;
  /** The same text cut where a link starts or ends. */
  segments: LineSegment[];
  x0: number;
  x1: number;
  /** Baseline, from the bottom of the page. */
  y: number;
  /** The size of most of its letters. */
  size: number;
  /** Most of its letters are bold / italic. */
  bold: boolean;
  italic: boolean;
  font: string;
  /** Tagged PDFs: roles and structure element of its first run; artifact when all its runs are. */
  roles?: string[];
  elements?: number[];
  element?: number;
  artifact?: boolean;
}

interface Fragment {
  runs: PdfRun[];
  x0: number;
  x1: number;
  /** Baseline of the row. */
  y: number;
  /** Vertical extent (bottom, top). */
  bottom: number;
  top: number;
  size: number;
  /** The table cell (tagged PDFs) its runs are in: cells are never joined into one line. */
  cell?: number;
}

/** Marks a footnote call (`\uFDD5` 12 `\uFDD5`) in a line's text; the reader writes it as `[^12]`. */
export const FOOTNOTE_CALL = '\uFDD5';

const isBlankRun = (run: PdfRun) => run.text.trim() === '';

/** The element of the table cell (TD, TH) a run of a tagged PDF is in. */
const cellOf = (run: PdfRun) => {
  const at = Math.max(run.roles?.lastIndexOf('TD') ?? -1, run.roles?.lastIndexOf('TH') ?? -1);
  return at >= 0 ? run.elements?.[at] : undefined;
};

/** Runs on (about) one baseline, left to right. */
function rows(runs: readonly PdfRun[]): PdfRun[][] {
  // Larger type first, so that a raised small run (a footnote call) finds the line it belongs to.
  const sorted = runs.filter((run) => !isBlankRun(run)).sort((a, b) => b.size - a.size || b.y - a.y || a.x - b.x);
  const out: { y: number; size: number; runs: PdfRun[] }[] = [];
  for (const run of sorted) {
    // A superscript (footnote call) sits higher and smaller: it still belongs to its line.
    const row = out.find(
      (r) =>
        Math.abs(r.y - run.y) <= 0.25 * Math.max(r.size, run.size) ||
        (run.size < r.size * 0.85 && run.y > r.y && run.y - r.y < r.size * 0.5),
    );
    if (row) {
      row.runs.push(run);
      if (run.size > row.size) [row.size, row.y] = [run.size, run.y];
    } else out.push({ y: run.y, size: run.size, runs: [run] });
  }
  return out.map((row) => row.runs.sort((a, b) => a.x - b.x));
}

/** A row cut where its runs are far apart (farther than a word gap in justified text). */
function fragments(row: readonly PdfRun[]): Fragment[] {
  const out: Fragment[] = [];
  let current: PdfRun[] = [];
  const flush = () => {
    if (!current.length) return;
    const size = Math.max(...current.map((r) => r.size));
    const base = current.reduce((a, b) => (b.size > a.size ? b : a)).y;
    const cell = cellOf(current[0]!);
    out.push({
      ...(cell !== undefined ? { cell } : {}),
      runs: current,
      x0: current[0]!.x,
      x1: Math.max(...current.map((r) => r.x + r.width)),
      y: base,
      bottom: base - size * 0.25,
      top: base + size * 0.8,
      size,
    });
    current = [];
  };
  for (const run of row) {
    const last = current.at(-1);
    if (last) {
      const gap = run.x - (last.x + last.width);
      if (gap > Math.max(last.size, run.size) * 0.9 || cellOf(last) !== cellOf(run)) flush();
    }
    current.push(run);
  }
  flush();
  return out;
}

/** Empty strips of at least `min` along one axis, strictly inside the extent of the pieces. */
function gaps(pieces: readonly Fragment[], axis: 'x' | 'y', min: number): [number, number][] {
  const spans = pieces.map((p) => (axis === 'x' ? [p.x0, p.x1] : [p.bottom, p.top]) as [number, number]).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  let end = spans[0]![1];
  for (const [start, stop] of spans.slice(1)) {
    if (start - end >= min) out.push([end, start]);
    end = Math.max(end, stop);
  }
  return out;
}

/** Reading order: columns left to right, then bands top to bottom, recursively. */
function order(pieces: Fragment[]): Fragment[][] {
  if (pieces.length <= 1) return pieces.length ? [pieces] : [];
  const body = median(pieces.map((p) => p.size));
  const columns = gaps(pieces, 'x', body * 0.9);
  if (columns.length) {
    const [, widest] = columns.reduce((a, b) => (b[1] - b[0] > a[1] - a[0] ? b : a));
    const left = pieces.filter((p) => p.x1 <= widest);
    const right = pieces.filter((p) => p.x0 >= widest);
    if (left.length && right.length && left.length + right.length === pieces.length) return [...order(left), ...order(right)];
  }
  // Horizontal bands; neighbouring bands with a common column gutter, or with none, are read as one region.
  const cuts = gaps(pieces, 'y', 0.01)
    .map(([a, b]) => (a + b) / 2)
    .sort((a, b) => b - a);
  if (!cuts.length) return [pieces];
  const bands: Fragment[][] = [];
  let rest = pieces;
  for (const cut of cuts) {
    bands.push(rest.filter((p) => p.bottom >= cut));
    rest = rest.filter((p) => p.bottom < cut);
  }
  bands.push(rest);
  // A region of bands without gutters is one column, even where its short lines leave a strip empty.
  // Columns run through three bands at least: fewer are a justified line's wide spaces, or chance.
  const grouped: { pieces: Fragment[]; columns: boolean; bands: number }[] = [];
  for (const band of bands.filter((b) => b.length)) {
    const previous = grouped.at(-1);
    const columns = hasGutter(band, body);
    if (previous && previous.columns && columns && sharesGutter(previous.pieces, band, body)) {
      previous.pieces.push(...band);
      previous.bands++;
    } else grouped.push({ pieces: [...band], columns, bands: 1 });
  }
  const merged: { pieces: Fragment[]; columns: boolean }[] = [];
  for (const group of grouped) {
    const columns = group.columns && group.bands >= 3;
    const previous = merged.at(-1);
    if (previous && !previous.columns && !columns) previous.pieces.push(...group.pieces);
    else merged.push({ pieces: group.pieces, columns });
  }
  const byRow = (group: Fragment[]) => group.sort((a, b) => b.y - a.y || a.x0 - b.x0);
  if (merged.length === 1)
    return merged[0]!.columns && merged[0]!.pieces.length < pieces.length ? order(merged[0]!.pieces) : [byRow(merged[0]!.pieces)];
  return merged.flatMap((group) => (group.columns ? order(group.pieces) : [byRow(group.pieces)]));
}

const hasGutter = (pieces: readonly Fragment[], body: number) => gaps(pieces, 'x', body * 0.9).length > 0;

/** Do two bands have an empty vertical strip in common, inside both (a column gutter running through them)? */
function sharesGutter(a: readonly Fragment[], b: readonly Fragment[], body: number): boolean {
  const ga = gaps(a, 'x', body * 0.9);
  const gb = gaps(b, 'x', body * 0.9);
  return ga.some(([a0, a1]) => gb.some(([b0, b1]) => Math.min(a1, b1) - Math.max(a0, b0) >= body * 0.9));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Join runs into text: a space where the gap between two runs is a word gap (letter-spaced capitals have none). */
function joinRuns(runs: readonly PdfRun[], baseline: number, size: number): LineSegment[] {
  const segments: LineSegment[] = [];
  let previous: PdfRun | undefined;
  for (const run of runs) {
    let text = run.text;
    // A footnote call: a small number raised above the line, after a word.
    if (previous && run.size <= size * 0.88 && run.y - baseline >= size * 0.2 && /^\d{1,3}$/.test(text.trim())) {
      text = `${FOOTNOTE_CALL}${text.trim()}${FOOTNOTE_CALL}`;
      const last = segments.at(-1);
      if (last && !last.url) last.text += text;
      else segments.push({ text });
      previous = run;
      continue;
    }
    if (previous) {
      const gap = run.x - (previous.x + previous.width);
      const size = Math.max(previous.size, run.size);
      const letters = previous.text.trim().length === 1 && run.text.trim().length === 1;
      const spaced = /\s$/.test(previous.text) || /^\s/.test(text);
      if (!spaced && gap > size * (letters ? 0.35 : 0.18)) text = ` ${text}`;
    }
    const last = segments.at(-1);
    if (last && last.url === run.url) last.text += text;
    else if (run.url && /^\s/.test(text) && last) {
      last.text += ' ';
      segments.push({ text: text.trimStart(), url: run.url });
    } else segments.push(run.url ? { text, url: run.url } : { text });
    previous = run;
  }
  for (const segment of segments) segment.text = segment.text.replace(/\s+/g, ' ');
  if (segments[0]) segments[0].text = segments[0].text.trimStart();
  if (segments.at(-1)) segments.at(-1)!.text = segments.at(-1)!.text.trimEnd();
  return segments.filter((s) => s.text !== '');
}

/** The value most of a line's letters have. */
function byLetters<T>(runs: readonly PdfRun[], value: (run: PdfRun) => T): T {
  const counts = new Map<T, number>();
  for (const run of runs) counts.set(value(run), (counts.get(value(run)) ?? 0) + run.text.trim().length);
  return [...counts].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

function toLine(pieces: readonly Fragment[], page: number, region: number): PdfLine {
  const runs = pieces.flatMap((p) => p.runs).sort((a, b) => a.x - b.x);
  const segments = joinRuns(runs, pieces[0]!.y, Math.max(...pieces.map((p) => p.size)));
  const line: PdfLine = {
    page,
    region,
    text: segments.map((s) => s.text).join(''),
    segments,
    x0: Math.min(...pieces.map((p) => p.x0)),
    x1: Math.max(...pieces.map((p) => p.x1)),
    y: pieces[0]!.y,
    size: Math.round(byLetters(runs, (r) => r.size) * 10) / 10,
    bold: byLetters(runs, (r) => r.bold),
    italic: byLetters(runs, (r) => r.italic),
    font: byLetters(runs, (r) => r.font),
  };
  const first = runs.find((r) => r.roles || r.artifact);
  if (first?.roles) line.roles = first.roles;
  if (first?.elements) line.elements = first.elements;
  if (first?.element !== undefined) line.element = first.element;
  if (runs.every((r) => r.artifact)) line.artifact = true;
  return line;
}

/** The lines of a page in reading order; `region` numbers continue from `firstRegion`. */
export function pageLines(page: PdfPage, firstRegion: number): PdfLine[] {
  const pieces = rows(page.runs).flatMap(fragments);
  const lines: PdfLine[] = [];
  let region = firstRegion;
  for (const group of order(pieces)) {
    // Pieces of one row inside one region are one line.
    const byRow: Fragment[][] = [];
    for (const piece of group.sort((a, b) => b.y - a.y || a.x0 - b.x0)) {
      const row = byRow.find((r) => r[0]!.cell === piece.cell && Math.abs(r[0]!.y - piece.y) <= 0.25 * Math.max(r[0]!.size, piece.size));
      if (row) row.push(piece);
      else byRow.push([piece]);
    }
    for (const row of byRow) lines.push(toLine(row, page.number, region));
    region++;
  }
  return lines;
}
