/**
 * Related briefs: those sharing cited URLs, authors or tags with a brief, scored by
 * what they share. Built from inverted indexes, so the cost grows with the number of
 * shared items rather than with the square of the number of briefs.
 */
import type { ArchiveBrief } from '../../core/types.js';

/** What relating briefs looks at. */
export type RelatableBrief = Pick<ArchiveBrief, 'slug' | 'date' | 'links' | 'authors' | 'tags'>;

export interface RelatedBrief<T extends RelatableBrief = ArchiveBrief> {
  brief: T;
  score: number;
  /** What the two share, for the page to say why they are related. */
  reasons: { links: number; authors: string[]; tags: string[] };
}

/** Weights: citing the same source says most, then the same author, then a tag. */
const WEIGHT = { link: 3, author: 2, tag: 1 } as const;

/** Above this many briefs, a tag or author says little; skip it to keep the work bounded. */
const MAX_POSTING = 200;

type Facet = 'link' | 'author' | 'tag';

function facetsOf(brief: RelatableBrief): [Facet, string, string][] {
  const out: [Facet, string, string][] = [];
  for (const link of new Set(brief.links.map(normalizeUrl))) out.push(['link', link, link]);
  for (const author of new Set(brief.authors.map((a) => a.name))) out.push(['author', author.toLowerCase(), author]);
  for (const tag of new Set(brief.tags)) out.push(['tag', tag.toLowerCase(), tag]);
  return out;
}

/** The same document cited as http or https, with or without a trailing slash or fragment. */
function normalizeUrl(url: string): string {
  return url
    .replace(/^https?:\/\//i, '')
    .replace(/#.*$/, '')
    .replace(/\/$/, '')
    .toLowerCase();
}

/**
 * For each brief (by slug), up to `limit` related briefs, best first; ties go to the
 * newer brief, then by slug, then to the brief found first, so the result is stable.
 * Scores add up in typed arrays and only the best `limit` get their reasons spelled out,
 * so thousands of briefs sharing a few tags cost milliseconds.
 */
export function relatedBriefs<T extends RelatableBrief>(briefs: T[], limit = 5): Map<string, RelatedBrief<T>[]> {
  const n = briefs.length;
  // Each facet (kind and key) as a number; each brief's facets as a run of numbers, repeats kept.
  const facetIds = new Map<string, number>();
  const facetStart = new Int32Array(n + 1);
  const facetOf: number[] = [];
  const facetKind: Facet[] = [];
  const facetLabel: string[] = [];
  for (let i = 0; i < n; i++) {
    for (const [facet, key, label] of facetsOf(briefs[i]!)) {
      const name = `${facet}\0${key}`;
      let id = facetIds.get(name);
      if (id === undefined) facetIds.set(name, (id = facetIds.size));
      facetOf.push(id);
      facetKind.push(facet);
      facetLabel.push(label);
    }
    facetStart[i + 1] = facetOf.length;
  }
  // Postings: the briefs of each facet, as runs of one array.
  const postingStart = new Int32Array(facetIds.size + 1);
  for (const id of facetOf) postingStart[id + 1]! += 1;
  for (let id = 0; id < facetIds.size; id++) postingStart[id + 1]! += postingStart[id]!;
  const postingBrief = new Int32Array(facetOf.length);
  const filled = postingStart.slice(0, facetIds.size);
  for (let i = 0; i < n; i++) for (let f = facetStart[i]!; f < facetStart[i + 1]!; f++) postingBrief[filled[facetOf[f]!]!++] = i;
  const weight = Int32Array.from(facetKind, (kind) => WEIGHT[kind]);
  const counted = Uint8Array.from(facetOf, (id) => (postingStart[id + 1]! - postingStart[id]! > MAX_POSTING ? 0 : 1));

  // Archive order as a rank; briefs that compare equal share one.
  const order = [...briefs.keys()].sort((a, b) => compareBriefs(briefs[a]!, briefs[b]!));
  const rank = new Int32Array(n);
  for (let r = 1; r < n; r++) rank[order[r]!] = compareBriefs(briefs[order[r - 1]!]!, briefs[order[r]!]!) === 0 ? rank[order[r - 1]!]! : r;
  const slugIds = new Map<string, number>();
  const slugOf = Int32Array.from(briefs, (b) => {
    let id = slugIds.get(b.slug);
    if (id === undefined) slugIds.set(b.slug, (id = slugIds.size));
    return id;
  });

  const score = new Int32Array(n);
  const touchedAt = new Int32Array(n);
  const touched = new Int32Array(n);
  const result = new Map<string, RelatedBrief<T>[]>();
  for (let i = 0; i < n; i++) {
    let count = 0;
    for (let f = facetStart[i]!; f < facetStart[i + 1]!; f++) {
      if (!counted[f]) continue;
      const id = facetOf[f]!;
      const w = weight[f]!;
      for (let k = postingStart[id]!; k < postingStart[id + 1]!; k++) {
        const j = postingBrief[k]!;
        if (slugOf[j] === slugOf[i]) continue; // itself, or another brief of the same slug
        if (score[j] === 0) {
          touchedAt[j] = count;
          touched[count++] = j;
        }
        score[j] = score[j]! + w;
      }
    }
    // Best first: higher score, then archive order, then first found.
    const better = (a: number, b: number) => score[a]! - score[b]! || rank[b]! - rank[a]! || touchedAt[b]! - touchedAt[a]!;
    const best: number[] = [];
    for (let t = 0; t < count; t++) {
      const j = touched[t]!;
      if (best.length >= limit && (limit <= 0 || better(j, best[limit - 1]!) <= 0)) continue;
      let at = best.length;
      while (at > 0 && better(j, best[at - 1]!) > 0) at -= 1;
      best.splice(at, 0, j);
      if (best.length > limit) best.pop();
    }
    // The reasons, in the order of this brief's facets, for the chosen few only.
    result.set(
      briefs[i]!.slug,
      best.map((j) => {
        const reasons = { links: 0, authors: [] as string[], tags: [] as string[] };
        for (let f = facetStart[i]!; f < facetStart[i + 1]!; f++) {
          if (!counted[f]) continue;
          for (let g = facetStart[j]!; g < facetStart[j + 1]!; g++) {
            if (facetOf[g] !== facetOf[f]) continue;
            if (facetKind[f] === 'link') reasons.links += 1;
            else if (facetKind[f] === 'author') reasons.authors.push(facetLabel[f]!);
            else reasons.tags.push(facetLabel[f]!);
          }
        }
        return { brief: briefs[j]!, score: score[j]!, reasons };
      }),
    );
    for (let t = 0; t < count; t++) score[touched[t]!] = 0;
  }
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
