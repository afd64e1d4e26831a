/**
 * Rendered cards kept between builds, so a list page that must be rendered again (a year's
 * or a topic's page lists hundreds of briefs) takes the cards of unchanged briefs as they
 * were instead of rendering them all again. A card's HTML depends on the card's data (its
 * key), where it is rendered (folder and heading level), and the templates, configuration
 * and code (the salt); a cache made with another salt is ignored. One file per place a
 * card is rendered, in `archive-cards/` of the build cache folder, read only when a page of that place
 * is rendered and rewritten only when a card was added or dropped; it keeps the cards of
 * the current briefs only.
 */
import { hash } from 'node:crypto';
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
}

const fileOf = (where: string) => `${CARD_CACHE_DIR}/${hash('sha256', where).slice(0, 16)}.json`;

/** `fresh`: start with an empty cache, whatever is on disk (and write it anew). */
export function openCardCache(cacheDir: string, salt: string, fresh = false): CardCache {
  const places = new Map<string, { stored: Stored; changed: boolean }>();
  const place = (where: string) => {
    let known = places.get(where);
    if (!known) {
      const read = fresh ? undefined : readCache<Stored>(cacheDir, fileOf(where));
      const stored =
        read?.salt === salt && read.where === where && read.cards && typeof read.cards === 'object' ? (read as Stored) : undefined;
      places.set(where, (known = { stored: stored ?? { salt, where, cards: {} }, changed: !stored }));
    }
    return known;
  };
  return {
    get: (where, key) => place(where).stored.cards[key],
    set(where, key, html) {
      const known = place(where);
      known.stored.cards[key] = html;
      known.changed = true;
    },
    toSave(keys) {
      const out: { path: string; text: string }[] = [];
      for (const [where, { stored, changed }] of places) {
        const all = Object.keys(stored.cards);
        const kept = all.filter((key) => keys.has(key)).sort();
        if (!changed && kept.length === all.length) continue;
        const cards = Object.fromEntries(kept.map((key) => [key, stored.cards[key]!]));
        out.push({ path: fileOf(where), text: `${JSON.stringify({ salt, where, cards })}\n` });
      }
      return out.sort((a, b) => (a.path < b.path ? -1 : 1));
    },
  };
}
