import { describe, expect, it } from 'vitest';
import { resolveSlugs } from '../scripts/resolve-slugs.js';

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
});
