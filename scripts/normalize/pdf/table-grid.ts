/** The rows and cells of a table draft: by a tagged table's TR and TD/TH elements, or by the rows and columns the layout found. */
import type { Draft } from './drafts.js';
import type { PdfLine } from './layout-lines.js';
import { squash } from './line-text.js';

/** A table's row: the layout's row number, or the TR element of a tagged table. */
export const rowOf = (line: PdfLine) => (line.table ? line.table.row : (line.elements?.[line.roles!.lastIndexOf('TR')] ?? -1));
/** A cell: the layout's column, or the TD/TH element of a tagged table. */
export const cellOf = (line: PdfLine) => {
  if (line.table) return line.table.column;
  const at = Math.max(line.roles!.lastIndexOf('TD'), line.roles!.lastIndexOf('TH'));
  return at >= 0 ? line.elements![at]! : line.element!;
};

/** The rows of a table draft, in order, each its lines. */
export function rows(draft: Draft): PdfLine[][] {
  const found = new Map<number, PdfLine[]>();
  for (const line of draft.lines) found.set(rowOf(line), [...(found.get(rowOf(line)) ?? []), line]);
  return [...found.values()];
}

/** A row's cells, left to right, each its lines. */
export function cells(row: readonly PdfLine[]): PdfLine[][] {
  const found = new Map<number, PdfLine[]>();
  for (const line of row) found.set(cellOf(line), [...(found.get(cellOf(line)) ?? []), line]);
  return [...found.values()].sort((a, b) => a[0]!.x0 - b[0]!.x0);
}

/** A row's text, cell by cell, for comparing two rows. */
export const rowText = (row: readonly PdfLine[]): string =>
  cells(row)
    .map((lines) => squash(lines.map((l) => l.text).join(' ')))
    .join('|');
