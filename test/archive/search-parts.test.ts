/**
 * How the search index is split into parts: every brief in exactly one part, in archive
 * order; the number of parts follows the archive's size; and when the archive grows by a
 * part, only the briefs that go to the new part leave their old one (jump hashing).
 */
import { describe, expect, it } from 'vitest';
import { jumpHash, searchPartCount, splitSearchParts } from '../../scripts/archive/search/search-parts.js';
import type { SiteBrief } from '../../scripts/archive/model/site-model.js';

const briefs = (n: number) => Array.from({ length: n }, (_, i) => ({ slug: `brief-${i}`, html: `briefs/brief-${i}.html` }) as SiteBrief);
const partOf = (parts: SiteBrief[][]) => new Map(parts.flatMap((part, p) => part.map((b) => [b.slug, p] as const)));

describe('search parts', () => {
  it('one part per started thousand briefs (at least one), each brief in one part, in archive order', () => {
    expect([0, 1, 1000, 1001, 10_000].map((n) => searchPartCount(n))).toEqual([1, 1, 1, 2, 10]);
    const list = briefs(2500);
    const parts = splitSearchParts(list, 500);
    expect(parts).toHaveLength(5);
    expect(
      parts
        .flat()
        .map((b) => b.slug)
        .sort(),
    ).toEqual(list.map((b) => b.slug).sort());
    for (const part of parts) {
      const positions = part.map((b) => list.indexOf(b));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      // Balanced: a hash spreads 2,500 briefs over 5 parts within a few dozen of 500 each.
      expect(Math.abs(part.length - 500)).toBeLessThan(100);
    }
    // The same briefs give the same parts, whatever else is in the archive.
    expect(partOf(splitSearchParts(list.slice(0, 2400), 500)).get('brief-7')).toBe(partOf(parts).get('brief-7'));
  });

  it('growing by a part moves only the briefs that go to the new part', () => {
    const list = briefs(3000);
    const before = partOf(splitSearchParts(list, 1000));
    const after = partOf(splitSearchParts([...list, ...briefs(3001).slice(3000)], 1000));
    let moved = 0;
    for (const [slug, part] of before) {
      if (after.get(slug) === part) continue;
      expect(after.get(slug)).toBe(3);
      moved += 1;
    }
    expect(moved / list.length).toBeGreaterThan(0.2);
    expect(moved / list.length).toBeLessThan(0.3);
  });

  it('jumpHash spreads keys evenly and stays in range', () => {
    const counts = new Array<number>(7).fill(0);
    for (let k = 0n; k < 7000n; k++) counts[jumpHash(k * 0x9e3779b97f4a7c15n, 7)]! += 1;
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(150);
    expect(jumpHash(123n, 1)).toBe(0);
  });
});
