/**
 * The `Links:` list at the end of a print export ("[3] https://…"), which the text's
 * `[text](#) [3]` references point into; a long address may wrap onto the next line.
 */
import { isBlank, type SourceLine } from '../text/source-lines.js';
import type { Page } from '../plain-text/page.js';

const linkEntry = /^\s*\[(\d+)\]\s*<?([^\s<>]+?)>?\s*$/;
const linksHeading = /^\s*Links:?\s*$/i;

export interface LinksList {
  /** Number → address. */
  links: Map<number, string>;
  /** Number → the line it was listed on (for notes about it). */
  lineOf: Map<number, SourceLine>;
}

/** Read and remove the last `Links:` list. */
export function readLinksList(page: Page): LinksList {
  const { lines } = page;
  const links = new Map<number, string>();
  const lineOf = new Map<number, SourceLine>();
  let linksAt = -1;
  lines.forEach((line, i) => linksHeading.test(line.text) && (linksAt = i));
  if (linksAt >= 0) {
    page.remove(linksAt, 'web-links-list');
    let previous: number | undefined;
    for (let i = linksAt + 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (isBlank(line)) continue;
      const entry = linkEntry.exec(line.text);
      if (entry) {
        previous = Number(entry[1]);
        links.set(previous, entry[2]!);
        lineOf.set(previous, line);
        page.remove(i, 'web-links-list');
      } else if (previous !== undefined && /^\S+>?$/.test(line.text.trim()) && !isBlank(lines[i - 1])) {
        links.set(previous, links.get(previous)! + line.text.trim().replace(/>$/, '')); // a long URL wrapped
        page.remove(i, 'web-links-list');
      }
    }
  }
  return { links, lineOf };
}
