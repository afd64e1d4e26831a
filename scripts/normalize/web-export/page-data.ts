/**
 * What a print export says about its page below the text: the `Source URL:` line, tag
 * lines and lists, and the copyright line.
 */
import { isBlank } from '../text/source-lines.js';
import { plainText } from '../text/summary.js';
import { toInline } from '../text/inline.js';
import type { ReaderResult } from '../reader.js';
import type { Page } from '../plain-text/page.js';

const sourceUrl = /^\s*Source URL:\s*<?([^\s<>]+)>?\s*$/i;
const tagItem = /^\s*[-*•]\s*\[([^\]]+)\]\(#?\)(?:\s*\[(\d+)\])?\s*$/;
const tagsLine = /^\s*(?:tags|tagged|topics|keywords|filed under|categories|category)\s*:\s*(.+)$/i;
const tagsLabel = /^\s*(?:tags|tagged|topics|keywords|filed under|categories|category)\s*:?\s*$/i;
const copyright = /(?:©|\(c\)|\bcopyright\b)/i;

/** Take the `Source URL:` and "Tags: a, b" lines into `data`. */
export function readSourceAndTagLines(page: Page, data: ReaderResult['data']): void {
  page.lines.forEach((line, i) => {
    const url = sourceUrl.exec(line.text);
    if (url && !page.removed.has(i)) {
      data.source_url = url[1]!;
      page.remove(i, 'web-source-url');
    }
    const tags = tagsLine.exec(line.text);
    if (tags && i > 2) {
      data.tags = [
        ...(data.tags ?? []),
        ...tags[1]!
          .split(/\s*[,;]\s*/)
          .map((t) => plainText(t))
          .filter(Boolean),
      ];
      page.remove(i, 'web-tags');
    }
  });
}

/**
 * Take a list of tag links ("- [Privacy](#) [7]") into `data`, with a lone "-" before it
 * and a "Tags:" label above it. Returns the tag pages' link numbers: used, not reported
 * as unreferenced.
 */
export function readTagList(page: Page, data: ReaderResult['data']): Set<number> {
  const { lines, removed } = page;
  const tagReferences = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    if (!tagItem.test(lines[i]!.text) || removed.has(i)) continue;
    let end = i;
    while (
      end + 1 < lines.length &&
      (tagItem.test(lines[end + 1]!.text) || (isBlank(lines[end + 1]) && tagItem.test(lines[end + 2]?.text ?? '')))
    )
      end++;
    const lone = i > 0 && /^\s*-\s*$/.test(lines[i - 1]!.text) ? i - 1 : i;
    if (lone === i - 1) page.remove(lone, 'web-tags');
    for (let k = i; k <= end; k++) {
      const tag = tagItem.exec(lines[k]!.text);
      if (tag) data.tags = [...(data.tags ?? []), tag[1]!.trim()];
      if (tag?.[2]) tagReferences.add(Number(tag[2]));
      if (!isBlank(lines[k])) page.remove(k, 'web-tags');
    }
    i = end;
  }
  lines.forEach((line, i) => /^\s*-\s*$/.test(line.text) && !removed.has(i) && page.remove(i, 'web-tags'));
  // A "Tags:" label on its own line, above tag lines already taken.
  lines.forEach((line, i) => {
    if (removed.has(i) || !tagsLabel.test(line.text)) return;
    let next = i + 1;
    while (next < lines.length && isBlank(lines[next])) next++;
    if (removed.has(next) && tagItem.test(lines[next]!.text)) page.remove(i, 'web-tags');
  });
  return tagReferences;
}

/** The last copyright line with a year, in the last two thirds of the page, and the lines under it: `data.rights`. */
export function readRights(page: Page, data: ReaderResult['data'], links: ReadonlyMap<number, string>): void {
  const { lines, removed } = page;
  let rightsAt = -1;
  lines.forEach((line, i) => {
    if (!removed.has(i) && copyright.test(line.text) && /\b(?:19|20)\d{2}\b/.test(line.text)) rightsAt = i;
  });
  if (rightsAt > lines.length / 3) {
    let end = rightsAt;
    while (end + 1 < lines.length && !isBlank(lines[end + 1]) && !removed.has(end + 1)) end++;
    const group = lines
      .slice(rightsAt, end + 1)
      .map((l) => l.text.trim())
      .join(' ');
    data.rights = plainText(toInline(group, { markdownLinks: true, links }));
    for (let k = rightsAt; k <= end; k++) page.remove(k, 'web-rights');
  }
}
