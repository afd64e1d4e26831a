/**
 * Where everything goes in a packet printed on both sides: the cover on page 1, the
 * contents on its back (page 2, and on as far as it runs), then each brief starting on a
 * right-hand (odd) page, with a blank left-hand page before it where the one before
 * ended on a right-hand page. Pure arithmetic: the contents page numbers come from here
 * and the assembly follows it page for page.
 */

export interface PacketLayout {
  /** First page of each brief in the packet, 1-based, in packet order. */
  starts: number[];
  /** Pages left blank (1-based): each the back of a brief's (or the contents') last page. */
  blanks: number[];
  /** Pages in the packet. */
  pages: number;
  /** Sheets of paper printed on both sides. */
  sheets: number;
}

/** `frontPages`: the cover and contents pages; `briefPages`: each brief's page count, in order. */
export function layoutPacket(frontPages: number, briefPages: readonly number[]): PacketLayout {
  const starts: number[] = [];
  const blanks: number[] = [];
  let last = frontPages; // the last page used so far
  for (const pages of briefPages) {
    if (last % 2 === 1) blanks.push(++last); // the next page is a left-hand one: leave it blank
    starts.push(last + 1);
    last += pages;
  }
  return { starts, blanks, pages: last, sheets: sheetsFor(last) };
}

/** Sheets for `pages` printed on both sides. */
export function sheetsFor(pages: number): number {
  return Math.ceil(pages / 2);
}
