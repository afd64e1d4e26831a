/**
 * Two sources with the same slug: the first (by source path) keeps it, the next get
 * `-2`, `-3`, … with a warning, so no brief ever silently overwrites another.
 */
export interface SlugClaim {
  source: string;
  slug: string;
}

export interface SlugResolution {
  slug: string;
  /** The source that kept the slug, when this one had to take another. */
  takenBy?: string;
}

export function resolveSlugs(claims: readonly SlugClaim[]): Map<string, SlugResolution> {
  const sorted = [...claims].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  const owner = new Map<string, string>();
  const result = new Map<string, SlugResolution>();
  for (const { source, slug } of sorted) {
    if (!owner.has(slug)) {
      owner.set(slug, source);
      result.set(source, { slug });
      continue;
    }
    let n = 2;
    while (owner.has(`${slug}-${n}`)) n++;
    owner.set(`${slug}-${n}`, source);
    result.set(source, { slug: `${slug}-${n}`, takenBy: owner.get(slug) });
  }
  return result;
}
