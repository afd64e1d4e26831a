/**
 * Who wrote a PDF and when, as it says next to its title: a byline ("By A and B · May 2,
 * 2024", names linked to their pages) or a date line; else its Author metadata, when that
 * names people rather than a program, an account or the organization.
 */
import type { Author } from '../../core/types.js';
import { parseDateLine, parseMonthLine } from '../text/dates.js';
import { organization, type ConfiguredMatcher } from '../text/letterhead.js';
import type { PdfLine } from './layout-lines.js';
import type { PdfLayout } from './read-pdf.js';
import type { RemovedLines } from './removed-lines.js';

/** The byline or date line among the lines next to the title on its page (taken out of the body). */
export function bylineNearTitle(
  lines: readonly PdfLine[],
  title: { indexes: readonly number[]; start: number; page: number },
  removed: RemovedLines,
): { authors?: Author[]; date?: string } {
  const titleSet = new Set(title.indexes);
  const near = lines
    .map((_, i) => i)
    .filter((i) => !removed.has(i) && !titleSet.has(i) && lines[i]!.page === title.page && !lines[i]!.mono)
    .filter((i) => Math.abs(i - (title.indexes.at(-1) ?? 0)) <= 4 || i < title.start);
  for (const i of near) {
    const text = lines[i]!.text;
    const byline = /^by\s+(.+?)\s*(?:[·•|–—]\s*(.+))?$/i.exec(text);
    const date =
      parseDateLine(text) ?? parseMonthLine(text) ?? (byline?.[2] ? (parseDateLine(byline[2]) ?? parseMonthLine(byline[2])) : undefined);
    if (byline && text.split(/\s+/).length <= 20) {
      const authors = byline[1]!
        .split(/\s*,\s*|\s+and\s+/)
        .filter(Boolean)
        .map((name): Author => {
          const url = lines[i]!.segments.find((seg) => seg.url && seg.text.trim() === name && /^https?:/i.test(seg.url))?.url;
          return url ? { name, url } : { name };
        });
      removed.remove(i, 'byline');
      return date ? { authors, date: date.iso } : { authors };
    }
    if (date) {
      removed.remove(i, 'date-line');
      return { date: date.iso };
    }
  }
  return {};
}

/** The authors the PDF's Author metadata names, unless it is a program's or account's default or the organization. */
export function metadataAuthors(info: PdfLayout['info'], configured: ConfiguredMatcher): Author[] | undefined {
  const author = info.author;
  if (!author || /^(?:user|admin|owner|unknown|microsoft|administrator)\b/i.test(author) || configured(author) || organization.test(author))
    return undefined;
  return author
    .split(/\s*[;,]\s*|\s+and\s+/)
    .filter(Boolean)
    .map((name) => ({ name }));
}
