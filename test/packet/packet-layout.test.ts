/** Where a packet's pages go: every brief on a right-hand (odd) page, blanks only where needed. */
import { describe, expect, it } from 'vitest';
import { layoutPacket, sheetsFor } from '../../scripts/packet/packet-layout.js';

describe('packet layout', () => {
  it('puts the first brief after a cover and a one-page contents on page 3, with no blank', () => {
    expect(layoutPacket(2, [2, 1])).toEqual({ starts: [3, 5], blanks: [], pages: 5, sheets: 3 });
  });

  it('leaves the back of an odd-length brief blank so the next starts on a right-hand page', () => {
    expect(layoutPacket(2, [1, 3, 2, 1])).toEqual({ starts: [3, 5, 9, 11], blanks: [4, 8], pages: 11, sheets: 6 });
  });

  it('starts the first brief on page 5 when the contents run to a second page (page 4 left blank)', () => {
    const layout = layoutPacket(3, [2]);
    expect(layout).toEqual({ starts: [5], blanks: [4], pages: 6, sheets: 3 });
  });

  it('starts every brief on an odd page for any page counts', () => {
    for (let seed = 1; seed < 200; seed++) {
      const pages = Array.from({ length: 1 + (seed % 9) }, (_, i) => 1 + ((seed * 7 + i * 13) % 4));
      const front = 2 + (seed % 3);
      const { starts, blanks, pages: total } = layoutPacket(front, pages);
      expect(starts.every((s) => s % 2 === 1)).toBe(true);
      expect(blanks.every((b) => b % 2 === 0)).toBe(true);
      expect(total).toBe(front + pages.reduce((a, b) => a + b, 0) + blanks.length);
    }
  });

  it('counts sheets printed on both sides', () => {
    expect([1, 2, 3, 4, 5].map(sheetsFor)).toEqual([1, 1, 2, 2, 3]);
  });
});
