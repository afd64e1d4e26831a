/**
 * Two sources with the same slug: the first (by source path) keeps it, the next get
 * `-2`, `-3`, … with a warning, so no brief ever silently overwrites another.
 *
 * Since a source's slug depends only on the sources before it, slugs can be settled one
 * by one while sources are still being read: the build prints a brief as soon as it is
 * normalized (`createSlugResolver`), with the same result as resolving all at once.
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

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface SlugResolver {
  /** Claim a slug for `source`; call in the order of source paths (known claims before it are settled first). */
  claim(source: string, slug: string): SlugResolution;
  /** Settle the known claims not reached yet; returns every source's slug. */
  finish(): Map<string, SlugResolution>;
}

/** A resolver that already knows some claims (cached briefs, other shards' sources). */
export function createSlugResolver(known: readonly SlugClaim[] = []): SlugResolver {
  const pending = [...known].sort((a, b) => byPath(a.source, b.source));
  const owner = new Map<string, string>();
  const result = new Map<string, SlugResolution>();
  let next = 0;

  const take = ({ source, slug }: SlugClaim): SlugResolution => {
    let resolution: SlugResolution = { slug };
    if (owner.has(slug)) {
      let n = 2;
      while (owner.has(`${slug}-${n}`)) n++;
      resolution = { slug: `${slug}-${n}`, takenBy: owner.get(slug) };
    }
    owner.set(resolution.slug, source);
    result.set(source, resolution);
    return resolution;
  };
  const settleBefore = (source?: string) => {
    while (next < pending.length && (source === undefined || byPath(pending[next]!.source, source) < 0)) take(pending[next++]!);
  };

  return {
    claim(source, slug) {
      settleBefore(source);
      return take({ source, slug });
    },
    finish() {
      settleBefore();
      return result;
    },
  };
}

export function resolveSlugs(claims: readonly SlugClaim[]): Map<string, SlugResolution> {
  return createSlugResolver(claims).finish();
}

/**
 * Whether resolving these claims (sources with the slug they ask for and the one they have
 * now, in path order) gives each source the slug it has: the same answer as `resolveSlugs`,
 * in one pass that makes no string for a source that keeps its own slug. A build where no
 * source changed asks it instead of resolving every slug again. Undefined when the claims
 * are not in path order.
 */
export function keepsSlugs(claims: Iterable<readonly [source: string, brief: { baseSlug: string; slug: string }]>): boolean | undefined {
  const owned = new Set<string>();
  let last: string | undefined;
  for (const [source, { baseSlug, slug }] of claims) {
    if (last !== undefined && byPath(last, source) >= 0) return undefined;
    last = source;
    let resolved = baseSlug;
    if (owned.has(baseSlug)) {
      let n = 2;
      while (owned.has(`${baseSlug}-${n}`)) n++;
      resolved = `${baseSlug}-${n}`;
    }
    if (resolved !== slug) return false;
    owned.add(resolved);
  }
  return true;
}
