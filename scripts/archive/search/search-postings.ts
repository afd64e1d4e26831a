/**
 * The postings of the search index as MiniSearch serializes them (term → field id →
 * document short id → term frequency): what one document adds, exactly as MiniSearch's
 * `add` counts it (with the tokenizer and term processing of search-terms.ts), and the last index's postings renumbered and merged with new ones, in
 * term order. See search-index.ts.
 */
import { processTerm, tokenize } from './search-terms.js';

/** Field id → document short id → term frequency. */
export type Postings = Record<number, Record<number, number>>;

/** What MiniSearch's `add` records of a document: each field's length in unique tokens, and each term's frequency by field. */
export function tokenizeDocument<F extends string>(
  fields: readonly F[],
  doc: Readonly<Record<F, unknown>>,
  id: number,
  into: Map<string, Postings>,
): number[] {
  const lengths: number[] = [];
  fields.forEach((field, fieldId) => {
    // Each distinct token once: its count, then its terms (MiniSearch adds one per occurrence).
    const counts = new Map<string, number>();
    for (const token of tokenize(String(doc[field]))) counts.set(token, (counts.get(token) ?? 0) + 1);
    lengths[fieldId] = counts.size;
    const terms = new Map<string, number>();
    const add = (term: string, count: number) => terms.set(term, (terms.get(term) ?? 0) + count);
    for (const [token, count] of counts) {
      const processed = processTerm(token);
      if (Array.isArray(processed)) for (const term of processed) add(term, count);
      else if (processed) add(processed, count);
    }
    for (const [term, count] of terms) {
      let postings = into.get(term);
      if (!postings) into.set(term, (postings = {}));
      (postings[fieldId] ??= {})[id] = count;
    }
  });
  return lengths;
}

function isEmpty(object: object): boolean {
  for (const _ in object) return false;
  return true;
}

/**
 * The old postings renumbered (`renumber[old]` is the new short id, or -1 for a document
 * that is gone or indexed again), with `added` merged in; sorted by term.
 */
export function mergePostings(
  old: [string, Postings][],
  renumber: Int32Array,
  added: Map<string, Postings>,
  fieldCount: number,
): [string, Postings][] {
  // Most rebuilds move no brief and change a few: then only those are dropped, in place.
  const stale = [...renumber.keys()].filter((from) => renumber[from] === -1);
  const identity = stale.length <= 16 && renumber.every((to, from) => to === from || to === -1);
  const kept: [string, Postings][] = [];
  for (const entry of old) {
    const [term, byField] = entry;
    let out: Postings | undefined = byField;
    if (identity) {
      let removed = false;
      for (let fieldId = 0; fieldId < fieldCount; fieldId++) {
        const docs = byField[fieldId];
        if (docs === undefined) continue;
        for (const id of stale) {
          if (docs[id] === undefined) continue;
          delete docs[id];
          removed = true;
          if (isEmpty(docs)) delete byField[fieldId];
        }
      }
      if (removed && isEmpty(byField)) out = undefined;
    } else {
      out = undefined;
      for (const fieldId in byField) {
        const docs = byField[fieldId]!;
        let next: Record<number, number> | undefined;
        for (const id in docs) {
          const to = renumber[id as unknown as number]!;
          if (to !== -1) (next ??= {})[to] = docs[id]!;
        }
        if (next) (out ??= {})[fieldId] = next;
      }
    }
    const more = added.get(term);
    if (more) {
      added.delete(term);
      out ??= {};
      for (const fieldId in more) Object.assign((out[fieldId] ??= {}), more[fieldId]);
    }
    if (out) kept.push(out === byField ? entry : [term, out]);
  }
  if (added.size === 0) return kept;
  const newTerms = [...added].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // Both lists are sorted: merge them.
  const merged: [string, Postings][] = [];
  let i = 0;
  for (const entry of newTerms) {
    while (i < kept.length && kept[i]![0] < entry[0]) merged.push(kept[i++]!);
    merged.push(entry);
  }
  while (i < kept.length) merged.push(kept[i++]!);
  return merged;
}
