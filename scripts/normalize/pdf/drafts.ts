/**
 * A PDF's body lines grouped into drafts of blocks, in reading order: tables (a tagged
 * table, or one found by layout), code (lines wholly in a fixed-pitch font), list items
 * (LI tags, or a marker glyph and its indent), headings (H tags, or bold or larger type that
 * reads as a heading) and paragraphs.
 */
import { salutation, subjectLine } from '../text/blocks.js';
import { parseItem } from '../text/list-items.js';
import { SPEAKER_LINE } from '../text/witness.js';
import type { PdfLine } from './layout-lines.js';
import { joins } from './line-joins.js';
import { endsSentence, HEADING_ROLE } from './line-text.js';
import { linePitch } from './type-sizes.js';

export interface Draft {
  kind: 'paragraph' | 'heading' | 'item' | 'table' | 'code';
  /** Tables: the table (its structure element, or the table found by layout). */
  table?: string;
  lines: PdfLine[];
  indexes: number[];
  /** List items: marker, level, and the x of their text. */
  item?: { ordered: boolean; marker: string; number?: number; level: number; x: number };
}

/**
 * Lines joined into drafts by structure (tagged) or by layout (gaps, type, indent); `skip` says which lines are no
 * part of the body, `neverHeadings` which are never headings (a cover's fields, set in bold).
 */
export function draftBlocks(
  lines: readonly PdfLine[],
  skip: (i: number) => boolean,
  tagged: boolean,
  body: number,
  neverHeadings: ReadonlySet<number> = new Set(),
): Draft[] {
  const headingsTagged = tagged && lines.some((l) => l.roles?.some((r) => HEADING_ROLE.test(r)));
  const pitch = linePitch(lines);
  const drafts: Draft[] = [];
  const lastNumber = new Map<string, number>();
  const markerXs: number[] = [];
  lines.forEach((line, i) => {
    if (skip(i)) return;
    const previous = drafts.at(-1);
    const prevLine = previous?.lines.at(-1);
    // A table: its lines, cells and rows come from the structure (tagged) or the layout.
    const tableAt = line.roles?.lastIndexOf('Table') ?? -1;
    if (tableAt >= 0 || line.table) {
      const table = line.table ? `layout ${line.table.id}` : `tagged ${line.elements![tableAt]!}`;
      if (previous?.kind === 'table' && previous.table === table) {
        previous.lines.push(line);
        previous.indexes.push(i);
      } else drafts.push({ kind: 'table', table, lines: [line], indexes: [i] });
      return;
    }
    // A code block: lines set wholly in a fixed-pitch font that do not go on with a paragraph.
    if (line.mono && !line.roles?.some((r) => HEADING_ROLE.test(r) || r === 'LI')) {
      if (previous?.kind === 'code' && prevLine!.page === line.page && prevLine!.y > line.y && prevLine!.y - line.y <= line.size * 4) {
        previous.lines.push(line);
        previous.indexes.push(i);
        return;
      }
      if (!(previous?.kind === 'paragraph' && prevLine && joins(previous, prevLine, line, { tagged, sameElement: false, pitch, body }))) {
        drafts.push({ kind: 'code', lines: [line], indexes: [i] });
        return;
      }
    }
    const listDepth = line.roles?.filter((r) => r === 'L').length ?? 0;
    const inItem = line.roles?.includes('LI') ?? false;
    const glyph = parseItem(line.text);
    const accepted =
      glyph && (!glyph.ordered || glyph.number === 1 || lastNumber.get(glyph.marker) === glyph.number! - 1) ? glyph : undefined;
    // An element a page break cuts (a paragraph, a list item) goes on under the same roles on the next page.
    const acrossPage =
      prevLine !== undefined &&
      prevLine.page !== line.page &&
      prevLine.roles?.join('>') === line.roles?.join('>') &&
      !endsSentence(prevLine.text) &&
      /^\p{Ll}/u.test(line.text);
    const sameElement = line.element !== undefined && (prevLine?.element === line.element || acrossPage);
    const startsItem = tagged && inItem ? !sameElement : !!accepted && !(tagged && sameElement);
    if (
      previous &&
      prevLine &&
      previous.kind !== 'table' &&
      !startsItem &&
      joins(previous, prevLine, line, { tagged, sameElement, pitch, body })
    ) {
      previous.lines.push(line);
      previous.indexes.push(i);
      return;
    }
    if (startsItem) {
      if (accepted?.ordered) lastNumber.set(accepted.marker, accepted.number!);
      let level = listDepth || 1;
      if (!tagged || !listDepth) {
        // Untagged: the level from the marker's indent.
        let k = markerXs.findIndex((x) => Math.abs(x - line.x0) <= body * 0.6);
        if (k === -1) {
          markerXs.push(line.x0);
          markerXs.sort((a, b) => a - b);
          k = markerXs.indexOf(line.x0);
        }
        level = k + 1;
      }
      const item = { ordered: accepted?.ordered ?? false, marker: accepted?.marker ?? '-', level, x: line.x0 };
      drafts.push({
        kind: 'item',
        lines: [line],
        indexes: [i],
        item: accepted?.number !== undefined ? { ...item, number: accepted.number } : item,
      });
      return;
    }
    const isHeading =
      !neverHeadings.has(i) && (headingsTagged ? !!line.roles?.some((r) => HEADING_ROLE.test(r)) : line.bold || line.size >= body * 1.15);
    drafts.push({ kind: isHeading ? 'heading' : 'paragraph', lines: [line], indexes: [i] });
  });
  // A "heading" must look like one: short, not a sentence, not a letter's subject line, salutation or witness line set in bold.
  for (const draft of drafts) {
    if (draft.kind !== 'heading') continue;
    const text = draft.lines.map((l) => l.text).join(' ');
    if (
      text.split(/\s+/).length > 16 ||
      /[.,;]["”’)]?$/.test(text) ||
      draft.lines.length > 3 ||
      !/\p{L}/u.test(text) ||
      (!headingsTagged && (subjectLine.test(text) || salutation.test(text) || SPEAKER_LINE.test(text)))
    )
      draft.kind = 'paragraph';
  }
  return drafts;
}
