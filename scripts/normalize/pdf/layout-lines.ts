/**
 * A page's text runs → its lines in reading order. Runs on one baseline make a row;
 * a row splits where a wide gap separates its runs (a column gutter, a letterhead
 * column beside the body); the pieces are put in reading order by recursive cuts along
 * empty vertical and horizontal strips of the page (an X-Y cut that looks for columns
 * first, so that two columns whose paragraph gaps happen to line up are still read one
 * after the other); the pieces of one row inside one region are one line.
 */
import { closeLetterSpacing } from '../text/letter-spaced.js';
import type { PdfPage, PdfRun } from './read-pdf.js';

export interface LineSegment {
  text: string;
  url?: string;
  /** Set in a fixed-pitch font: code. */
  code?: boolean;
  /** Set in bold or italic type (a block all in it has it as its style: pdf/uniform-type.ts). */
  bold?: true;
  italic?: true;
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
  /** Every letter is in a fixed-pitch font (a line of a code block). */
  mono?: boolean;
  /** The line is pieces far apart on one baseline (a header's left and right parts on a tab, a label and its value). */
  parts?: number;
  /** A cell of a table found by layout (untagged PDFs): the table (numbered over the document), its row and column. */
  table?: { id: number; row: number; column: number };
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
  /** A table found by layout, standing in the reading order as one piece. */
  table?: LayoutTable;
  /** A tagged table's pieces, standing in the reading order as one piece. */
  members?: Fragment[];
}

/** A table found by layout: its cells' pieces, row by row, column by column. */
interface LayoutTable {
  rows: Fragment[][][];
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
  const filled = bands.filter((b) => b.length);
  for (const [k, band] of filled.entries()) {
    const previous = grouped.at(-1);
    const columns = hasGutter(band, body);
    if (previous && previous.columns && columns && sharesGutter(previous.pieces, band, body)) {
      previous.pieces.push(...band);
      previous.bands++;
    } else if (
      previous?.columns &&
      hasGutter([...previous.pieces, ...band], body) &&
      textColumns([...previous.pieces, ...band, ...(filled[k + 1] ?? [])], body)
    ) {
      // Text on one side of two columns of running text only (one column goes on where the other has a
      // heading's space, or has ended; a justified line's wide space is no gutter of its own) goes on with
      // the columns; it does not count as a band that shows them.
      previous.pieces.push(...band);
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

/** Columns of running text on both sides of the widest gutter (not a column of list markers, labels or short cells). */
function textColumns(pieces: readonly Fragment[], body: number): boolean {
  const gutter = gaps(pieces, 'x', body * 0.9).reduce<[number, number] | undefined>(
    (a, b) => (!a || b[1] - b[0] > a[1] - a[0] ? b : a),
    undefined,
  );
  if (!gutter) return false;
  const left = pieces.filter((p) => p.x1 <= gutter[0]);
  const right = pieces.filter((p) => p.x0 >= gutter[1]);
  const wide = (side: readonly Fragment[]) => side.length >= 2 && Math.max(...side.map((p) => p.x1 - p.x0)) >= body * 15;
  return wide(left) && wide(right);
}

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

/**
 * Join runs into text: a space where the gap between two runs is a word gap (letter-spaced
 * capitals have none); with `emphasis`, the text is cut where bold or italic type starts or ends.
 */
function joinRuns(runs: readonly PdfRun[], baseline: number, size: number, emphasis: boolean): LineSegment[] {
  const segments: LineSegment[] = [];
  let previous: PdfRun | undefined;
  for (const run of runs) {
    let text = closeLetterSpacing(run.text);
    // A footnote call: a small number raised above the line, after a word.
    if (previous && run.size <= size * 0.88 && run.y - baseline >= size * 0.2 && /^\d{1,3}$/.test(text.trim())) {
      text = `${FOOTNOTE_CALL}${text.trim()}${FOOTNOTE_CALL}`;
      const last = segments.at(-1);
      if (last && !last.url && !last.code) last.text += text;
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
    const code = !!run.mono && text.trim() !== '';
    const bold = emphasis && run.bold && !code;
    const italic = emphasis && run.italic && !code;
    const segment = (text: string): LineSegment => ({
      text,
      ...(run.url ? { url: run.url } : {}),
      ...(code ? { code } : {}),
      ...(bold ? { bold } : {}),
      ...(italic ? { italic } : {}),
    });
    const sameType = !!last?.code === code && !!last?.bold === bold && !!last?.italic === italic;
    if (last && last.url === run.url && (sameType || text.trim() === '')) last.text += text;
    else if (last && /^\s/.test(text)) {
      // The space before a link or a code span belongs to the text before it.
      last.text += ' ';
      segments.push(segment(text.trimStart()));
    } else segments.push(segment(text));
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

/** Pieces of one row as a line; its segments say which text is bold or italic. */
function toLine(pieces: readonly Fragment[], page: number, region: number, emphasis = true): PdfLine {
  const runs = pieces.flatMap((p) => p.runs).sort((a, b) => a.x - b.x);
  const segments = joinRuns(runs, pieces[0]!.y, Math.max(...pieces.map((p) => p.size)), emphasis);
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
  if (runs.every((r) => r.mono || r.text.trim() === '')) line.mono = true;
  if (pieces.length > 1) line.parts = pieces.length;
  const first = runs.find((r) => r.roles || r.artifact);
  if (first?.roles) line.roles = first.roles;
  if (first?.elements) line.elements = first.elements;
  if (first?.element !== undefined) line.element = first.element;
  if (runs.every((r) => r.artifact)) line.artifact = true;
  return line;
}

/** The lines of a page in reading order; `region` numbers continue from `firstRegion`. */
export function pageLines(page: PdfPage, firstRegion: number): PdfLine[] {
  let pieces = rows(page.runs).flatMap(fragments);
  // A tagged PDF says where its tables are (Table, TR, TD); an untagged one shows it by layout.
  pieces = page.runs.some((run) => run.roles || run.artifact) ? taggedTables(pieces) : findTables(pieces);
  const lines: PdfLine[] = [];
  let region = firstRegion;
  let tables = 0;
  for (const group of order(pieces)) {
    // Pieces of one row inside one region are one line.
    const byRow: Fragment[][] = [];
    for (const piece of group.sort((a, b) => b.y - a.y || a.x0 - b.x0)) {
      const row = byRow.find((r) => r[0]!.cell === piece.cell && Math.abs(r[0]!.y - piece.y) <= 0.25 * Math.max(r[0]!.size, piece.size));
      if (row) row.push(piece);
      else byRow.push([piece]);
    }
    for (const row of byRow) {
      const members = row[0]!.members;
      if (members) {
        for (const piece of members.sort((a, b) => b.y - a.y || a.x0 - b.x0)) lines.push(toLine([piece], page.number, region, true));
        continue;
      }
      const table = row[0]!.table;
      if (!table) {
        lines.push(toLine(row, page.number, region));
        continue;
      }
      // A table's cells row by row, each cell's lines top to bottom.
      const id = page.number * 1000 + tables++;
      table.rows.forEach((cells, r) =>
        cells.forEach((cell, column) => {
          for (const piece of cell) lines.push({ ...toLine([piece], page.number, region, true), table: { id, row: r, column } });
        }),
      );
    }
    region++;
  }
  return lines;
}

/** The pieces of each tagged table as one piece, so that cutting the page into columns does not read its columns one after the other. */
function taggedTables(pieces: Fragment[]): Fragment[] {
  const tables = new Map<number, Fragment[]>();
  const rest: Fragment[] = [];
  for (const piece of pieces) {
    const run = piece.runs[0]!;
    const at = run.roles?.lastIndexOf('Table') ?? -1;
    const table = at >= 0 ? run.elements?.[at] : undefined;
    if (table === undefined) rest.push(piece);
    else tables.set(table, [...(tables.get(table) ?? []), piece]);
  }
  for (const [table, members] of tables)
    rest.push({
      runs: members.flatMap((p) => p.runs),
      x0: Math.min(...members.map((p) => p.x0)),
      x1: Math.max(...members.map((p) => p.x1)),
      y: Math.max(...members.map((p) => p.y)),
      bottom: Math.min(...members.map((p) => p.bottom)),
      top: Math.max(...members.map((p) => p.top)),
      size: Math.max(...members.map((p) => p.size)),
      cell: -1 - table,
      members,
    });
  return rest;
}

const sameSize = (a: number, b: number) => Math.abs(a - b) <= 0.1 * Math.max(a, b);
/** A list marker or a note number alone: a column of these is a list, not a table. */
const MARKER = /^(?:[•◦▪▫■□●○·‣⁃–\-*>➢►✓✔\uf0a7\uf0b7]|\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)]?)$/i;

/**
 * Tables of an untagged page, found by layout: rows of pieces on common baselines whose
 * cells stay inside columns (the empty vertical strips between them run through every
 * row), in a steady rhythm, of one type size. Each table stands in the reading order as
 * one piece holding its cells. Not a table: two columns of running text (every column
 * but the last full of long lines), and a column of list markers or note numbers.
 */
function findTables(pieces: Fragment[]): Fragment[] {
  const baseline: Fragment[][] = [];
  for (const piece of [...pieces].sort((a, b) => b.y - a.y || a.x0 - b.x0)) {
    const row = baseline.at(-1);
    if (row && Math.abs(row[0]!.y - piece.y) <= 0.25 * Math.max(row[0]!.size, piece.size)) row.push(piece);
    else baseline.push([piece]);
  }
  const found: Fragment[] = [];
  const taken = new Set<Fragment>();
  for (let i = 0; i + 2 < baseline.length; i++) {
    const head = baseline[i]!;
    const size = Math.max(...head.map((p) => p.size));
    if (head.length < 2 || justified(head) || !head.every((p) => sameSize(p.size, size))) continue;
    const members = [head];
    let gutters = gaps(head, 'x', size * 0.9);
    let rowStep = 0; // the largest step between two rows of several cells
    for (let k = i + 1; k < baseline.length; k++) {
      const row = baseline[k]!;
      const step = members.at(-1)![0]!.y - row[0]!.y;
      if (!row.every((p) => sameSize(p.size, size)) || step > size * 2.8 || justified(row)) break;
      if (row.length < 2 && rowStep && step > rowStep * 1.15) break;
      const next = gaps([...members.flat(), ...row], 'x', size * 0.9);
      // Every gutter goes on through the new row.
      if (!gutters.every(([a, b]) => next.some(([c, d]) => Math.min(b, d) - Math.max(a, c) >= size * 0.9))) break;
      if (row.length >= 2 && members.at(-1)!.length >= 2) rowStep = Math.max(rowStep, step);
      members.push(row);
      gutters = next;
    }
    // A last row of one piece further off than the rows' own lines is the text after the table.
    const steps = members.slice(1).map((row, k) => members[k]![0]!.y - row[0]!.y);
    const least = Math.min(...steps);
    while (members.length > 2 && members.at(-1)!.length < 2 && steps.at(-1)! > least * 1.3 && steps.at(-1)! >= rowStep) {
      members.pop();
      steps.pop();
    }
    const table = layoutTable(members, gutters, steps);
    if (!table) continue;
    const all = members.flat();
    for (const piece of all) taken.add(piece);
    const bottom = Math.min(...all.map((p) => p.bottom));
    found.push({
      runs: all.flatMap((p) => p.runs),
      x0: Math.min(...all.map((p) => p.x0)),
      x1: Math.max(...all.map((p) => p.x1)),
      y: head[0]!.y,
      bottom,
      top: Math.max(...all.map((p) => p.top)),
      size,
      cell: -1 - found.length,
      table,
    });
    i += members.length - 1;
  }
  return found.length ? [...pieces.filter((p) => !taken.has(p)), ...found] : pieces;
}

/**
 * A justified line whose words were spread far apart (a short line ending in a line break,
 * as LibreOffice justifies it): three words or more, one a piece, all gaps alike. The gaps
 * between a table's cells follow their contents.
 */
function justified(row: readonly Fragment[]): boolean {
  if (
    row.length < 3 ||
    row.some((p) =>
      /\S\s+\S/.test(
        p.runs
          .map((r) => r.text)
          .join(' ')
          .trim(),
      ),
    )
  )
    return false;
  const widths = row.slice(1).map((p, k) => p.x0 - row[k]!.x1);
  return Math.max(...widths) - Math.min(...widths) <= Math.max(0.5, Math.min(...widths) * 0.03);
}

/** Rows of a table candidate as cells, or undefined when they are no table. */
function layoutTable(members: Fragment[][], gutters: [number, number][], steps: number[]): LayoutTable | undefined {
  if (members.length < 3 || members.filter((row) => row.length >= 2).length < 2 || !gutters.length) return undefined;
  const columnOf = (piece: Fragment) => gutters.filter(([, end]) => end <= piece.x0).length;
  const columns: Fragment[][] = Array.from({ length: gutters.length + 1 }, () => []);
  for (const piece of members.flat()) columns[columnOf(piece)]!.push(piece);
  const text = (piece: Fragment) =>
    piece.runs
      .map((r) => r.text)
      .join('')
      .trim();
  if (columns[0]!.every((piece) => MARKER.test(text(piece)))) return undefined;
  // Each column's cells line up: at their left, their right or their middle (words spread apart by justified text do not).
  const size = Math.max(...members[0]!.map((p) => p.size));
  const lined = (values: number[]) => Math.max(...values) - Math.min(...values) <= size * 0.6;
  const firstLines = members.map((row) => row.map((p) => ({ p, c: columnOf(p) })));
  for (let c = 0; c < columns.length; c++) {
    // A cell's first line (later lines of a wrapped cell may be shorter).
    const cells = firstLines.flatMap((row, k) =>
      row.filter(
        ({ c: column, p }) => column === c && !(k > 0 && members[k - 1]!.some((q) => columnOf(q) === c && q.y - p.y <= size * 1.6)),
      ),
    );
    const ps = cells.map(({ p }) => p);
    if (ps.length >= 2 && !lined(ps.map((p) => p.x0)) && !lined(ps.map((p) => p.x1)) && !lined(ps.map((p) => (p.x0 + p.x1) / 2)))
      return undefined;
  }
  const least = Math.min(...steps);
  const spaced = steps.some((step) => step > least * 1.3); // rows set apart by more than the lines of a cell
  // Running text in columns: every column but the last holds long lines of about one length.
  const x0 = Math.min(...members.flat().map((p) => p.x0));
  const x1 = Math.max(...members.flat().map((p) => p.x1));
  const running = columns.slice(0, -1).every((column) => {
    const widths = column.map((p) => p.x1 - p.x0).sort((a, b) => a - b);
    const widest = widths.at(-1) ?? 0;
    return column.length >= 3 && widest >= (x1 - x0) * 0.3 && widths[Math.floor(widths.length / 2)]! >= widest * 0.75;
  });
  const headBold = members[0]!.every((p) => p.runs.every((r) => r.bold)) && !members[1]!.every((p) => p.runs.every((r) => r.bold));
  if (running && !headBold) return undefined;
  // Table rows: baseline rows, or where rows are set apart, the lines between two gaps.
  const rows: Fragment[][][] = [];
  members.forEach((row, k) => {
    const cells: Fragment[][] = columns.map(() => []);
    for (const piece of row) cells[columnOf(piece)]!.push(piece);
    const previous = rows.at(-1);
    const continues = spaced
      ? k > 0 && steps[k - 1]! <= least * 1.3
      : previous !== undefined &&
        cells[0]!.length === 0 &&
        cells.every((cell, c) => !cell.length || (previous[c]!.length > 0 && /^\p{Ll}/u.test(text(cell[0]!))));
    if (previous && continues) cells.forEach((cell, c) => previous[c]!.push(...cell));
    else rows.push(cells);
  });
  return { rows };
}
