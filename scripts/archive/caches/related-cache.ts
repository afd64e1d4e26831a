/**
 * Related briefs kept between builds. They depend on every brief's slug, date, cited URLs,
 * authors and tags only, so an edit to a text or a title leaves them as they were: then
 * the last build's are taken from `archive-related.json` in the build cache folder instead of being
 * worked out again over the whole archive.
 */
import { readCache } from './read-cache.js';
import { relatedBriefs, type RelatedBrief } from '../model/related-briefs.js';
import type { SiteBrief } from '../model/site-model.js';
import { shortHash } from '../../core/short-hash.js';
import { briefKeys } from '../model/brief-keys.js';

export const RELATED_CACHE_FILE = 'archive-related.json';

/** Slug → related briefs as [slug, score, shared links, shared authors, shared tags]. */
type Stored = { key: string; related: [string, StoredRelation[]][] };

export interface RelatedCache {
  /** Related briefs of `briefs` (in archive order), from the cache when their inputs are the same. */
  relate(briefs: SiteBrief[]): Map<string, RelatedBrief<SiteBrief>[]>;
  /** The cache to save, when the related briefs were worked out in this run. */
  toSave(): string | undefined;
  /** `relate` took them from the cache: they are those of the last build that related briefs. */
  readonly kept: boolean;
  /** The related briefs of the last build that related briefs, by slug, as stored; undefined when none are stored. */
  before(): ReadonlyMap<string, StoredRelation[]> | undefined;
}

/** A related brief as stored: [slug, score, shared links, shared authors, shared tags]. */
export type StoredRelation = [string, number, number, string[], string[]];

/** `salt` hashes the code (and whatever else should start the cache afresh); `fresh` ignores the cache on disk. */
export function openRelatedCache(cacheDir: string, salt: string, fresh = false): RelatedCache {
  let made: Stored | undefined;
  let kept = false;
  // Read now, when the cache is opened (before the briefs are known: write-archive.ts `prepareArchive`).
  const stored = fresh ? undefined : readCache<Stored>(cacheDir, RELATED_CACHE_FILE);
  return {
    relate(briefs) {
      // Each brief's slug, date, links, authors and tags, by their hash (brief-keys.ts).
      const key = shortHash(JSON.stringify([salt, briefs.map((b) => briefKeys(b).related)]));
      const bySlug = new Map(briefs.map((b) => [b.slug, b]));
      if (stored?.key === key && Array.isArray(stored.related)) {
        kept = true;
        return new Map(
          stored.related.map(([slug, list]) => [
            slug,
            list.map(([other, score, links, authors, tags]) => ({ brief: bySlug.get(other)!, score, reasons: { links, authors, tags } })),
          ]),
        );
      }
      const related = relatedBriefs(briefs);
      made = {
        key,
        related: [...related].map(([slug, list]) => [
          slug,
          list.map((r) => [r.brief.slug, r.score, r.reasons.links, r.reasons.authors, r.reasons.tags]),
        ]),
      };
      return related;
    },
    toSave: () => (made ? `${JSON.stringify(made)}\n` : undefined),
    get kept() {
      return kept;
    },
    before: () => (stored && Array.isArray(stored.related) ? new Map(stored.related) : undefined),
  };
}
