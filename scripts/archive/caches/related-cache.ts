/**
 * Related briefs kept between builds. They depend on every brief's slug, date, cited URLs,
 * authors and tags only, so an edit to a text or a title leaves them as they were: then
 * the last build's are taken from `archive-related.json` in the build cache folder instead of being
 * worked out again over the whole archive.
 *
 * The file is a line of its key, then a line per brief, `slug<TAB>[relations as JSON]`: an
 * edit that takes them as they were parses only the lines of the pages it makes again (a
 * brief's related briefs are read when its page is), not every brief's (5 MB at 10,000).
 */
import path from 'node:path';
import { relatedBriefs, type RelatedBrief } from '../model/related-briefs.js';
import type { RelatedLookup, SiteBrief } from '../model/site-model.js';
import { shortHash } from '../../core/short-hash.js';
import { asciiJson, readCacheText } from '../../core/ascii-text.js';
import { briefKeys } from '../model/brief-keys.js';

export const RELATED_CACHE_FILE = 'archive-related.json';

/** The format of the file: a new one starts the cache afresh. */
const VERSION = 2;

export interface RelatedCache {
  /** Related briefs of `briefs` (in archive order), from the cache when their inputs are the same (each list then read when first asked for). */
  relate(briefs: SiteBrief[]): RelatedLookup;
  /** The cache to save, when the related briefs were worked out in this run. */
  toSave(): string | undefined;
  /** `relate` took them from the cache: they are those of the last build that related briefs. */
  readonly kept: boolean;
  /** The related briefs of the last build that related briefs, by slug, as stored; undefined when none are stored. */
  before(): ReadonlyMap<string, StoredRelation[]> | undefined;
  /**
   * With `kept`: the briefs whose related briefs name one of `slugs` (perhaps a few more, never
   * fewer: found by the slugs' text in the stored lines, which are not parsed for it).
   */
  listing(slugs: ReadonlySet<string>): Set<string>;
}

/** A related brief as stored: [slug, score, shared links, shared authors, shared tags]. */
export type StoredRelation = [string, number, number, string[], string[]];

/** The stored file: its key, and where each brief's line is. */
interface Stored {
  key: string;
  text: string;
  /** Slug → [start, end) of its relations' JSON in `text`. */
  lines: Map<string, [number, number]>;
}

function readStored(cacheDir: string): Stored | undefined {
  const text = readCacheText(path.join(cacheDir, RELATED_CACHE_FILE));
  if (text === undefined) return undefined;
  const first = text.indexOf('\n');
  let head: unknown;
  try {
    head = JSON.parse(text.slice(0, first));
  } catch {
    return undefined;
  }
  const { version, key, count } = (head ?? {}) as { version?: unknown; key?: unknown; count?: unknown };
  if (version !== VERSION || typeof key !== 'string' || typeof count !== 'number') return undefined;
  const lines = new Map<string, [number, number]>();
  for (let at = first + 1; at < text.length;) {
    const end = text.indexOf('\n', at);
    const tab = text.indexOf('\t', at);
    if (end === -1 || tab === -1 || tab > end) return undefined; // torn or damaged: worked out again
    lines.set(text.slice(at, tab), [tab + 1, end]);
    at = end + 1;
  }
  return lines.size === count ? { key, text, lines } : undefined;
}

function relationsOf(stored: Stored, slug: string): StoredRelation[] | undefined {
  const at = stored.lines.get(slug);
  return at && (JSON.parse(stored.text.slice(at[0], at[1])) as StoredRelation[]);
}

/** `salt` hashes the code (and whatever else should start the cache afresh); `fresh` ignores the cache on disk. */
export function openRelatedCache(cacheDir: string, salt: string, fresh = false): RelatedCache {
  let made: string | undefined;
  let kept = false;
  // Read now, when the cache is opened (before the briefs are known: write-archive.ts `prepareArchive`).
  const stored = fresh ? undefined : readStored(cacheDir);
  return {
    relate(briefs) {
      // Each brief's slug, date, links, authors and tags, by their hash (brief-keys.ts).
      const key = shortHash(JSON.stringify([salt, briefs.map((b) => briefKeys(b).related)]));
      if (stored?.key === key) {
        kept = true;
        const bySlug = new Map(briefs.map((b) => [b.slug, b]));
        const read = new Map<string, RelatedBrief<SiteBrief>[] | undefined>();
        return {
          get(slug) {
            if (!read.has(slug))
              read.set(
                slug,
                relationsOf(stored, slug)?.map(([other, score, links, authors, tags]) => ({
                  brief: bySlug.get(other)!,
                  score,
                  reasons: { links, authors, tags },
                })),
              );
            return read.get(slug);
          },
        };
      }
      const related = relatedBriefs(briefs);
      const lines = [`${JSON.stringify({ version: VERSION, key, count: related.size })}\n`];
      for (const [slug, list] of related)
        lines.push(
          `${slug}\t${JSON.stringify(list.map((r) => [r.brief.slug, r.score, r.reasons.links, r.reasons.authors, r.reasons.tags]))}\n`,
        );
      made = asciiJson(lines.join(''));
      return related;
    },
    toSave: () => made,
    get kept() {
      return kept;
    },
    before: () => (stored ? new Map([...stored.lines.keys()].map((slug) => [slug, relationsOf(stored, slug)!])) : undefined),
    listing(slugs) {
      const found = new Set<string>();
      if (!stored) return found;
      const { text } = stored;
      for (const slug of slugs) {
        const quoted = JSON.stringify(slug);
        for (let at = text.indexOf(quoted); at !== -1; at = text.indexOf(quoted, at + quoted.length)) {
          const start = text.lastIndexOf('\n', at) + 1;
          found.add(text.slice(start, text.indexOf('\t', start)));
        }
      }
      return found;
    },
  };
}
