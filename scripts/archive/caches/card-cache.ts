/**
 * Rendered cards kept between builds, so a list page that must be rendered again (a year's
 * or a topic's page lists hundreds of briefs) takes the cards of unchanged briefs as they
 * were instead of rendering them all again. A card's HTML depends on the card's data (its
 * key), where it is rendered (folder and heading level), and the templates, configuration
 * and code (the salt); a cache made with another salt is ignored.
 *
 * Kept in `archive-cards/` of the build cache folder, a folder per place a card is rendered
 * and in it a small file per bucket of keys (the key's first two hex digits): a brief's page
 * shows a handful of cards, and reads the few buckets that hold them rather than every card
 * of the folder (14 MB at 10,000 briefs); a bucket is rewritten only when a card was added to
 * it or dropped from it, and then keeps the cards of the current briefs only.
 *
 * A bucket is a line of its salt and place, then a line per card, `key<TAB>"HTML as a JSON
 * string"`: reading one finds where each card is, and a card's HTML is parsed only when a page
 * shows it (a topic's page may list a tenth of the archive; the rest of each bucket it reads
 * stays text, and is copied as it is when the bucket is rewritten). A bucket that cannot be
 * read (missing, damaged, another salt or layout) is an empty one; a card whose line is
 * damaged or cut short is rendered again.
 */
import { hash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const CARD_CACHE_DIR = 'archive-cards';
const LAYOUT = 2;

export interface CardCache {
  get(where: string, key: string): string | undefined;
  set(where: string, key: string, html: string): void;
  /** The files to write (path relative to the cache folder, text), keeping the cards of `keys` only. */
  toSave(keys: Set<string>): { path: string; text: string }[];
  /** Files of an older layout to remove (a place's cards in one file). */
  toRemove(): string[];
}

const placeOf = (where: string) => hash('sha256', where).slice(0, 16);
/** Keys are hashes in hex: their first two digits spread them evenly. */
const bucketOf = (key: string) => (/^[0-9a-f]{2}/.test(key) ? key.slice(0, 2) : hash('sha256', key).slice(0, 2));
const fileOf = (where: string, bucket: string) => `${CARD_CACHE_DIR}/${placeOf(where)}/${bucket}.json`;

/** A bucket's cards: the HTML of those parsed or set, the line (its JSON string) of the others. */
interface Bucket {
  where: string;
  bucket: string;
  html: Map<string, string>;
  lines: Map<string, string>;
  changed: boolean;
}

/** The cards of a bucket's text, as lines not parsed yet; undefined when it is not a bucket of this salt and place. */
function linesOf(text: string, salt: string, where: string): Map<string, string> | undefined {
  const first = text.indexOf('\n');
  if (first < 0) return undefined;
  try {
    const head = JSON.parse(text.slice(0, first)) as { layout?: unknown; salt?: unknown; where?: unknown } | null;
    if (head?.layout !== LAYOUT || head.salt !== salt || head.where !== where) return undefined;
  } catch {
    return undefined;
  }
  const lines = new Map<string, string>();
  // A line without its end was cut short: it and nothing after it is read.
  for (let start = first + 1, end = text.indexOf('\n', start); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
    const tab = text.indexOf('\t', start);
    if (tab > start && tab < end) lines.set(text.slice(start, tab), text.slice(tab + 1, end));
  }
  return lines;
}

/** `fresh`: start with an empty cache, whatever is on disk (and write it anew). */
export function openCardCache(cacheDir: string, salt: string, fresh = false): CardCache {
  const buckets = new Map<string, Bucket>();
  const places = new Set<string>();
  const bucket = (where: string, key: string) => {
    const name = bucketOf(key);
    const id = `${where}\0${name}`;
    let known = buckets.get(id);
    if (!known) {
      places.add(where);
      let text: string | undefined;
      try {
        text = fresh ? undefined : readFileSync(path.join(cacheDir, fileOf(where, name)), 'utf8');
      } catch {
        text = undefined;
      }
      const lines = text === undefined ? undefined : linesOf(text, salt, where);
      buckets.set(id, (known = { where, bucket: name, html: new Map(), lines: lines ?? new Map(), changed: !lines }));
    }
    return known;
  };
  return {
    get(where, key) {
      const known = bucket(where, key);
      const html = known.html.get(key);
      if (html !== undefined) return html;
      const line = known.lines.get(key);
      if (line === undefined) return undefined;
      known.lines.delete(key);
      try {
        const parsed = JSON.parse(line) as unknown;
        if (typeof parsed !== 'string') throw new Error('not a card');
        known.html.set(key, parsed);
        return parsed;
      } catch {
        known.changed = true; // damaged: rendered again, and the bucket written without it
        return undefined;
      }
    },
    set(where, key, html) {
      const known = bucket(where, key);
      known.lines.delete(key);
      known.html.set(key, html);
      known.changed = true;
    },
    toSave(keys) {
      const out: { path: string; text: string }[] = [];
      for (const { where, bucket: name, html, lines, changed } of buckets.values()) {
        const all = [...html.keys(), ...lines.keys()];
        const kept = all.filter((key) => keys.has(key)).sort();
        if (!changed && kept.length === all.length) continue;
        const body = kept.map((key) => `${key}\t${lines.get(key) ?? JSON.stringify(html.get(key))}\n`).join('');
        out.push({ path: fileOf(where, name), text: `${JSON.stringify({ layout: LAYOUT, salt, where })}\n${body}` });
      }
      return out.sort((a, b) => (a.path < b.path ? -1 : 1));
    },
    toRemove: () =>
      [...places].map((where) => `${CARD_CACHE_DIR}/${placeOf(where)}.json`).filter((file) => existsSync(`${cacheDir}/${file}`)),
  };
}
