/**
 * Reader `pdf`: a PDF itself, read from its layout model (pdf/read-pdf.ts, the one
 * asynchronous step, done before `normalize()`). Layout evidence decides what the text
 * readers can only guess: the title is the largest type on page 1 (its letters as the
 * document's Title metadata writes them), headings are bold or larger lines (or H1–H6 in
 * a tagged PDF), running headers, footers and page numbers are found by position and
 * repetition (or are a tagged PDF's artifacts), a narrow column of short lines beside
 * the body on page 1 is the letterhead, columns are read one after the other, list items
 * come from their glyph (or LI tags) and indent, and links keep the URL of their link
 * annotation. The rest goes through the same rules and helpers as the plain-text
 * readers (letterhead shapes and the configured organization, dates, dehyphenation,
 * title case, contacts, summary, Markdown rendering), so the two paths do not drift.
 */
import type { VFile } from 'vfile';
import type { NormalizeOptions, ReaderResult } from '../reader.js';
import type { Author, Contact } from '../../core/types.js';
import type { PdfLayout } from '../pdf/read-pdf.js';
import { pageLines, type PdfLine } from '../pdf/layout-lines.js';
import { findFurniture } from '../pdf/page-furniture.js';
import { recordRemoved, type SourceLine } from '../text/source-lines.js';
import { configuredMatcher, letterheadShape, organization, tagline } from '../text/letterhead.js';
import * as documentLabel from '../rules/document-label.js';
import * as endMark from '../rules/end-mark.js';
import * as extraction from '../rules/extraction-characters.js';
import { parseDateLine, parseMonthLine } from '../text/dates.js';
import { guessDatelineDate } from '../text/dateline.js';
import { acronymEvidence, isAllCaps, toTitleCase } from '../text/title-case.js';
import { joinWrapped, renderBlocks, type Block, type ListItem } from '../text/blocks.js';
import { lazyVocabulary, type WordSet } from '../rules/dehyphenate.js';
import { parseItem } from '../text/list-items.js';
import { contactsIn, findContacts } from '../text/contacts.js';
import { summarize } from '../text/summary.js';
import { defineRule, type RuleId } from '../../core/rules.js';
import { escapeText, toInline } from '../text/inline.js';

export const reader = 'pdf';

declare module 'vfile' {
  interface DataMap {
    /** A PDF source's layout, read before `normalize()` (pdf/pre-read.ts); or why it could not be read. */
    pdf: { layout: PdfLayout; lines?: PdfLine[] } | { ruleId: RuleId; reason: string };
  }
}

/** The lines of a PDF in reading order, and the text view of them that messages count lines in (one line each, pages split by a form feed). */
export function pdfText(layout: PdfLayout): { lines: PdfLine[]; text: string } {
  const lines: PdfLine[] = [];
  for (const page of layout.pages) lines.push(...pageLines(page, lines.length ? lines.at(-1)!.region + 1 : 0));
  for (const line of lines) {
    // Fonts of some engines map the apostrophe to U+02BC (modifier letter apostrophe): the text means U+2019.
    for (const segment of line.segments)
      segment.text = extraction
        .fixExtractionCharacters(segment.text)
        .text.replace(/(?<=\p{L})\u02bc/gu, '\u2019')
        .replace(/(?<!\p{L})\u02bb(?=\p{L})/gu, '\u2018');
    line.text = line.segments.map((s) => s.text).join('');
  }
  let text = '';
  lines.forEach((line, i) => {
    if (i > 0) text += line.page !== lines[i - 1]!.page ? '\n\f' : '\n';
    text += line.text;
  });
  return { lines, text };
}

const squash = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const HEADING_ROLE = /^H[1-6]?$/;
const endsSentence = (text: string) => /[.!?:;]["”’)\]]*$/.test(text.trim());
/** Only links a brief can keep (the same schemes as the renderer lets through). */
const safeUrl = (url: string) => /^(?:https?:|mailto:|tel:)/i.test(url);

interface Draft {
  kind: 'paragraph' | 'heading' | 'item' | 'table' | 'code';
  /** Tables: the table (its structure element, or the table found by layout). */
  table?: string;
  lines: PdfLine[];
  indexes: number[];
  /** List items: marker, level, and the x of their text. */
  item?: { ordered: boolean; marker: string; number?: number; level: number; x: number };
}

export function readPdf(file: VFile, _text: string, options: NormalizeOptions): ReaderResult {
  const pdf = file.data.pdf;
  if (!pdf || !('layout' in pdf)) throw new Error('the PDF reader needs the layout read first');
  const { layout } = pdf;
  const lines = pdf.lines ?? pdfText(layout).lines;
  const at = (i: number): SourceLine => ({ text: lines[i]!.text, line: i + 1, column: 1 });
  const removed = new Map<number, RuleId>();
  const remove = (i: number, ruleId: RuleId) => {
    if (removed.has(i)) return;
    removed.set(i, ruleId);
    recordRemoved(file, [at(i)], ruleId);
  };

  const images = layout.pages.reduce((n, p) => n + p.images, 0);
  if (images) {
    defineRule('pdf-images').report(file, `${images} image${images > 1 ? 's' : ''} in the PDF ignored: only its text is read`, {
      place: { line: 1, column: 1 },
      severity: 'info',
    });
  }

  // The body's type: the size most letters have.
  const sizes = new Map<number, number>();
  for (const line of lines) sizes.set(line.size, (sizes.get(line.size) ?? 0) + line.text.length);
  const body = [...sizes].reduce((a, b) => (b[1] > a[1] ? b : a), [10, 0])[0];

  // The title: the largest type on page 1 (a tagged PDF's H1 first), one or more lines of one region.
  const first = lines.find((line) => !line.artifact)?.page ?? 1; // the first page with text
  const firstPage = lines.map((line, i) => ({ line, i })).filter(({ line }) => line.page === first && !line.artifact);
  const taggedTitle = firstPage.filter(({ line }) => line.roles?.includes('H1'));
  const largest = Math.max(...firstPage.map(({ line }) => line.size));
  let titleIndexes: number[] = [];
  const seed = taggedTitle[0] ?? (largest >= body * 1.15 ? firstPage.find(({ line }) => line.size === largest) : undefined);
  if (seed) {
    titleIndexes = [seed.i];
    for (let k = seed.i + 1; k < lines.length; k++) {
      const next = lines[k]!;
      const same =
        seed.line.element !== undefined
          ? next.element === seed.line.element
          : next.size === seed.line.size && next.region === seed.line.region;
      if (!same || titleIndexes.length >= 4) break;
      titleIndexes.push(k);
    }
  }
  const metaTitle = layout.info.title && !/\.(?:docx?|odt|pdf|html?|rtf|txt)$/i.test(layout.info.title) ? layout.info.title : undefined;

  const furniture = findFurniture(lines, layout.pages, layout.tagged, [
    ...(metaTitle ? [metaTitle] : []),
    titleIndexes.map((i) => lines[i]!.text).join(' '),
  ]);
  for (const [i, ruleId] of furniture) if (!titleIndexes.includes(i)) remove(i, ruleId);
  titleIndexes = titleIndexes.filter((i) => !removed.has(i));

  const words = lazyVocabulary(lines.map((l) => l.text).join('\n'));
  const evidence = acronymEvidence(
    lines
      .filter((_, i) => !titleIndexes.includes(i))
      .map((l) => l.text)
      .join('\n'),
  );
  let title: string;
  const rawTitle = titleIndexes.map((i) => lines[i]!.text).reduce((a, b) => joinWrapped(a, b, words), '');
  if (rawTitle && metaTitle && squash(rawTitle) === squash(metaTitle)) title = metaTitle;
  else if (rawTitle) title = toTitleCase(rawTitle, evidence);
  else {
    // No larger type: the document's Title, or the first short line.
    const inText = metaTitle ? lines.findIndex((l) => squash(l.text) === squash(metaTitle)) : -1;
    const short = lines.findIndex((l, i) => !removed.has(i) && l.text.split(/\s+/).length <= 14 && !endsSentence(l.text));
    const pick = inText >= 0 ? inText : metaTitle ? -1 : short;
    if (pick >= 0) titleIndexes = [pick];
    title = metaTitle ?? (pick >= 0 ? (isAllCaps(lines[pick]!.text) ? toTitleCase(lines[pick]!.text, evidence) : lines[pick]!.text) : '');
    if (!title) {
      throw defineRule('no-title').fail(file, 'no recognizable title: no larger type on page 1, no Title in the PDF and no short line', {
        line: 1,
        column: 1,
      });
    }
    defineRule('pdf-title-guessed').report(
      file,
      `no larger type for a title on page 1: the title ("${title}") was ${metaTitle ? "taken from the PDF's Title" : 'guessed'}, check it`,
      { place: { line: (pick >= 0 ? pick : 0) + 1, column: 1 } },
    );
  }
  const titleSet = new Set(titleIndexes);
  const titleStart = titleIndexes[0] ?? 0;

  // Letterhead and labels above the title; the configured organization's details anywhere.
  const configured = configuredMatcher(options.organization);
  lines.forEach((line, i) => {
    if (removed.has(i) || titleSet.has(i)) return;
    const id = configured(line.text) ?? (endMark.test(line.text) ? endMark.id : undefined);
    if (id) remove(i, id);
    else if (i < titleStart && line.page === first) {
      const shape = letterheadShape(line.text);
      if (shape) remove(i, shape);
      else if (documentLabel.test(line.text)) remove(i, documentLabel.id);
      else if (organization.test(line.text) || organization.looksLikeName(line.text)) remove(i, organization.id);
      else if ((isAllCaps(line.text) && line.text.split(/\s+/).length <= 8) || tagline.hasSeparators(line.text)) remove(i, tagline.id); // a kicker, a slogan
    }
  });

  // The date (and a byline) next to the title.
  const data: ReaderResult['data'] = { title: title.replace(/\s+/g, ' ').trim(), kind: 'brief' };
  let authors: Author[] | undefined;
  const near = lines
    .map((_, i) => i)
    .filter((i) => !removed.has(i) && !titleSet.has(i) && lines[i]!.page === first && !lines[i]!.mono)
    .filter((i) => Math.abs(i - (titleIndexes.at(-1) ?? 0)) <= 4 || i < titleStart);
  for (const i of near) {
    const text = lines[i]!.text;
    const byline = /^by\s+(.+?)\s*(?:[·•|–—]\s*(.+))?$/i.exec(text);
    const date =
      parseDateLine(text) ?? parseMonthLine(text) ?? (byline?.[2] ? (parseDateLine(byline[2]) ?? parseMonthLine(byline[2])) : undefined);
    if (byline && text.split(/\s+/).length <= 20) {
      authors = byline[1]!
        .split(/\s*,\s*|\s+and\s+/)
        .filter(Boolean)
        .map((name): Author => {
          const url = lines[i]!.segments.find((seg) => seg.url && seg.text.trim() === name && /^https?:/i.test(seg.url))?.url;
          return url ? { name, url } : { name };
        });
      if (date) data.date = date.iso;
      remove(i, 'byline');
      break;
    }
    if (date && !data.date) {
      data.date = date.iso;
      remove(i, 'date-line');
      break;
    }
  }

  // Blocks: lines joined by structure (tagged) or by layout (gaps, type, indent).
  const tagged = layout.tagged;
  const headingsTagged = tagged && lines.some((l) => l.roles?.some((r) => HEADING_ROLE.test(r)));
  const pitch = linePitch(lines);
  const drafts: Draft[] = [];
  const lastNumber = new Map<string, number>();
  const markerXs: number[] = [];
  lines.forEach((line, i) => {
    if (removed.has(i) || titleSet.has(i)) return;
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
    const isHeading = headingsTagged ? !!line.roles?.some((r) => HEADING_ROLE.test(r)) : line.bold || line.size >= body * 1.15;
    drafts.push({ kind: isHeading ? 'heading' : 'paragraph', lines: [line], indexes: [i] });
  });
  // A "heading" must look like one: short, not a sentence; a list ends before a heading or paragraph at the left margin.
  for (const draft of drafts) {
    if (draft.kind !== 'heading') continue;
    const text = draft.lines.map((l) => l.text).join(' ');
    if (text.split(/\s+/).length > 16 || /[.,;]["”’)]?$/.test(text) || draft.lines.length > 3 || !/\p{L}/u.test(text))
      draft.kind = 'paragraph';
  }
  if (drafts.length && markerXs.length) for (const d of drafts) if (d.kind !== 'item') lastNumber.clear();

  // Links: each linked stretch of text is marked, and becomes a Markdown link after rendering.
  // The link's text is kept aside (a token in its place), so that nothing turns it into a link of its own.
  const links: { url: string; text: string; code?: boolean }[] = [];
  /** Code spans (text in a fixed-pitch font), kept aside like links. */
  const spans: string[] = [];
  const textOf = (draft: Draft) => {
    let text = '';
    draft.lines.forEach((line, n) => {
      let lineText = '';
      line.segments.forEach((segment, k) => {
        let own = segment.text;
        if (n === 0 && k === 0 && draft.kind === 'item' && !tagged) own = stripMarker(own);
        const lead = /^\s*/.exec(own)![0];
        const trail = /\s*$/.exec(own)![0];
        if (segment.url && safeUrl(segment.url) && own.trim()) {
          links.push({ url: segment.url, text: own.trim(), ...(segment.code ? { code: true } : {}) });
          lineText += `${lead}\uFDD0${links.length - 1}\uFDD1${trail}`;
        } else if (segment.code && own.trim()) {
          spans.push(own.trim());
          lineText += `${lead}\uFDD2${spans.length - 1}\uFDD3${trail}`;
        } else lineText += own;
      });
      text = n === 0 ? lineText.trim() : joinLine(text, lineText, words);
    });
    // One link over two lines is one link.
    return (
      text
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/\uFDD0(\d+)\uFDD1 \uFDD0(\d+)\uFDD1/g, (whole, a: string, b: string) => {
          const [first, second] = [links[Number(a)]!, links[Number(b)]!];
          if (first.url !== second.url) return whole;
          first.text += ` ${second.text}`;
          return `\uFDD0${a}\uFDD1`;
        })
        // One code span over two lines is one code span; a browser breaks it at a space or after a hyphen.
        .replace(/\uFDD2(\d+)\uFDD3 \uFDD2(\d+)\uFDD3/g, (_, a: string, b: string) => {
          spans[Number(a)] += `${spans[Number(a)]!.endsWith('-') ? '' : ' '}${spans[Number(b)]}`;
          return `\uFDD2${a}\uFDD3`;
        })
    );
  };

  const blocks: Block[] = [];
  const tables: string[] = [];
  for (const draft of drafts) {
    const line = at(draft.indexes[0]!);
    if (draft.kind === 'table' || draft.kind === 'code') {
      tables.push(
        draft.kind === 'code' ? renderCode(draft.lines) : renderTable(draft, (lines) => textOf({ kind: 'paragraph', lines, indexes: [] })),
      );
      blocks.push({ type: 'paragraph', text: `\uFDD4${tables.length - 1}\uFDD4`, line });
      continue;
    }
    const text = textOf(draft);
    if (!text) continue;
    if (draft.kind === 'heading') blocks.push({ type: 'heading', text, line });
    else if (draft.kind === 'paragraph') blocks.push({ type: 'paragraph', text, line });
    else {
      const { ordered, marker, number, level } = draft.item!;
      const entry: ListItem = { ordered, marker, indent: 0, level, text: tagged ? stripMarker(text) : text, line };
      if (number !== undefined) entry.number = number;
      const last = blocks.at(-1);
      if (last?.type === 'list') last.items.push(entry);
      else blocks.push({ type: 'list', items: [entry], line });
    }
  }
  // A list's levels count from 1.
  for (const block of blocks) {
    if (block.type !== 'list') continue;
    const min = Math.min(...block.items.map((i) => i.level));
    let previous = 0;
    for (const item of block.items) {
      item.level = Math.min(item.level - min + 1, previous + 1);
      previous = item.level;
    }
  }

  // Footnotes: a "Footnotes" heading over a numbered list, or a closing list whose items end in a back-reference (↩).
  const notes: string[] = [];
  for (let k = blocks.length - 1; k >= 0; k--) {
    const block = blocks[k]!;
    if (block.type !== 'list' || !block.items.every((item) => item.ordered || /↩\s*$/.test(item.text))) continue;
    const heading = blocks[k - 1];
    const labelled = heading?.type === 'heading' && /^(?:foot|end)?notes$/i.test(heading.text.trim());
    if (!labelled && !block.items.every((item) => /↩\s*$/.test(item.text))) continue;
    const text = block.items.map((item, n) => `[^${item.number ?? n + 1}]: ${toInline(item.text.replace(/\s*↩\s*$/, ''))}`).join('\n\n');
    notes.push(text);
    blocks.splice(labelled ? k - 1 : k, labelled ? 2 : 1, { type: 'paragraph', text: `\uFDD6${notes.length - 1}\uFDD6`, line: block.line });
    if (labelled) recordRemoved(file, [heading.line], 'pdf-footnotes-heading');
    break;
  }

  const plain = (text: string) =>
    text
      .replace(/\uFDD0(\d+)\uFDD1/g, (_, n: string) => links[Number(n)]!.text)
      .replace(/\uFDD2(\d+)\uFDD3/g, (_, n: string) => spans[Number(n)]!)
      .replace(/\uFDD5\d+\uFDD5/g, '');
  colophon(blocks, data, plain, layout, removeBlockLines(file));

  // A dateline at the start of the text, as the text readers find it.
  if (!data.date) {
    const date = guessDatelineDate(file, blocks, plain);
    if (date) data.date = date;
  }
  if (authors?.length) data.authors = authors;
  else if (
    layout.info.author &&
    !/^(?:user|admin|owner|unknown|microsoft|administrator)\b/i.test(layout.info.author) &&
    !configured(layout.info.author) &&
    !organization.test(layout.info.author)
  )
    data.authors = layout.info.author
      .split(/\s*[;,]\s*|\s+and\s+/)
      .filter(Boolean)
      .map((name) => ({ name }));

  const firstParagraph = blocks.find(
    (b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph' && plain(b.text).split(/\s+/).length >= 8,
  );
  const contacts: Contact[] = (data.contacts ?? [])
    .concat(findContacts(blocks.flatMap((b) => (b.type === 'paragraph' ? [{ text: plain(b.text), block: false }] : []))))
    .filter((c, n, all) => all.findIndex((o) => o.name === c.name && (o.email ?? '') === (c.email ?? '')) === n);
  if (contacts.length) data.contacts = contacts;
  else delete data.contacts;
  const summary = firstParagraph ? summarize(plain(firstParagraph.text)) : undefined;
  if (summary) data.summary = summary;

  const markdown = renderBlocks(blocks, evidence)
    .replace(/\uFDD4(\d+)\uFDD4/g, (_, n: string) => tables[Number(n)]!)
    .replace(/\uFDD6(\d+)\uFDD6/g, (_, n: string) => notes[Number(n)]!)
    .replace(/\uFDD5(\d+)\uFDD5/g, '[^$1]')
    .replace(/\uFDD2(\d+)\uFDD3/g, (_, n: string) => codeSpan(spans[Number(n)]!))
    .replace(/\uFDD0(\d+)\uFDD1/g, (_, n: string) => {
      const { url, text, code } = links[Number(n)]!;
      if (!code && (text === url || `mailto:${text}` === url)) return url.startsWith('mailto:') ? `[${text}](${url})` : `<${url}>`;
      return `[${code ? codeSpan(text) : escapeText(text)}](${/[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url})`;
    });
  return { data, body: markdown };
}

/**
 * A table as a GFM table: rows (TR) of cells (TD, TH) left to right in a tagged PDF, or
 * the rows and columns the layout showed; the first row is the header.
 */
function renderTable(draft: Draft, textOf: (lines: PdfLine[]) => string): string {
  const rows = new Map<number, Map<number, { column?: number; lines: PdfLine[] }>>();
  for (const line of draft.lines) {
    let row: number;
    let cell: number;
    if (line.table) [row, cell] = [line.table.row, line.table.column];
    else {
      const roles = line.roles!;
      row = line.elements![roles.lastIndexOf('TR')] ?? -1;
      const cellAt = Math.max(roles.lastIndexOf('TD'), roles.lastIndexOf('TH'));
      cell = cellAt >= 0 ? line.elements![cellAt]! : line.element!;
    }
    if (!rows.has(row)) rows.set(row, new Map());
    const cells = rows.get(row)!;
    if (!cells.has(cell)) cells.set(cell, line.table ? { column: line.table.column, lines: [] } : { lines: [] });
    cells.get(cell)!.lines.push(line);
  }
  const render = (lines: PdfLine[]) => toInline(textOf(lines.sort((a, b) => b.y - a.y || a.x0 - b.x0))).replace(/\|/g, '\\|');
  /** Column → the left and right ends of the first line of its cells below the header. */
  const ends = new Map<number, [number, number][]>();
  const table = [...rows.values()].map((cells, r) => {
    const out: string[] = [];
    const ordered = [...cells.values()].sort((a, b) => a.lines[0]!.x0 - b.lines[0]!.x0);
    // Cells found by layout keep their column, with empty cells between them.
    for (const cell of ordered) {
      const column = cell.column ?? out.length;
      out[column] = render(cell.lines);
      const first = cell.lines.reduce((a, b) => (b.y > a.y ? b : a));
      if (r > 0) ends.set(column, [...(ends.get(column) ?? []), [first.x0, first.x1]]);
    }
    return Array.from(out, (cell) => cell ?? '');
  });
  const width = Math.max(...table.map((r) => r.length));
  // A column's alignment, as its cells line up: at the left (the usual), the right or the middle.
  const lined = (values: number[]) => values.length >= 2 && Math.max(...values) - Math.min(...values) <= 1.5;
  const align = Array.from({ length: width }, (_, k) => {
    const at = ends.get(k) ?? [];
    if (!at.length || lined(at.map(([a]) => a))) return '---';
    if (lined(at.map(([, b]) => b))) return '--:';
    return lined(at.map(([a, b]) => (a + b) / 2)) ? ':-:' : '---';
  });
  const row = (cells: string[]) => `| ${Array.from({ length: width }, (_, k) => cells[k] ?? '').join(' | ')} |`;
  return [row(table[0]!), row(align), ...table.slice(1).map(row)].join('\n');
}

/** A code span: fenced by more backticks than any run of them inside, with a space where it starts or ends with one. */
function codeSpan(text: string): string {
  const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = /^`|`$/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * A code block from lines in a fixed-pitch font: each line's indent from its left edge in
 * character widths, a blank line where the gap between two lines is wider than the rest.
 */
function renderCode(lines: readonly PdfLine[]): string {
  const left = Math.min(...lines.map((l) => l.x0));
  const char = Math.min(...lines.map((l) => (l.x1 - l.x0) / Math.max(1, l.text.length)));
  const steps = lines.slice(1).map((l, k) => lines[k]!.y - l.y);
  const step = Math.min(...steps);
  const out: string[] = [];
  lines.forEach((line, k) => {
    if (k > 0 && steps[k - 1]! > step * 1.6) out.push('');
    out.push(' '.repeat(Math.max(0, Math.round((line.x0 - left) / char))) + line.segments.map((s) => s.text).join(''));
  });
  const text = out.join('\n');
  const fence = '`'.repeat(Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  return `${fence}\n${text}\n${fence}`;
}

/** The usual distance between baselines in a paragraph, per type size. */
function linePitch(lines: readonly PdfLine[]): Map<number, number> {
  const found = new Map<number, number[]>();
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    const d = a.y - b.y;
    if (a.page === b.page && a.region === b.region && a.size === b.size && d > 0 && d < a.size * 2.2) {
      if (!found.has(a.size)) found.set(a.size, []);
      found.get(a.size)!.push(d);
    }
  }
  const out = new Map<number, number>();
  for (const [size, ds] of found) out.set(size, ds.sort((x, y) => x - y)[Math.floor(ds.length * 0.3)]!);
  return out;
}

function joins(
  draft: Draft,
  previous: PdfLine,
  line: PdfLine,
  { tagged, sameElement, pitch, body }: { tagged: boolean; sameElement: boolean; pitch: Map<number, number>; body: number },
): boolean {
  if (tagged && previous.element !== undefined && line.element !== undefined) return sameElement;
  const continues = !endsSentence(previous.text) && /^\p{Ll}/u.test(line.text);
  if (line.region !== previous.region || line.page !== previous.page) return continues && draft.kind !== 'heading';
  if (Math.abs(line.size - previous.size) > 0.1 * previous.size || line.bold !== previous.bold) return false;
  const step = previous.y - line.y;
  const usual = pitch.get(previous.size) ?? previous.size * 1.25;
  if (step <= 0 || step > usual * 1.3) return false;
  if (draft.kind === 'item') return line.x0 >= draft.item!.x + body * 0.3 || continues || /\p{L}[-\u2010\u00ad]$/u.test(previous.text);
  if (draft.kind === 'heading') return !endsSentence(previous.text) && line.x0 <= previous.x0 + body;
  // A first-line indent after a sentence starts a new paragraph.
  if (line.x0 > previous.x0 + body * 0.8 && endsSentence(previous.text)) return false;
  return true;
}

/** Join a line to a paragraph: a hyphenation hyphen (U+2010 or a soft hyphen) goes; a plain one stays unless the text writes the word whole. */
function joinLine(before: string, after: string, words: WordSet): string {
  const tail = before.trimEnd();
  const next = after.trim();
  if (/\p{L}[\u2010\u00ad]$/u.test(tail) && /^\p{L}/u.test(next)) return tail.slice(0, -1) + next;
  // PDF engines mark their own hyphenation (U+2010, a soft hyphen): a plain hyphen is the author's, unless the text writes the word whole.
  const broken = /(\p{L}+)-$/u.exec(tail);
  const rest = broken ? /^\p{L}+/u.exec(next)?.[0] : undefined;
  if (broken && rest) return words.has(`${broken[1]}${rest}`.toLowerCase()) ? tail.slice(0, -1) + next : tail + next;
  return joinWrapped(tail, after, words);
}

/** The list marker (glyph or number) at the start of an item's text. */
function stripMarker(text: string): string {
  return parseItem(text)?.text ?? text;
}

/** Remove a block's lines from the body, recorded under a rule. */
function removeBlockLines(file: VFile) {
  return (block: Block, ruleId: RuleId) => recordRemoved(file, [block.line], ruleId);
}

/**
 * The closing lines of a printed brief: "Tags a · b", "Source <url>" / "Published at
 * <url>", a copyright line, and a "Contact(s)" section of name, role and e-mail items:
 * front matter, not body.
 */
function colophon(
  blocks: Block[],
  data: ReaderResult['data'],
  plain: (text: string) => string,
  layout: PdfLayout,
  drop: (block: Block, ruleId: RuleId) => void,
): void {
  for (let k = blocks.length - 1; k >= Math.max(0, blocks.length - 8); k--) {
    const block = blocks[k]!;
    if (block.type === 'paragraph') {
      const text = plain(block.text);
      const tags = /^tags?\s*:?\s+(.+)$/i.exec(text);
      const origin = /^(source(?:\s+url)?|published\s+at|originally\s+published\s+at)\s*:?\s+(https?:\/\/\S+)$/i.exec(text);
      if (tags && !data.tags) {
        data.tags = tags[1]!.split(/\s*[·•|;,]\s*/).filter(Boolean);
        if (layout.info.keywords && squash(layout.info.keywords) === squash(tags[1]!))
          data.tags = layout.info.keywords.split(/\s*[;,]\s*/).filter(Boolean);
        drop(block, 'pdf-tags');
        blocks.splice(k, 1);
      } else if (origin && !data.source_url) {
        data.source_url = origin[2]!;
        if (/published/i.test(origin[1]!)) data.kind = 'post';
        drop(block, 'pdf-source-url');
        blocks.splice(k, 1);
      } else if (/^(?:the\s+)?(?:copyright|©)/i.test(text) && !data.rights && k >= blocks.length - 3) {
        data.rights = text;
        drop(block, 'pdf-rights');
        blocks.splice(k, 1);
      }
    } else if (block.type === 'heading' && /^contacts?$/i.test(plain(block.text).trim())) {
      const next = blocks[k + 1];
      if (next?.type !== 'list') continue;
      const found = next.items.flatMap((item) => contactsIn(plain(item.text), true));
      if (found.length === next.items.length) {
        data.contacts = found;
        drop(block, 'pdf-contacts');
        blocks.splice(k, 2);
      }
    }
  }
}
