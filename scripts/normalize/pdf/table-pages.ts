/**
 * A table a page break cuts in two is one table: two table drafts one right after the
 * other, the first ending on the page before the one the second starts on, are joined
 * when the second repeats the first's header row (the repeated header goes), or when its
 * columns go on where the first's stand and it opens with no header of its own.
 */
import type { Draft } from './drafts.js';
import type { PdfLine } from './layout-lines.js';
import { cells, rows, rowText } from './table-grid.js';

export function joinTablesAcrossPages(drafts: readonly Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const draft of drafts) {
    const previous = out.at(-1);
    const joined = previous?.kind === 'table' && draft.kind === 'table' ? joinAcrossPage(previous, draft) : undefined;
    if (joined) out[out.length - 1] = joined;
    else out.push(draft);
  }
  return out;
}

/** Each column's left and right ends over a table's rows: its cells' leftmost start and rightmost end. */
function columns(table: readonly PdfLine[][]): [number, number][] {
  const spans: [number, number][] = [];
  for (const row of table)
    cells(row).forEach((lines, n) => {
      const k = lines[0]!.table?.column ?? n;
      const [x0, x1] = [Math.min(...lines.map((l) => l.x0)), Math.max(...lines.map((l) => l.x1))];
      spans[k] = spans[k] ? [Math.min(spans[k][0], x0), Math.max(spans[k][1], x1)] : [x0, x1];
    });
  return spans;
}

/** A header row: a tagged table's TH cells, or (by layout) all in bold type. */
const headerLike = (row: readonly PdfLine[]) => row.every((line) => (line.table ? line.bold : line.roles!.includes('TH')));

function joinAcrossPage(first: Draft, second: Draft): Draft | undefined {
  const [end, start] = [first.lines.at(-1)!, second.lines[0]!];
  if (start.page !== end.page + 1) return undefined;
  const [above, below] = [rows(first), rows(second)];
  const repeated = above.length >= 2 && below.length >= 2 && rowText(below[0]!) === rowText(above[0]!);
  if (!repeated) {
    // No header of its own: its columns stand where the first's do, and the same number of them.
    const size = Math.max(...first.lines.map((l) => l.size));
    const [a, b] = [columns(above.slice(1)), columns(below)];
    const lined = a.length === b.length && a.every(([x0, x1], k) => Math.abs(x0 - b[k]![0]) <= size || Math.abs(x1 - b[k]![1]) <= size);
    if (!lined || (headerLike(below[0]!) && !headerLike(above[1] ?? above[0]!))) return undefined;
  }
  const kept = repeated ? below.slice(1) : below;
  // A layout table's rows go on numbering after the first part's.
  const offset = Math.max(...first.lines.map((l) => l.table?.row ?? 0)) + 1;
  const lines = kept
    .flat()
    .map((line) =>
      line.table && first.lines[0]!.table
        ? { ...line, table: { id: first.lines[0]!.table.id, row: line.table.row + offset, column: line.table.column } }
        : line,
    );
  const keptSet = new Set(kept.flat());
  return {
    ...first,
    lines: [...first.lines, ...lines],
    indexes: [...first.indexes, ...second.indexes.filter((_, k) => keptSet.has(second.lines[k]!))],
  };
}
