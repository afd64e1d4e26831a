import { describe, expect, it } from 'vitest';
import { createSlugResolver, resolveSlugs } from '../../scripts/core/resolve-slugs.js';

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
