/**
 * A byline's authors and date: "[Emma Llansó](#) [1] and [Jim Dempsey](#) [2]", "Jane Doe,
 * John Roe and Ann Poe", "Posted on September 12, 2013 by Jane Doe".
 */
import type { Author } from '../../core/types.js';
import { findDate } from '../text/dates.js';

/** "Posted on September 12, 2013 by Jane Doe" → the date and the names. */
export function dateThenByline(text: string): { iso: string; names: string } | undefined {
  if (text.length > 200 || !/by\s/i.test(text)) return undefined; // no byline after a date here: spare the date parser
  const found = findDate(text);
  if (!found) return undefined;
  const before = text.slice(0, found.index).trim();
  const after = /^[\s,|–—-]*by\s+(.+)$/i.exec(text.slice(found.index + found.text.length));
  if (!after || !/^(?:(?:posted|published|written|updated)(?:\s+on)?\s*:?|on)?$/i.test(before)) return undefined;
  return { iso: found.iso, names: after[1]!.trim() };
}

/** "[Emma Llansó](#) [1] and [Jim Dempsey](#) [2]", or plain "Jane Doe, John Roe and Ann Poe". */
export function parseAuthors(text: string, links: ReadonlyMap<number, string>): Author[] {
  // The address may hold parentheses one level deep (`…/Foo_(bar)`, `alert(3)`): each
  // character is either a plain one or opens a group, so the pattern stays linear.
  const linked = [...text.matchAll(/\[([^\][]+)\]\(((?:[^()]|\([^()]*\))*)\)(?:\s*\[(\d+)\])?/g)];
  if (linked.length) {
    return linked.map(([, name, target, n]) => {
      const url = target && target !== '#' ? target : n ? links.get(Number(n)) : undefined;
      return url ? { name: name!.trim(), url } : { name: name!.trim() };
    });
  }
  return text
    .split(/\s*(?:,\s*and\s+|,|\s+and\s+|\s*&\s*)\s*/)
    .map((name) => name.trim())
    .filter((name) => /\p{L}/u.test(name))
    .map((name) => ({ name }));
}
