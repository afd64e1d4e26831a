/**
 * A table as a GFM table: rows (TR) of cells (TD, TH) left to right in a tagged PDF, or
 * the rows and columns the layout showed; the first row is the header, and each column is
 * aligned as its cells line up. Bold and italic text in the cells stays so, except the type
 * all of the header row is set in (a header row is often bold throughout): that is its style.
 */
import { toInline } from '../text/inline.js';
import type { PdfLine } from './layout-lines.js';
import { withoutUniformType } from './uniform-type.js';

/** `textOf` gives a cell's lines as inline text. */
export function tableMarkdown(lines: readonly PdfLine[], textOf: (lines: PdfLine[]) => string): string {
  const rows = new Map<number, Map<number, { column?: number; lines: PdfLine[] }>>();
  for (const line of lines) {
    let row: number;
    let cell: number;
    if (line.table) [row, cell] = [line.table.row, line.table.column];
    else {
      const roles = line.roles!;
      row = line.elements![roles.lastIndexOf('TR')] ?? -1;
      const cellAt = Math.max(roles.lastIndexOf('TD'), roles.lastIndexOf('TH'));
      cell = cellAt >= 0 ? line.elements![cellAt]! : line.element!;
    }
    if (!rows.has(row)) rows.set(row, new Map());
    const cells = rows.get(row)!;
    if (!cells.has(cell)) cells.set(cell, line.table ? { column: line.table.column, lines: [] } : { lines: [] });
    cells.get(cell)!.lines.push(line);
  }
  const header = [...rows.values()][0];
  if (header) withoutHeaderType(header);
  const render = (lines: PdfLine[]) => toInline(textOf(lines.sort((a, b) => b.y - a.y || a.x0 - b.x0))).replace(/\|/g, '\\|');
  /** Column → the left and right ends of the first line of its cells below the header. */
  const ends = new Map<number, [number, number][]>();
  const table = [...rows.values()].map((cells, r) => {
    const out: string[] = [];
    const ordered = [...cells.values()].sort((a, b) => a.lines[0]!.x0 - b.lines[0]!.x0);
    // Cells found by layout keep their column, with empty cells between them.
    for (const cell of ordered) {
      const column = cell.column ?? out.length;
      out[column] = render(cell.lines);
      const first = cell.lines.reduce((a, b) => (b.y > a.y ? b : a));
      if (r > 0) ends.set(column, [...(ends.get(column) ?? []), [first.x0, first.x1]]);
    }
    return Array.from(out, (cell) => cell ?? '');
  });
  const width = Math.max(...table.map((r) => r.length));
  // A column's alignment, as its cells line up: at the left (the usual), the right or the middle.
  const lined = (values: number[]) => values.length >= 2 && Math.max(...values) - Math.min(...values) <= 1.5;
  const align = Array.from({ length: width }, (_, k) => {
    const at = ends.get(k) ?? [];
    if (!at.length || lined(at.map(([a]) => a))) return '---';
    if (lined(at.map(([, b]) => b))) return '--:';
    return lined(at.map(([a, b]) => (a + b) / 2)) ? ':-:' : '---';
  });
  const row = (cells: string[]) => `| ${Array.from({ length: width }, (_, k) => cells[k] ?? '').join(' | ')} |`;
  return [row(table[0]!), row(align), ...table.slice(1).map(row)].join('\n');
}

/** The header row's cells without the bold or italic type that all its text has. */
function withoutHeaderType(cells: Map<number, { lines: PdfLine[] }>): void {
  const all = [...cells.values()].flatMap((cell) => cell.lines);
  const stripped = withoutUniformType(all);
  const plain = new Map(all.map((line, n) => [line, stripped[n]!] as const));
  for (const cell of cells.values()) cell.lines = cell.lines.map((line) => plain.get(line)!);
}
