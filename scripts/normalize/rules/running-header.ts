/**
 * Rule `running-header`: a running header or footer: a short line that repeats on
 * several pages (page numbers inside it may differ), next to a page break, repeated
 * at least three times, or repeated twice with its page number ("… - 2 -", "Page 3 of 4")
 * or with the separators of a running head ("Center for X | Issue Brief").
 *
 *   in:  Acme Institute | Policy Brief 12 | Page 2   (on every page)
 *   out: (removed; a paragraph cut by the page break is joined again)
 */
import { defineRule } from '../../core/rules.js';
import type { SourceLine } from '../text/source-lines.js';

export const { id, summary } = defineRule('running-header');

/** A header/footer that carries its page number: "… | Issue Brief        - 2 -", "… Page 3", "… 2 of 4". */
const pageNumberTail =
  /(?:\s{3,}|\s[|•·–—-]\s|\s)(?:[-–—]\s*\d{1,3}\s*[-–—]|page\s+\d{1,3}(?:\s+of\s+\d{1,3})?|\d{1,3}\s+of\s+\d{1,3})$|\s{3,}\d{1,3}$|^\d{1,3}\s{3,}\S/i;
/** "Organization | Issue Brief": parts joined with a separator, as running heads are. */
const separators = /^[^|•·]{2,60}\s[|•·—]\s[^|•·]{2,60}$/;

const key = (text: string) => text.trim().toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');

/** Indexes of the running header/footer lines among `lines`. */
export function find(lines: readonly SourceLine[], isBreak: (index: number) => boolean): Set<number> {
  const groups = new Map<string, number[]>();
  lines.forEach((line, index) => {
    const text = line.text.trim();
    if (text.length < 3 || text.length > 120 || /^[-•*◦▪]\s/.test(text)) return;
    const k = key(text);
    groups.set(k, [...(groups.get(k) ?? []), index]);
  });
  const found = new Set<number>();
  for (const indexes of groups.values()) {
    if (indexes.length < 2) continue;
    const nearBreak = indexes.filter((index) => isBreak(index)).length;
    const texts = indexes.map((index) => lines[index]!.text.trim());
    const pageTail = texts.every((text) => pageNumberTail.test(text)) && new Set(texts).size === texts.length;
    const separated = texts.every((text) => separators.test(text));
    if (nearBreak >= 2 || (nearBreak >= 1 && indexes.length - nearBreak <= 1) || indexes.length >= 3 || pageTail || separated) {
      indexes.forEach((index) => found.add(index));
    }
  }
  return found;
}
