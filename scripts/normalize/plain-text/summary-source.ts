/**
 * The summary: the first real sentence of the text, found in the paragraph it opens with
 * (after a letter's salutation), a list of points above it, or the first row of a table.
 */
import { salutation, subjectLine, type Block } from '../text/blocks.js';
import { isSummaryText, opensWithCapitalsDateline, plainText, sentences, summarize, withoutPlaceDash } from '../text/summary.js';
import { withoutDateline } from '../text/dateline.js';
import { listingSummary } from '../text/listing.js';
import { openingTableRow } from './date.js';
import { withoutCapitalsLeadIn } from '../text/lead-in.js';

/** The summary of a text with blocks `blocks`, title `title` and authors `authors`, if any paragraph gives one. */
export function summaryOf(blocks: readonly Block[], title: string, authors: readonly string[] = []): string | undefined {
  const text = summarySource(blocks, title, authors);
  if (!text) return listingSummary(openingTableRow(blocks).row, title);
  // A news article's first words set in capitals ("THE INFORMATION Commissioner has …") are written in the text's case.
  const context = blocks.map((b) => (b.type === 'paragraph' ? b.text : '')).join('\n');
  const summary = summarize(withoutDateline(text));
  return summary && withoutCapitalsLeadIn(summary, context);
}

/**
 * The text the summary comes from: the first paragraph of running text; but a list of
 * sentences that opens the body (a release's points in bullets above its text) gives its
 * first item, and a lead-in ending in "said," or "said:" goes with the quotation after it.
 */
function summarySource(blocks: readonly Block[], title: string, authors: readonly string[]): string | undefined {
  const opening = blocks.find((b) => b.type === 'paragraph' || b.type === 'list' || b.type === 'heading' || b.type === 'table');
  if (opening?.type === 'list' && !opening.items[0]!.ordered && isSummaryText(opening.items[0]!.text, title)) return opening.items[0]!.text;
  // A letter says what it is about after its salutation: what comes before it is the page's (an update, a caption).
  // (A statement's "Mr President," comes after its own standfirst: only a letter's "Dear …" counts.)
  const greeting = blocks.slice(0, 12).findIndex((b) => b.type === 'paragraph' && /^\s*dear\b/i.test(b.text) && salutation.test(b.text));
  // So does a press release after its dateline: one-sentence paragraphs before the paragraph it
  // opens are the page's (a photo's caption: "… asks Sec. Locke questions …" / "WASHINGTON, D.C.—This is …").
  const dateline = blocks.slice(0, 4).findIndex((b) => b.type === 'paragraph' && opensWithCapitalsDateline(plainText(b.text)));
  const captions =
    dateline > 0 &&
    blocks
      .slice(0, dateline)
      .every((b) => b.type !== 'paragraph' || !isSummaryText(b.text, title) || sentences(plainText(b.text)).length === 1);
  for (let i = Math.max(greeting, captions ? dateline - 1 : -1) + 1; i < blocks.length; i++) {
    const block = blocks[i]!;
    // Numbered paragraphs ("1. InternetNZ appreciates being asked …", "2. In today’s world, …"): a submission
    // numbers every paragraph of its text, and the first one opens it.
    const numbered = numberedParagraph(block);
    if (numbered && isSummaryText(numbered, title)) return numbered;
    // A letter's or a statement's subject line ("Re: Restoring Internet Freedom, WC Docket No. 17-108.") names what it is about, no summary.
    if (block.type !== 'paragraph' || (subjectLine.test(block.text) && sentences(plainText(block.text)).length <= 1)) continue;
    // The byline's bio of its author ("Steven G. Bradbury is a Distinguished Fellow at The Heritage Foundation."): who wrote it, not what it says.
    if (isAuthorBio(block.text, authors)) continue;
    const next = blocks[i + 1];
    // A lead-in that says the title again and ends in a colon ("<title>: Letter (pdf):"): the quotation under it is the text.
    if (/:$/.test(block.text.trim()) && isTitleAgain(block.text, title) && next?.type === 'paragraph' && /^["“]/.test(next.text)) {
      const quoted = plainText(next.text);
      if (quoted.split(/\s+/).length >= 8 && /[.!?]["”’)]*$/.test(quoted)) return next.text;
    }
    if (/\bsaid[,:]$/.test(block.text.trim()) && next?.type === 'paragraph' && /^["“]/.test(next.text)) {
      const joined = `${block.text.trim()} ${next.text}`;
      if (isSummaryText(joined, title)) return joined;
    }
    // A one-sentence lead-in ending in a colon ("… issued the following statement concerning …:",
    // "… call on all governments to answer the following questions:") goes with what it leads in
    // to: the quotation's first sentence, or the list's first item.
    const ledIn = leadInWith(block.text, next);
    if (ledIn && isSummaryText(ledIn, title)) return ledIn;
    if (isSummaryText(withoutDateline(block.text), title)) return block.text;
    // A paragraph that leads in to a statement ("… released the following statement:") opens with what happened.
    if (/:\s*$/.test(block.text)) {
      const [first, ...rest] = sentences(withoutPlaceDash(plainText(withoutDateline(block.text))));
      if (first && rest.length && isSummaryText(first, title)) return first;
    }
  }
  return undefined;
}

/** The first of a run of numbered paragraphs (every item running text, the first numbered 1), or undefined. */
function numberedParagraph(block: Block): string | undefined {
  if (block.type !== 'list' || !block.items.every((item) => item.ordered)) return undefined;
  const running = (text: string) =>
    /[.!?]["”’)]*$/.test(text.trim()) && (sentences(plainText(text)).length >= 2 || text.split(/\s+/).length >= 25);
  return block.items[0]!.number === 1 && block.items.filter((item) => running(item.text)).length >= Math.max(2, block.items.length - 1)
    ? block.items[0]!.text
    : undefined;
}

/** A one-sentence paragraph ending in a colon, joined to the quotation or list item under it. */
function leadInWith(text: string, next: Block | undefined): string | undefined {
  const lead = text.trim();
  if (!/:$/.test(lead) || sentences(withoutPlaceDash(plainText(withoutDateline(lead)))).length !== 1) return undefined;
  const item = next?.type === 'list' && !next.items[0]!.ordered ? next.items[0]!.text : undefined;
  const quotation = next?.type === 'paragraph' && /^["“]/.test(next.text) ? next.text : undefined;
  const text2 = item ?? quotation;
  return text2 && /[.!?]["”’)]*$/.test(plainText(sentences(plainText(text2))[0] ?? '')) ? `${lead} ${text2}` : undefined;
}

const simplified = (text: string) =>
  plainText(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Does a paragraph open with the title, said again? */
const isTitleAgain = (text: string, title: string) => title.length > 0 && simplified(text).startsWith(simplified(title));

/** Does a paragraph open by saying who one of the authors is ("NAME is a …", "NAME serves as …")? */
function isAuthorBio(text: string, authors: readonly string[]): boolean {
  const plain = plainText(text);
  return authors.some((name) => {
    if (!plain.startsWith(name)) return false;
    return /^,?\s+(?:is|was|serves\s+as|has\s+(?:been|served|worked))\b/.test(plain.slice(name.length));
  });
}
