/**
 * The last build's search index updated as text, for the rebuild after edits that move no
 * brief (each changed document keeps its short id): the documents' entries in
 * `fieldLength` and `storedFields` are replaced, and of the term list only the entries
 * naming a changed document or one of its terms are parsed and written again; the rest of
 * the text is copied as it is. This gives the bytes that parsing the whole index, updating
 * it and serializing it again gives (JSON.stringify is compositional and the index is kept
 * in canonical order), at a fraction of the cost. Anything unexpected in the text, and it
 * declines: the caller then takes the long way.
 */
import type { Postings } from './search-postings.js';

export interface Splice {
  /** Short ids of the documents indexed again. */
  stale: number[];
  /** Their postings, term → field id → short id → frequency. */
  added: Map<string, Postings>;
  /** Their field lengths and stored fields, by short id. */
  fieldLength: Record<number, number[]>;
  storedFields: Record<number, Record<string, string>>;
  fieldCount: number;
  documentCount: number;
}

/** `<` and the line separators escaped, as in the whole script (see search-index.ts). */
export function escapeScript(json: string): string {
  let out = json;
  if (out.includes('<')) out = out.replace(/</g, '\\u003c');
  if (out.includes('\u2028') || out.includes('\u2029')) out = out.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return out;
}

const FIELD_LENGTH = '"fieldLength":';
const AVERAGE = ',"averageFieldLength":';
const STORED = ',"storedFields":';
const INDEX = ',"dirtCount":0,"index":[';
const END = '],"serializationVersion":2}}';

/** The payload `{"options":…,"index":{…}}` of the script with `change` made; undefined when the text is not as expected. */
export function splicePayload(payload: string, change: Splice): string | undefined {
  const at = (text: string, from: number) => payload.indexOf(text, from);
  const fl = at(FIELD_LENGTH, 0);
  const avg = at(AVERAGE, fl);
  const stored = at(STORED, avg);
  const index = at(INDEX, stored);
  const end = payload.lastIndexOf(END);
  if (fl < 0 || avg < 0 || stored < 0 || index < 0 || end < index || end + END.length !== payload.length) return undefined;
  let lengths: Record<number, number[]>;
  let fields: Record<number, Record<string, string>>;
  try {
    lengths = JSON.parse(payload.slice(fl + FIELD_LENGTH.length, avg)) as Record<number, number[]>;
    fields = JSON.parse(payload.slice(stored + STORED.length, index)) as Record<number, Record<string, string>>;
  } catch {
    return undefined;
  }
  Object.assign(lengths, change.fieldLength);
  Object.assign(fields, change.storedFields);
  const totals = new Array<number>(change.fieldCount).fill(0);
  for (let i = 0; i < change.documentCount; i++) {
    const row = lengths[i];
    if (!row) return undefined;
    for (let f = 0; f < change.fieldCount; f++) totals[f]! += row[f] ?? 0;
  }
  const averages = change.documentCount ? totals.map((t) => t / change.documentCount) : [];
  const terms = spliceTerms(payload.slice(index + INDEX.length, end), change);
  if (terms === undefined) return undefined;
  return (
    payload.slice(0, fl + FIELD_LENGTH.length) +
    escapeScript(JSON.stringify(lengths)) +
    AVERAGE +
    JSON.stringify(averages) +
    STORED +
    escapeScript(JSON.stringify(fields)) +
    INDEX +
    terms +
    END
  );
}

/** The term list (`["term",{…}],…` without the outer brackets) with the change made. */
function spliceTerms(list: string, change: Splice): string | undefined {
  // Where each entry starts: entries hold no brackets inside (terms have no punctuation), so `],[` only separates them.
  const starts: number[] = list.length ? [0] : [];
  for (let i = list.indexOf('],[', 0); i >= 0; i = list.indexOf('],[', i + 3)) starts.push(i + 2);
  const entryAt = (k: number) => list.slice(starts[k], k + 1 < starts.length ? starts[k + 1]! - 1 : list.length);
  const entryOf = (position: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= position) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const termAt = (k: number): string => JSON.parse(list.slice(starts[k]! + 1, list.indexOf('",{', starts[k]) + 1)) as string;

  // Entries to write again: those naming a stale document (checked when parsed), and those of the new terms.
  const touched = new Set<number>();
  for (const id of change.stale) {
    const needle = `"${id}":`;
    for (let i = list.indexOf(needle); i >= 0; i = list.indexOf(needle, i + needle.length)) touched.add(entryOf(i));
  }
  const inserted = new Map<number, [string, Postings][]>(); // before entry k (k = starts.length: at the end)
  for (const [term, postings] of change.added) {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (termAt(mid) < term) lo = mid + 1;
      else hi = mid;
    }
    if (lo < starts.length && termAt(lo) === term) touched.add(lo);
    else inserted.set(lo, [...(inserted.get(lo) ?? []), [term, postings]]);
  }

  const pieces: string[] = [];
  let copiedTo = 0; // entries before this one are in `pieces` (as one slice when untouched)
  const flush = (k: number) => {
    if (k > copiedTo) pieces.push(list.slice(starts[copiedTo], k < starts.length ? starts[k]! - 1 : list.length));
    copiedTo = k;
  };
  const stale = new Set(change.stale);
  const order = [...new Set([...touched, ...inserted.keys()])].sort((a, b) => a - b);
  for (const k of order) {
    flush(k);
    for (const [term, postings] of (inserted.get(k) ?? []).sort(([a], [b]) => (a < b ? -1 : 1)))
      pieces.push(escapeScript(JSON.stringify([term, postings])));
    if (!touched.has(k)) continue;
    const text = entryAt(k);
    const edited = editEntry(text, termAt(k), change, stale) ?? parsedEdit(text, change, stale);
    if (edited === undefined) return undefined;
    if (edited) pieces.push(edited);
    copiedTo = k + 1;
  }
  flush(starts.length);
  return pieces.join(',');
}

/** The postings of an entry as the index writes them: field objects of `"id":frequency` pairs, ids ascending. */
const POSTINGS = /^\{"\d+":\{"\d+":\d+(?:,"\d+":\d+)*\}(?:,"\d+":\{"\d+":\d+(?:,"\d+":\d+)*\})*\}$/;
const FIELD = /"(\d+)":\{([^}]*)\}/g;

/**
 * An entry with the stale documents' pairs taken out and the new ones put in, edited as
 * text (a common term's entry lists a thousand documents: no need to parse them all); ''
 * when nothing is left of it, undefined when its text is not as expected.
 */
function editEntry(text: string, term: string, change: Splice, stale: Set<number>): string | undefined {
  const postingsAt = text.indexOf('",{') + 2;
  const postings = text.slice(postingsAt, -1);
  if (!text.endsWith(']') || !POSTINGS.test(postings)) return undefined;
  const byField = new Map<number, string>();
  for (const [, id, pairs] of postings.matchAll(FIELD)) byField.set(Number(id), pairs!);
  if ([...byField.keys()].some((f) => f >= change.fieldCount)) return undefined;
  const more = change.added.get(term);
  const fields: string[] = [];
  for (let f = 0; f < change.fieldCount; f++) {
    let pairs = byField.get(f) ?? '';
    // Where the stale document's pair was, when there is one such document (with more, the places shift).
    const at = new Map<number, number>();
    for (const id of stale) {
      const removed = removePair(pairs, id);
      pairs = removed.pairs;
      if (removed.at >= 0 && stale.size === 1) at.set(id, removed.at);
    }
    // New pairs in id order; one that replaces a removed pair goes where that pair was.
    const add = Object.entries(more?.[f] ?? {})
      .map(([id, frequency]) => [Number(id), frequency] as const)
      .sort(([a], [b]) => b - a);
    for (const [id, frequency] of add) pairs = insertPair(pairs, id, frequency, at.get(id));
    if (pairs) fields.push(`"${f}":{${pairs}}`);
  }
  return fields.length ? `${text.slice(0, postingsAt)}{${fields.join(',')}}]` : '';
}

/** `pairs` (`"id":n,…`) without the pair of `id`, and where it was (-1: it was not there). */
function removePair(pairs: string, id: number): { pairs: string; at: number } {
  const needle = `"${id}":`;
  const found = pairs.startsWith(needle) ? 0 : pairs.indexOf(`,${needle}`);
  if (found < 0) return { pairs, at: -1 };
  const start = found === 0 ? 0 : found + 1;
  const next = pairs.indexOf(',', start);
  if (next < 0) return { pairs: pairs.slice(0, Math.max(0, found)), at: Math.max(0, found) };
  return { pairs: pairs.slice(0, start) + pairs.slice(next + 1), at: start };
}

/** `pairs` with `"id":n` in id order: at `at` when known (where a removed pair of the same id was), else found. */
function insertPair(pairs: string, id: number, frequency: number, at?: number): string {
  const pair = `"${id}":${frequency}`;
  if (!pairs) return pair;
  let position = at;
  if (position === undefined) {
    // Hop from pair to pair to the first larger id (only for a term new to this document).
    position = pairs.length;
    for (let i = 0; i < pairs.length;) {
      if (Number(pairs.slice(i + 1, pairs.indexOf('"', i + 1))) > id) {
        position = i;
        break;
      }
      const comma = pairs.indexOf(',', i);
      i = comma < 0 ? pairs.length : comma + 1;
    }
  }
  if (position >= pairs.length) return `${pairs},${pair}`;
  return `${pairs.slice(0, position)}${pair},${pairs.slice(position)}`;
}

/** The same edit by parsing the entry: for text `editEntry` does not recognize. */
function parsedEdit(text: string, change: Splice, stale: Set<number>): string | undefined {
  let entry: [string, Postings];
  try {
    entry = JSON.parse(text) as [string, Postings];
  } catch {
    return undefined;
  }
  const [term, byField] = entry;
  const more = change.added.get(term);
  for (let f = 0; f < change.fieldCount; f++) {
    const docs = byField[f];
    if (docs) for (const id of stale) delete docs[id];
    if (more?.[f]) byField[f] = Object.assign(docs ?? {}, more[f]);
    if (byField[f] && Object.keys(byField[f]!).length === 0) delete byField[f];
  }
  return Object.keys(byField).length > 0 ? escapeScript(JSON.stringify([term, byField])) : '';
}
