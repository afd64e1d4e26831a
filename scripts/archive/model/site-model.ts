/**
 * The archive as data: briefs in archive order, grouped by year, by tag and by author,
 * with related briefs. Pure: the same briefs give the same model.
 */
import type { ArchiveBrief } from '../../core/types.js';
import { compareBriefs, relatedBriefs, type RelatedBrief } from './related-briefs.js';
import { nameSlug } from './site-urls.js';
import { briefKeys } from './brief-keys.js';
import { familyNameKey } from './person-name.js';

/**
 * A brief as the archive stage holds it: everything but the body, which is read (by its
 * hash, from the build cache) only when a page, the feed or the search index needs it.
 */
export interface SiteBrief extends Omit<ArchiveBrief, 'body'> {
  /** Hash of the body HTML (`bodyHash` in cache/state.ts). */
  bodyHash: string;
}

export interface BriefGroup {
  slug: string;
  name: string;
  briefs: SiteBrief[];
}

export interface YearGroup {
  /** `2012`, or `undated`. */
  year: string;
  briefs: SiteBrief[];
}

export interface SiteModel {
  briefs: SiteBrief[];
  bySlug: Map<string, SiteBrief>;
  /**
   * Each brief's digest by slug: a hash of its manifest entry (all but front matter,
   * headings and body), which is all its card, its feed entry and its search fields show.
   */
  digest: Map<string, string>;
  years: YearGroup[];
  tags: BriefGroup[];
  authors: BriefGroup[];
  kinds: { kind: string; count: number }[];
  /** Related briefs by slug (read from their cache as asked for: related-cache.ts). */
  related: RelatedLookup;
  /** Slug of each tag and author name, for links from a brief. */
  tagSlug: Map<string, string>;
  authorSlug: Map<string, string>;
}

/** Names in English alphabetical order, case and accents aside (as `localeCompare` with these options, made once). */
const byName = new Intl.Collator('en', { sensitivity: 'base' });

/** Group briefs by names (tags or authors); names with the same slug share a page. `sortKey`: what a name is filed under. */
function groupBy(
  briefs: SiteBrief[],
  namesOf: (b: SiteBrief) => string[],
  sortKey: (name: string) => string = (name) => name,
): { groups: BriefGroup[]; slugOf: Map<string, string> } {
  const bySlug = new Map<string, BriefGroup>();
  const slugOf = new Map<string, string>();
  for (const brief of briefs) {
    for (const name of new Set(namesOf(brief))) {
      const slug = slugOf.get(name) ?? nameSlug(name);
      slugOf.set(name, slug);
      let group = bySlug.get(slug);
      if (!group) bySlug.set(slug, (group = { slug, name, briefs: [] }));
      if (group.briefs.at(-1) !== brief) group.briefs.push(brief); // briefs come in order: a repeat is the last one
    }
  }
  const keys = new Map([...bySlug.values()].map((g) => [g, sortKey(g.name)]));
  const groups = [...bySlug.values()].sort(
    (a, b) => byName.compare(keys.get(a)!, keys.get(b)!) || byName.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1),
  );
  return { groups, slugOf };
}

/** Related briefs by slug. */
export type RelatedLookup = Pick<ReadonlyMap<string, RelatedBrief<SiteBrief>[]>, 'get'>;

/** `relate` works out related briefs (default: `relatedBriefs`; a cache may answer instead). */
export function buildSiteModel(input: SiteBrief[], relate: (briefs: SiteBrief[]) => RelatedLookup = relatedBriefs): SiteModel {
  const briefs = [...input].sort(compareBriefs);
  const years: YearGroup[] = [];
  for (const brief of briefs) {
    const year = brief.date?.slice(0, 4) ?? 'undated';
    const last = years.at(-1);
    if (last?.year === year) last.briefs.push(brief);
    else years.push({ year, briefs: [brief] });
  }
  const tags = groupBy(briefs, (b) => b.tags);
  const authors = groupBy(briefs, (b) => b.authors.map((a) => a.name), familyNameKey);
  const kindCounts = new Map<string, number>();
  for (const b of briefs) kindCounts.set(b.kind, (kindCounts.get(b.kind) ?? 0) + 1);
  const kinds = [...kindCounts].map(([kind, count]) => ({ kind, count })).sort((a, b) => (a.kind < b.kind ? -1 : 1));
  return {
    briefs,
    bySlug: new Map(briefs.map((b) => [b.slug, b])),
    digest: new Map(briefs.map((b) => [b.slug, briefKeys(b).digest])),
    years,
    tags: tags.groups,
    authors: authors.groups,
    kinds,
    related: relate(briefs),
    tagSlug: tags.slugOf,
    authorSlug: authors.slugOf,
  };
}
