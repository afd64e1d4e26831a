/**
 * `assets/filter-data.js`: every brief as the home page's filters need it (kind, topics,
 * year, authors) and as a result card shows it (title, date, links, PDF size), so that the
 * filters choose among all briefs, not only the newest the page lists. Loaded as a script
 * (sets `window.briefpressFilters`), only when a reader first filters: it works from
 * `file://`, and the page stays small for any number of briefs. Names are listed once and
 * referred to by index; paths are relative to the output folder.
 */
import type { SiteModel } from '../model/site-model.js';
import { fileSize, kindLabel, pageCount } from '../../render/template-filters.js';

export const FILTER_DATA = 'assets/filter-data.js';

/** The script's text: one JSON value, `<` escaped so no text can end the script. */
export function filterDataScript(model: SiteModel, language: string): string {
  const tagIndex = new Map(model.tags.map((t, i) => [t.slug, i]));
  const authorIndex = new Map(model.authors.map((a, i) => [a.slug, i]));
  const kinds = model.kinds.map((k) => k.kind);
  const data = {
    language,
    kinds: Object.fromEntries(kinds.map((k) => [k, kindLabel(k)])),
    tags: model.tags.map((t) => t.slug),
    authors: model.authors.map((a) => [a.slug, a.name]),
    // [title, html, pdf, date, kind, tag indexes, author indexes, "2 pages · 120 KB"]
    briefs: model.briefs.map((b) => [
      b.title,
      b.html,
      b.pdf,
      b.date ?? '',
      b.kind,
      [...new Set(b.tags.map((name) => tagIndex.get(model.tagSlug.get(name) ?? '') ?? -1))].filter((i) => i >= 0),
      [...new Set(b.authors.map((a) => authorIndex.get(model.authorSlug.get(a.name) ?? '') ?? -1))].filter((i) => i >= 0),
      `${pageCount(b.pages)} · ${fileSize(b.pdf_bytes)}`,
    ]),
  };
  return `window.briefpressFilters = ${JSON.stringify(data).replace(/</g, '\\u003c')};\n`;
}
