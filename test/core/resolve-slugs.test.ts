import { describe, expect, it } from 'vitest';
import { createSlugResolver, keepsSlugs, resolveSlugs } from '../../scripts/core/resolve-slugs.js';

describe('resolveSlugs', () => {
  it('gives the first source by path the slug and numbers the others, whatever the input order', () => {
    const claims = [
      { source: 'sources/c.md', slug: 'budget' },
      { source: 'sources/a.txt', slug: 'budget' },
      { source: 'sources/b.txt', slug: 'budget' },
      { source: 'sources/d.txt', slug: 'other' },
    ];
    const first = resolveSlugs(claims);
    expect(first.get('sources/a.txt')).toEqual({ slug: 'budget' });
    expect(first.get('sources/b.txt')).toEqual({ slug: 'budget-2', takenBy: 'sources/a.txt' });
    expect(first.get('sources/c.md')).toEqual({ slug: 'budget-3', takenBy: 'sources/a.txt' });
    expect(first.get('sources/d.txt')).toEqual({ slug: 'other' });
    expect(resolveSlugs([...claims].reverse())).toEqual(first);
  });

  it('never hands out a numbered slug that is already taken', () => {
    const result = resolveSlugs([
      { source: 'a', slug: 'x' },
      { source: 'b', slug: 'x-2' },
      { source: 'c', slug: 'x' },
    ]);
    expect(new Set([...result.values()].map((r) => r.slug)).size).toBe(3);
  });

  it('settles slugs one source at a time, as the build does while printing, with the same result', () => {
    const known = [
      { source: 'sources/b.txt', slug: 'budget' },
      { source: 'sources/d.md', slug: 'budget' },
    ];
    const fresh = [
      { source: 'sources/a.txt', slug: 'budget' },
      { source: 'sources/c.txt', slug: 'budget' },
      { source: 'sources/e.txt', slug: 'other' },
    ];
    const resolver = createSlugResolver(known);
    const streamed = fresh.map((claim) => resolver.claim(claim.source, claim.slug));
    expect(streamed).toEqual([{ slug: 'budget' }, { slug: 'budget-3', takenBy: 'sources/a.txt' }, { slug: 'other' }]);
    expect(resolver.finish()).toEqual(resolveSlugs([...known, ...fresh]));
  });
});

describe('keepsSlugs', () => {
  /** Claims in path order, each with the slug it has now: what `resolveSlugs` gave, or that with one changed. */
  function claimsOf(bases: string[], slugs?: Map<string, string>) {
    const claims = bases.map((slug, i) => ({ source: `sources/${String(i).padStart(3, '0')}.md`, slug }));
    const resolved = resolveSlugs(claims);
    return claims.map(({ source, slug }) => [source, { baseSlug: slug, slug: slugs?.get(source) ?? resolved.get(source)!.slug }] as const);
  }

  it('says yes exactly when resolving the claims again gives every source the slug it has', () => {
    // Seeded: base slugs drawn from a few words, so that many collide (and some look numbered already).
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const words = ['budget', 'budget-2', 'budget-3', 'privacy', 'privacy-2', 'net'];
    for (let round = 0; round < 300; round++) {
      const bases = Array.from({ length: 1 + next(12) }, () => words[next(words.length)]!);
      const claims = claimsOf(bases);
      expect(keepsSlugs(claims)).toBe(true);
      // One source's slug as an earlier build left it (another source since added before it, or removed).
      const [source, brief] = claims[next(claims.length)]!;
      const other = [brief.baseSlug, `${brief.baseSlug}-2`, `${brief.baseSlug}-3`, words[next(words.length)]!][next(4)]!;
      const changed = claimsOf(bases, new Map([[source, other]]));
      const again = resolveSlugs(changed.map(([s, b]) => ({ source: s, slug: b.baseSlug })));
      expect(keepsSlugs(changed)).toBe(changed.every(([s, b]) => again.get(s)!.slug === b.slug));
    }
  });

  it('gives no answer for claims out of path order (the caller resolves them all)', () => {
    const claims = claimsOf(['a', 'b']);
    expect(keepsSlugs([...claims].reverse())).toBeUndefined();
  });
});
