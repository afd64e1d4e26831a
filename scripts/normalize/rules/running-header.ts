/**
 * Rule `running-header`: a running header or footer: a short line that repeats on
 * several pages (page numbers inside it may differ), next to a page break or repeated
 * at least three times.
 *
 *   in:  Acme Institute | Policy Brief 12 | Page 2   (on every page)
 *   out: (removed; a paragraph cut by the page break is joined again)
 */
import type { SourceLine } from '../source-lines.js';

export const id = 'running-header';
export const summary = 'remove running headers/footers repeated on every page';

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
    if (nearBreak >= 2 || (nearBreak >= 1 && indexes.length >= 2 && indexes.length - nearBreak <= 1) || indexes.length >= 3) {
      indexes.forEach((index) => found.add(index));
    }
  }
  return found;
}
