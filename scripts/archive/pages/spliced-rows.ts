/**
 * Files written a row per brief (`assets/filter-data.js`, the brief pages' part of
 * `sitemap.xml`), made again by an edit without making every brief's row: the rows of the
 * briefs it did not change are copied from the file the last build wrote, in runs of bytes.
 *
 * The last file is used only when it is the one written with the last build's keys (its
 * bytes hash to the key the archive's page keys hold for it) for the briefs of the last
 * build in the same order, with the same code, templates and configuration (write-archive.ts
 * decides): a row of a brief whose record did not change is then the same bytes.
 */

/** A file of the last build, and the spans (start, end: bytes) of its rows, in order. */
export interface LastRows {
  bytes: Buffer;
  spans: [number, number][];
}

/** How this build's briefs stand to the last build's: the row a brief's can be copied from, if any, and how many rows the last file had. */
export interface RowsBefore {
  rowOf: (key: string) => number | undefined;
  /** Rows the last file must have, when known. */
  count?: number | undefined;
}

/** The spans of `bytes` between `from` and `to` split at `\n`, each without `trim` at its end (the separator before the next). */
export function rowSpans(bytes: Buffer, from: number, to: number, trim = ''): [number, number][] {
  const spans: [number, number][] = [];
  const cut = Buffer.from(trim);
  for (let start = from; start < to;) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0 || end > to) end = to;
    let content = end;
    if (cut.length > 0 && content - start >= cut.length && bytes.subarray(content - cut.length, content).equals(cut)) content -= cut.length;
    spans.push([start, content]);
    start = end + 1;
  }
  return spans;
}

/**
 * The rows of `keys` (a brief's slug, a page's path) joined by `separator`, as pieces: a row copied from `last` when
 * `rowOf` names one (consecutive rows of the last file as one piece, the separator between
 * them included, which the last file must have used too), else made by `make`.
 */
export function splicedRows(
  keys: readonly string[],
  make: (i: number) => string,
  separator: string,
  before?: { rows: LastRows; rowsBefore: RowsBefore },
): Buffer[] {
  // A file with other rows than the briefs it was written for is not copied from.
  const last =
    before && (before.rowsBefore.count === undefined || before.rows.spans.length === before.rowsBefore.count)
      ? { rows: before.rows, rowOf: before.rowsBefore.rowOf }
      : undefined;
  const pieces: Buffer[] = [];
  const sep = Buffer.from(separator);
  let run: [number, number] | undefined;
  let runEnd = -1;
  const flush = () => {
    if (run) pieces.push(last!.rows.bytes.subarray(run[0], run[1]));
    run = undefined;
  };
  keys.forEach((key, i) => {
    const j = last?.rowOf(key);
    const span = j === undefined ? undefined : last!.rows.spans[j];
    if (span && run && j === runEnd + 1) {
      run[1] = span[1];
      runEnd = j!;
      return;
    }
    flush();
    if (i > 0) pieces.push(sep);
    if (span) {
      run = [span[0], span[1]];
      runEnd = j!;
    } else pieces.push(Buffer.from(make(i)));
  });
  flush();
  return pieces;
}
