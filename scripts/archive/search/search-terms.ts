/**
 * How the search index splits text into terms, and how a query's words become terms:
 * accents folded (`Núñez` is found by `nunez`, `Zoë` by `zoe`), and a hyphenated word
 * indexed whole and in its parts (`Wi-Fi` gives `wi`, `fi` and `wifi`, so `wifi`, `wi-fi`
 * and `fi` all find it). The browser's copy is in `templates/site/js/search.js`; the
 * archive's browser tests search with it.
 */

/** Spaces and punctuation but dashes: a word's hyphens stay in its token, for `processTerm`. */
const SEPARATORS = /[\n\r\p{Z}\p{Pc}\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Po}]+/u;
const DASHES = /\p{Pd}+/u;
const MARKS = /\p{M}+/gu;

/** Lower case without accents: what a term is compared as. */
export function foldTerm(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase();
}

export function tokenize(text: string): string[] {
  return text.split(SEPARATORS).filter(Boolean);
}

/** A document's token as the terms it is indexed under: folded; a hyphenated word whole and in its parts. */
export function processTerm(token: string): string | string[] | null {
  const parts = foldTerm(token).split(DASHES).filter(Boolean);
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : [...parts, parts.join('')];
}
