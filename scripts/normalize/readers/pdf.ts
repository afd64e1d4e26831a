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
 * Each step is a module of pdf/.
 */
import type { VFile } from 'vfile';
import type { NormalizeOptions, ReaderResult } from '../reader.js';
import type { Contact } from '../../core/types.js';
import type { PdfLayout } from '../pdf/read-pdf.js';
import type { PdfLine } from '../pdf/layout-lines.js';
import { pdfText } from '../pdf/pdf-text.js';
import { removedLines } from '../pdf/removed-lines.js';
import { bodySize } from '../pdf/type-sizes.js';
import { metadataTitle, pdfTitleStyle, readTitle, titleLines } from '../pdf/title.js';
import { findFurniture } from '../pdf/page-furniture.js';
import { removeLetterhead, removePageHead } from '../pdf/letterhead-lines.js';
import { pdfHearingCover } from '../pdf/hearing-cover.js';
import { readPrintedPage } from '../pdf/printed-page.js';
import { withoutFieldWord } from '../text/hearing-cover.js';
import { reportGuess } from '../text/guessed.js';
import { bylineNearTitle, metadataAuthors } from '../pdf/byline.js';
import { draftBlocks, type Draft } from '../pdf/drafts.js';
import { cells, rows } from '../pdf/table-grid.js';
import { joinTablesAcrossPages } from '../pdf/table-pages.js';
import { keptAside, whollyEmphasized, type KeptAside } from '../pdf/kept-aside.js';
import { bodyBlocks } from '../pdf/body-blocks.js';
import { moveFootnotes } from '../pdf/footnote-list.js';
import { noteNumber, pageNotes } from '../pdf/page-notes.js';
import { toInline } from '../text/inline.js';
import { readColophon } from '../pdf/colophon.js';
import { configuredMatcher } from '../text/letterhead.js';
import { guessDatelineDate } from '../text/dateline.js';
import { listingDate, listingSummary } from '../text/listing.js';
import { placeOf, recordRemoved } from '../text/source-lines.js';
import { renderBlocks, type Block } from '../text/blocks.js';
import { lazyVocabulary } from '../rules/dehyphenate.js';
import { contactBlock, contactLabel, contactsIn as contactsInText, findContacts } from '../text/contacts.js';
import { summaryOf } from '../plain-text/summary-source.js';
import { witnessName } from '../text/witness.js';
import { defineRule, type RuleId } from '../../core/rules.js';

export { pdfText } from '../pdf/pdf-text.js';

export const reader = 'pdf';

declare module 'vfile' {
  interface DataMap {
    /** A PDF source's layout, read before `normalize()` (pdf/pre-read.ts); or why it could not be read. */
    pdf: { layout: PdfLayout; lines?: PdfLine[] } | { ruleId: RuleId; reason: string };
  }
}

export function readPdf(file: VFile, _text: string, options: NormalizeOptions): ReaderResult {
  const pdf = file.data.pdf;
  if (!pdf || !('layout' in pdf)) throw new Error('the PDF reader needs the layout read first');
  const { layout } = pdf;
  const lines = pdf.lines ?? pdfText(layout).lines;
  const removed = removedLines(file, lines);
  noteImages(file, layout);

  // The title, and the page furniture around it (kept from removing the title itself).
  const body = bodySize(lines);
  // A testimony's cover block names its topic, the title, whatever type the lines are set in.
  const cover = pdfHearingCover(lines, removed);
  const seed = cover ? { first: cover.page, indexes: cover.title } : titleLines(lines, body);
  const metaTitle = metadataTitle(layout.info);
  const furniture = findFurniture(lines, layout.pages, layout.tagged, [
    ...(metaTitle ? [metaTitle] : []),
    seed.indexes.map((i) => lines[i]!.text).join(' '),
  ]);
  for (const [i, ruleId] of furniture) if (!seed.indexes.includes(i)) removed.remove(i, ruleId);
  const words = lazyVocabulary(lines.map((l) => l.text).join('\n'));
  // The topic without the field's word before it on its line ("On Reauthorization of NTIA").
  const titleSource =
    cover?.inline === undefined ? lines : lines.map((l, i) => (i === cover.inline ? { ...l, text: withoutFieldWord(l.text) } : l));
  const {
    title,
    indexes: titleIndexes,
    evidence,
  } = readTitle(file, titleSource, seed.indexes, metaTitle, removed, words, pdfTitleStyle(layout.info, options.titleCase));
  // A cover's lines are its own, wherever its topic stands among them: the title block starts with the cover.
  const titleAt = { indexes: new Set(titleIndexes), start: Math.min(titleIndexes[0] ?? 0, ...(cover?.rest ?? [])), page: seed.first };

  // Letterhead above the title, then the byline or date next to it.
  const configured = configuredMatcher(options.organization);
  removeLetterhead(lines, titleAt, configured, removed);
  const data: ReaderResult['data'] = { title: title.replace(/\s+/g, ' ').trim(), kind: 'brief' };
  const byline = bylineNearTitle(lines, { ...titleAt, indexes: titleIndexes }, removed);
  if (byline.date) data.date = byline.date;
  if (byline.updated) data.updated = byline.updated;
  if (seed.indexes.length && !cover) removePageHead(lines, titleAt, removed);

  // The body: drafts of blocks from structure or layout, written as blocks, links and code kept aside.
  const notes = pageNotes(lines, (i) => removed.has(i) || titleAt.indexes.has(i), body);
  const noteLines = new Set(notes.flatMap((note) => note.indexes));
  const drafts = joinTablesAcrossPages(
    draftBlocks(lines, (i) => removed.has(i) || titleAt.indexes.has(i) || noteLines.has(i), layout.tagged, body, new Set(cover?.rest)),
  );
  const kept = keptAside(words);
  const blocks = bodyBlocks(drafts, kept, removed.at);
  if (notes.length) {
    // The notes at the pages' feet, as footnote definitions at the end.
    const text = notes
      .map(
        (note) =>
          `[^${note.number}]: ${toInline(
            kept.textOf(
              note.indexes.map((i) => lines[i]!),
              (t) => noteNumber(t)?.rest ?? t,
            ),
          )}`,
      )
      .join('\n\n');
    blocks.push({ type: 'paragraph', text: kept.keepBlock(text), line: removed.at(notes[0]!.indexes[0]!) });
  }
  moveFootnotes(file, blocks, kept);
  readColophon(file, blocks, data, kept.plain, layout);

  readContactLine(file, blocks, data, kept.plain);
  // The rest of the front matter: a dateline's date (or, in a PDF that is all table, its first row's), authors, contacts and the summary.
  const opening = firstRunningText(blocks, kept.plain);
  const listing = opening ? undefined : drafts.find((d) => d.kind === 'table');
  const row = listing ? listingRow(listing, kept) : [];
  if (!data.date) {
    const date =
      guessDatelineDate(file, blocks, kept.plain) ??
      (listing ? listingDate(file, row, placeOf(removed.at(listing.indexes[0]!))) : undefined);
    if (date) data.date = date;
  }
  // A browser's print of a blog post: the day in the page's address.
  readPrintedPage(file, lines, blocks, data);
  // Else the witness a statement's or testimony's title names ("Statement of Commissioner Michael O’Rielly").
  const witness = witnessName(data.title);
  const fromCover = !byline.authors?.length && cover?.witness;
  if (fromCover)
    reportGuess(
      file,
      'authors',
      fromCover.name,
      'the witness a testimony’s cover names ("Statement of" / the name)',
      placeOf(removed.at(fromCover.index)),
    );
  const speaker = fromCover ? fromCover.name : witness;
  const authors = byline.authors?.length ? byline.authors : speaker ? [{ name: speaker }] : metadataAuthors(layout.info, configured);
  if (authors) data.authors = authors;
  const contacts = contactsIn(blocks, data, kept.plain);
  if (contacts.length) data.contacts = contacts;
  else delete data.contacts;
  // The summary as the text readers choose it (after a letter's salutation, not from its inside address).
  const summary =
    standfirst(blocks, kept.plain) ?? (opening ? summaryOf(plainBlocks(blocks, kept.plain), data.title) : listingSummary(row, data.title));
  if (summary) data.summary = summary;

  return { data, body: kept.restore(renderBlocks(blocks, evidence)) };
}

/** Images are not read: a note says how many were left out. */
function noteImages(file: VFile, layout: PdfLayout): void {
  const images = layout.pages.reduce((n, p) => n + p.images, 0);
  if (images) {
    defineRule('pdf-images').report(file, `${images} image${images > 1 ? 's' : ''} in the PDF ignored: only its text is read`, {
      place: { line: 1, column: 1 },
      severity: 'info',
    });
  }
}

/** The first paragraph of eight words or more: running text. */
function firstRunningText(blocks: readonly Block[], plain: (text: string) => string): Extract<Block, { type: 'paragraph' }> | undefined {
  return blocks.find((b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph' && plain(b.text).split(/\s+/).length >= 8);
}

/**
 * A standfirst: the body's first block a short phrase or one sentence set wholly in italic or bold, apart
 * from the running text ("Says ban raises serious First Amendment concerns"). It is the text's own summary.
 */
function standfirst(blocks: readonly Block[], plain: (text: string) => string): string | undefined {
  const first = blocks[0];
  if (first?.type !== 'paragraph' || !whollyEmphasized(first.text)) return undefined;
  const text = plain(first.text).trim();
  const words = text.split(/\s+/).length;
  // One phrase or sentence: no full stop before its end.
  return words >= 4 && words <= 40 && !/[.!?]["”’)]?\s/.test(text) && blocks.length > 1 ? text : undefined;
}

/** A table's first row below its header, each cell's words. */
function listingRow(table: Draft, kept: KeptAside): string[] {
  return cells(rows(table)[1] ?? []).map((lines) => kept.plain(kept.textOf(lines.sort((a, b) => b.y - a.y || a.x0 - b.x0))));
}

/** Blocks with their words as a reader sees them (links and code written out). */
function plainBlocks(blocks: readonly Block[], plain: (text: string) => string): Block[] {
  return blocks.map((b) =>
    b.type === 'paragraph' || b.type === 'heading' || b.type === 'quote'
      ? { ...b, text: plain(b.text) }
      : b.type === 'list'
        ? { ...b, items: b.items.map((item) => ({ ...item, text: plain(item.text) })) }
        : b,
  );
}

/**
 * A contact line at the head of the text, as the text readers read one ("Contact: Evan Greer,
 * press@fightforthefuture.org, 978-852-6457"): its people go to `contacts` and the line out of
 * the body, recorded under `contact-block`.
 */
function readContactLine(file: VFile, blocks: Block[], data: ReaderResult['data'], plain: (text: string) => string): void {
  const at = blocks.slice(0, 3).findIndex((b) => b.type === 'paragraph' && contactLabel.test(plain(b.text)));
  if (at < 0) return;
  const text = plain((blocks[at] as Extract<Block, { type: 'paragraph' }>).text);
  const block = contactBlock([contactLabel.exec(text)![1]!]);
  const found = block.length ? block : contactsInText(text);
  if (!found.length) return;
  data.contacts = [...(data.contacts ?? []), ...found];
  recordRemoved(file, [{ ...blocks[at]!.line, text }], 'contact-block');
  blocks.splice(at, 1);
}

/** Contacts named in the body, beside the colophon's. */
function contactsIn(blocks: readonly Block[], data: ReaderResult['data'], plain: (text: string) => string): Contact[] {
  return (data.contacts ?? [])
    .concat(findContacts(blocks.flatMap((b) => (b.type === 'paragraph' ? [{ text: plain(b.text), block: false }] : []))))
    .filter((c, n, all) => all.findIndex((o) => o.name === c.name && (o.email ?? '') === (c.email ?? '')) === n);
}
