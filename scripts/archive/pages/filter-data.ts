/**
 * `assets/filter-data.js`: every brief as the home page's filters need it (kind, topics,
 * year, authors) and as a result card shows it (title, date, links, PDF size), so that the
 * filters choose among all briefs, not only the newest the page lists. Loaded as a script
 * (sets `window.briefpressFilters`), only when a reader first filters: it works from
 * `file://`, and the page stays small for any number of briefs. Names are listed once and
 * referred to by index; paths are relative to the output folder.
 *
 * Written a brief per line (the value is the same as one JSON text), so that an edit copies
 * the lines of the briefs it did not change from the last file (spliced-rows.ts).
 */
import type { SiteModel } from '../model/site-model.js';
import { fileSize, kindLabel, pageCount } from '../../render/template-filters.js';
import { type LastRows, rowSpans, type RowsBefore, splicedRows } from './spliced-rows.js';

export const FILTER_DATA = 'assets/filter-data.js';

const escape = (json: string) => json.replace(/</g, '\\u003c');
const END = ']};\n';

/** The first line: everything but the briefs. */
function headLine(model: SiteModel, language: string): string {
  const kinds = model.kinds.map((k) => k.kind);
  const head = {
    language,
    kinds: Object.fromEntries(kinds.map((k) => [k, kindLabel(k)])),
    tags: model.tags.map((t) => t.slug),
    authors: model.authors.map((a) => [a.slug, a.name]),
  };
  return `window.briefpressFilters = ${escape(JSON.stringify(head)).slice(0, -1)},"briefs":[`;
}

/** The rows of the last file, when it begins with the same first line (the same names at the same indexes). */
function lastRowsOf(bytes: Buffer, head: string): LastRows | undefined {
  const first = Buffer.from(`${head}\n`);
  if (bytes.length < first.length + END.length || !bytes.subarray(0, first.length).equals(first)) return undefined;
  if (!bytes.subarray(bytes.length - END.length).equals(Buffer.from(END))) return undefined;
  return { bytes, spans: rowSpans(bytes, first.length, bytes.length - END.length - 1, ',') };
}

/**
 * The script's bytes: one value, `<` escaped so no text can end the script. `last`: the file
 * the last build wrote and the row of it each unchanged brief's line can be copied from.
 */
export function filterDataScript(model: SiteModel, language: string, last?: { bytes: Buffer; rowsBefore: RowsBefore }): Buffer {
  const head = headLine(model, language);
  const tagIndex = new Map(model.tags.map((t, i) => [t.slug, i]));
  const authorIndex = new Map(model.authors.map((a, i) => [a.slug, i]));
  // [title, html, pdf, date, kind, tag indexes, author indexes, "2 pages · 120 KB"]
  const row = (i: number) => {
    const b = model.briefs[i]!;
    return escape(
      JSON.stringify([
        b.title,
        b.html,
        b.pdf,
        b.date ?? '',
        b.kind,
        [...new Set(b.tags.map((name) => tagIndex.get(model.tagSlug.get(name) ?? '') ?? -1))].filter((i) => i >= 0),
        [...new Set(b.authors.map((a) => authorIndex.get(model.authorSlug.get(a.name) ?? '') ?? -1))].filter((i) => i >= 0),
        `${pageCount(b.pages)} · ${fileSize(b.pdf_bytes)}`,
      ]),
    );
  };
  const rows = last ? lastRowsOf(last.bytes, head) : undefined;
  const slugs = model.briefs.map((b) => b.slug);
  const body = splicedRows(slugs, row, ',\n', rows && last ? { rows, rowsBefore: last.rowsBefore } : undefined);
  return Buffer.concat([Buffer.from(`${head}\n`), ...body, Buffer.from(slugs.length > 0 ? `\n${END}` : END)]);
}
