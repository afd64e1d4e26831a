/**
 * Related briefs: those sharing cited URLs, authors or tags with a brief, scored by
 * what they share. Built from inverted indexes, so the cost grows with the number of
 * shared items rather than with the square of the number of briefs.
 */
import type { ArchiveBrief } from '../types.js';

export interface RelatedBrief {
  brief: ArchiveBrief;
  score: number;
  /** What the two share, for the page to say why they are related. */
  reasons: { links: number; authors: string[]; tags: string[] };
}

/** Weights: citing the same source says most, then the same author, then a tag. */
const WEIGHT = { link: 3, author: 2, tag: 1 } as const;

/** Above this many briefs, a tag or author says little; skip it to keep the work bounded. */
const MAX_POSTING = 200;

type Facet = 'link' | 'author' | 'tag';

function facetsOf(brief: ArchiveBrief): [Facet, string, string][] {
  const out: [Facet, string, string][] = [];
  for (const link of new Set(brief.links.map(normalizeUrl))) out.push(['link', link, link]);
  for (const author of new Set(brief.authors.map((a) => a.name))) out.push(['author', author.toLowerCase(), author]);
  for (const tag of new Set(brief.tags)) out.push(['tag', tag.toLowerCase(), tag]);
  return out;
}

/** The same document cited as http or https, with or without a trailing slash or fragment. */
function normalizeUrl(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/#.*$/, '').replace(/\/$/, '').toLowerCase();
}

/**
 * For each brief (by slug), up to `limit` related briefs, best first; ties go to the
 * newer brief, then by slug, so the result is stable.
 */
export function relatedBriefs(briefs: ArchiveBrief[], limit = 5): Map<string, RelatedBrief[]> {
  const postings = new Map<string, number[]>();
  const facets = briefs.map(facetsOf);
  facets.forEach((list, i) => {
    for (const [facet, key] of list) {
      const id = `${facet}\0${key}`;
      const posting = postings.get(id);
      if (posting) posting.push(i);
      else postings.set(id, [i]);
    }
  });

  const result = new Map<string, RelatedBrief[]>();
  briefs.forEach((brief, i) => {
    const found = new Map<number, RelatedBrief>();
    for (const [facet, key, label] of facets[i] ?? []) {
      const posting = postings.get(`${facet}\0${key}`) ?? [];
      if (posting.length > MAX_POSTING) continue;
      for (const j of posting) {
        const other = briefs[j];
        if (j === i || !other || other.slug === brief.slug) continue;
        let entry = found.get(j);
        if (!entry) found.set(j, (entry = { brief: other, score: 0, reasons: { links: 0, authors: [], tags: [] } }));
        entry.score += WEIGHT[facet];
        if (facet === 'link') entry.reasons.links += 1;
        else if (facet === 'author') entry.reasons.authors.push(label);
        else entry.reasons.tags.push(label);
      }
    }
    const ranked = [...found.values()].sort(
      (a, b) => b.score - a.score || compareBriefs(a.brief, b.brief),
    );
    result.set(brief.slug, ranked.slice(0, limit));
  });
  return result;
}

/** Archive order: newest first, undated last, then by slug. */
export function compareBriefs(a: Pick<ArchiveBrief, 'date' | 'slug'>, b: Pick<ArchiveBrief, 'date' | 'slug'>): number {
  if (a.date !== b.date) {
    if (!a.date) return 1;
    if (!b.date) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}
