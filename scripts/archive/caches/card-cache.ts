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
 * it or dropped from it, and then keeps the cards of the current briefs only. A bucket that
 * cannot be read (missing, damaged, another salt) is an empty one.
 */
import { hash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readCache } from './read-cache.js';

const CARD_CACHE_DIR = 'archive-cards';

interface Stored {
  salt: string;
  where: string;
  /** Card key → HTML. */
  cards: Record<string, string>;
}

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

/** `fresh`: start with an empty cache, whatever is on disk (and write it anew). */
export function openCardCache(cacheDir: string, salt: string, fresh = false): CardCache {
  const buckets = new Map<string, { where: string; bucket: string; stored: Stored; changed: boolean }>();
  const places = new Set<string>();
  const bucket = (where: string, key: string) => {
    const name = bucketOf(key);
    const id = `${where}\0${name}`;
    let known = buckets.get(id);
    if (!known) {
      places.add(where);
      const read = fresh ? undefined : readCache<Stored>(cacheDir, fileOf(where, name));
      const stored =
        read?.salt === salt && read.where === where && read.cards && typeof read.cards === 'object' ? (read as Stored) : undefined;
      buckets.set(id, (known = { where, bucket: name, stored: stored ?? { salt, where, cards: {} }, changed: !stored }));
    }
    return known;
  };
  return {
    get: (where, key) => bucket(where, key).stored.cards[key],
    set(where, key, html) {
      const known = bucket(where, key);
      known.stored.cards[key] = html;
      known.changed = true;
    },
    toSave(keys) {
      const out: { path: string; text: string }[] = [];
      for (const { where, bucket: name, stored, changed } of buckets.values()) {
        const all = Object.keys(stored.cards);
        const kept = all.filter((key) => keys.has(key)).sort();
        if (!changed && kept.length === all.length) continue;
        const cards = Object.fromEntries(kept.map((key) => [key, stored.cards[key]!]));
        out.push({ path: fileOf(where, name), text: `${JSON.stringify({ salt, where, cards })}\n` });
      }
      return out.sort((a, b) => (a.path < b.path ? -1 : 1));
    },
    toRemove: () =>
      [...places].map((where) => `${CARD_CACHE_DIR}/${placeOf(where)}.json`).filter((file) => existsSync(`${cacheDir}/${file}`)),
  };
}
