/**
 * Page furniture of a PDF, by position and repetition rather than by guessing from text:
 * content a tagged PDF leaves outside its structure (artifacts), lines in the top or
 * bottom margin that repeat on other pages (page numbers may differ) or are a page number,
 * and on page 1 a narrow column of short lines beside the body (a letterhead column).
 */
import type { PdfLine } from './layout-lines.js';
import type { PdfPage } from './read-pdf.js';
import * as pageNumber from '../rules/page-number.js';
import * as runningHeader from '../rules/running-header.js';
import { tagline } from '../text/letterhead.js';
import type { RuleId } from '../../core/rules.js';
import { squash } from '../text/squash.js';

export const ARTIFACT = 'pdf-artifact' satisfies RuleId;
export const LETTERHEAD_COLUMN = 'letterhead-column' satisfies RuleId;

/** Margin bands: the top and bottom 9% of a page. */
const MARGIN = 0.09;

const key = (text: string) => text.trim().toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');

/** A line of pieces far apart whose first starts at the text's left edge and whose last ends at its right edge. */
function edgeToEdge(line: PdfLine, block: { x0: number; x1: number } | undefined): boolean {
  if (!block || (line.parts ?? 1) < 2) return false;
  const slack = Math.max(line.size * 2, (block.x1 - block.x0) * 0.04);
  return Math.abs(line.x0 - block.x0) <= slack && Math.abs(line.x1 - block.x1) <= slack;
}

/** The furniture among `lines`: line index → the rule that removes it. */
export function findFurniture(
  lines: readonly PdfLine[],
  pages: readonly PdfPage[],
  tagged: boolean,
  titles: readonly string[],
): Map<number, RuleId> {
  const found = new Map<number, RuleId>();
  const first = lines.find((line) => !line.artifact)?.page ?? 1; // the first page with text
  const height = new Map(pages.map((p) => [p.number, p.height]));
  const width = new Map(pages.map((p) => [p.number, p.width]));
  const zone = (line: PdfLine) => {
    const h = height.get(line.page)!;
    return line.y > h * (1 - MARGIN) ? 'top' : line.y < h * MARGIN ? 'bottom' : undefined;
  };
  const inZone = lines.map(zone);
  const pagesByKey = new Map<string, Set<number>>();
  lines.forEach((line, i) => {
    if (!inZone[i]) return;
    const k = `${inZone[i]}:${key(line.text)}`;
    if (!pagesByKey.has(k)) pagesByKey.set(k, new Set());
    pagesByKey.get(k)!.add(line.page);
  });
  const titleKeys = titles.map(squash).filter((t) => t.length >= 8);
  // The text's left and right edges on each page: those of its lines outside the margins.
  const block = new Map<number, { x0: number; x1: number }>();
  lines.forEach((line, i) => {
    if (inZone[i] || line.artifact) return;
    const edges = block.get(line.page);
    block.set(line.page, { x0: Math.min(edges?.x0 ?? line.x0, line.x0), x1: Math.max(edges?.x1 ?? line.x1, line.x1) });
  });
  // A tagged PDF that marks its furniture as artifacts says that the rest is content, even a line that happens to repeat in a margin.
  const marks = tagged && lines.some((line) => line.artifact);
  lines.forEach((line, i) => {
    if (tagged && line.artifact) found.set(i, ARTIFACT);
    else if (!inZone[i] || line.table || (marks && line.roles))
      return; // a table's cell (a day of the month) is no page number
    else if (pageNumber.test(line.text)) found.set(i, pageNumber.id);
    else if ((pagesByKey.get(`${inZone[i]}:${key(line.text)}`)?.size ?? 0) >= 2) found.set(i, runningHeader.id);
    else if (tagline.hasSeparators(line.text) || /\bpage\s+\d+(?:\s*(?:of|\/)\s*\d+)?\s*$/i.test(line.text))
      found.set(i, runningHeader.id); // "Org | Title of the brief" in the margin
    else if (edgeToEdge(line, block.get(line.page)) || /^(?:page\s+\d{1,3}\b|\S{1,12}[-–]\d{1,3}$)/i.test(line.text))
      // A header or footer set on a tab, its parts at both edges of the text ("Agency <tab> FCC 24-52", "Page 1 <tab>
      // Report number"), or opening with its page number; or a page number with the document's prefix ("CRS-1").
      found.set(i, runningHeader.id);
    else if (line.page > first && line.text.length <= 120) {
      // A lone later page's header: the title (or its beginning) or a "Page 2 of 3".
      const s = squash(line.text.replace(/\s*(?:page\s+)?\d+\s*(?:of|\/)\s*\d+\s*$/i, ''));
      if (/\bpage\s+\d+/i.test(line.text) || (s.length >= 8 && titleKeys.some((t) => t.startsWith(s.replace(/…$/, '')) || s.startsWith(t))))
        found.set(i, runningHeader.id);
    }
  });

  // A letterhead column: on page 1, a region of short lines, narrow beside a wider region it overlaps vertically.
  const regions = new Map<number, PdfLine[]>();
  lines.forEach((line, i) => {
    if (line.page !== first || found.has(i)) return;
    if (!regions.has(line.region)) regions.set(line.region, []);
    regions.get(line.region)!.push(line);
  });
  const boxes = [...regions].map(([region, members]) => ({
    region,
    x0: Math.min(...members.map((l) => l.x0)),
    x1: Math.max(...members.map((l) => l.x1)),
    top: Math.max(...members.map((l) => l.y)),
    bottom: Math.min(...members.map((l) => l.y)),
    words: members.reduce((n, l) => n + l.text.split(/\s+/).length, 0) / members.length,
    lines: members.length,
  }));
  const pageWidth = width.get(first) ?? 612;
  const pageHeight = height.get(first) ?? 792;
  const side = new Set<number>();
  for (const box of boxes) {
    if (box.x1 - box.x0 > pageWidth * 0.3 || box.words > 6 || box.lines < 2) continue;
    const beside = boxes.some(
      (other) =>
        other !== box &&
        other.x1 - other.x0 > (box.x1 - box.x0) * 1.5 &&
        (other.x0 >= box.x1 || other.x1 <= box.x0) &&
        Math.min(box.top, other.top) - Math.max(box.bottom, other.bottom) >
          Math.min(pageHeight * 0.15, 0.5 * Math.min(box.top - box.bottom, other.top - other.bottom)),
    );
    if (beside) side.add(box.region);
  }
  // Parts of the column that blank space split off (a caption under it, labels beside values): regions within
  // its x range with no other region beside them.
  for (let grew = side.size > 0; grew;) {
    grew = false;
    for (const box of boxes) {
      if (side.has(box.region)) continue;
      const within = [...side].some((r) => {
        const column = boxes.find((b) => b.region === r)!;
        return box.x0 >= column.x0 - 8 && box.x1 <= Math.max(column.x1, column.x0 + pageWidth * 0.3);
      });
      const clear = boxes.every(
        (other) =>
          side.has(other.region) ||
          other === box ||
          other.x0 >= box.x1 ||
          other.x1 <= box.x0 ||
          other.bottom > box.top + 2 ||
          other.top < box.bottom - 2,
      );
      if (within && clear) {
        side.add(box.region);
        grew = true;
      }
    }
  }
  lines.forEach((line, i) => {
    if (line.page === first && !found.has(i) && side.has(line.region)) found.set(i, LETTERHEAD_COLUMN);
  });
  return found;
}
