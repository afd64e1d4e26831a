/**
 * A web article told from a brief by its page: a saved page's headline with its publication
 * date right under it or in front of it ("Partner Abigail Healey comments on ICO fines …" /
 * "December 14, 2023"; "March 22, 2017 - Privacy Center's Alvaro Bedoya Testifies …"), in a
 * text of paragraphs a line each, with nothing above the headline (no letterhead, no site's
 * label such as "Press Release"), is how a site's news and blog pages print an article. A press
 * release prints the same way on many sites, so the text must show none of a press office's
 * furniture (a dateline, a media contact, "For immediate release"), of a letter's (a "Dear …"
 * salutation) or of a hearing's; and no printed document's pages (page numbers, a running
 * header, a table of contents) or a cover's month ("MAY 2018") show a report.
 */
import type { VFile } from 'vfile';
import { isBlank, type SourceLine } from '../text/source-lines.js';
import { salutation, wrapWidth, type Block } from '../text/blocks.js';
import type { Candidate } from './candidates.js';
import type { Page } from './page.js';
import { neighbour } from './page.js';
import { personName } from '../text/contacts.js';
import { organization } from '../text/letterhead.js';
import { isAllCaps } from '../text/title-case.js';
import { isEnglishWord } from '../text/english-words.js';
import { type FoundDate, parseBylineDate, parseDateLine, parseMonthLine } from '../text/dates.js';
import { isLabelledDate } from './letter-lines.js';

/** Rules whose lines above a headline are only the site's furniture, no letterhead and no label. */
const SITE_FURNITURE = new Set(['web-furniture', 'image-credit', 'browser-print']);
/** Rules that find a printed document's pages: a page number, a running header, a table of contents. */
const DOCUMENT_PAGES = new Set(['page-number', 'running-header', 'table-of-contents']);

/** Did the text's pages print a page number, a running header or a table of contents (a document's pages, no web page)? */
const printedPages = (file: VFile): boolean => (file.data.removed ?? []).some((r) => DOCUMENT_PAGES.has(r.ruleId));

/** Is the text a page of paragraphs a line each (no hard-wrapped lines, no page breaks)? */
export function isParagraphPerLine(lines: readonly SourceLine[]): boolean {
  return wrapWidth(lines, 200) === undefined && !lines.some((line) => line.pageStart);
}

/**
 * Does the headline (`title`) carry its date on its own line right under it, or at its start
 * (`dateIndex`, the top's date line), with nothing but the site's furniture above it?
 */
export function isDatedHeadline(file: VFile, page: Page, title: Candidate, dateIndex: number): boolean {
  if (dateIndex < 0 || title.fromSentence || !title.indexes.length) return false;
  const first = title.indexes[0]!;
  const last = title.indexes.at(-1)!;
  if (dateIndex !== first && dateIndex !== neighbour(page.lines, last, 1)) return false;
  // A day's date (an article's), not a month's (a report's cover: "MAY 2018").
  if (dateIndex !== first && !parseDateLine(page.lines[dateIndex]!.text) && !parseBylineDate(page.lines[dateIndex]!.text)) return false;
  // A date line that names the document's kind ("Press Release | February 22, 2017"): the page files it as one.
  if (isLabelledDate(page.lines[dateIndex]!.text)) return false;
  const removed = file.data.removed ?? [];
  if (printedPages(file)) return false;
  const firstLine = page.lines[first]!.line;
  const above = removed.filter((r) => r.line < firstLine && !SITE_FURNITURE.has(r.ruleId));
  const keptAbove = page.lines.slice(0, first).some((line, i) => !isBlank(line) && !page.removed.has(i));
  return !above.length && !keptAbove;
}

/** Does the body hold a letter's salutation ("Dear Chair Cantwell and Ranking Member Wicker:")? */
export const greets = (blocks: readonly Block[]): boolean =>
  blocks.some((block) => block.type === 'paragraph' && /^\s*dear\s/i.test(block.text) && salutation.test(block.text));

/**
 * A newsletter's name for one issue ("IFF's September Newsletter", "Supporter Newsletter:
 * September 2018", "DPO Newsletter: … (issue #74)", "Monthly round-up"): short, it names the
 * newsletter, a bulletin or a round-up, or an issue's number. A newsletter posted on its
 * site is the site's article; its name is the title and its stories' headlines are headings.
 */
const newsletterWords = /\b(?:newsletters?|bulletin|round-?up|recap|issue\s+(?:no\.?\s*)?#?\d{1,4})\b/i;
export function isNewsletterName(text: string): boolean {
  const t = text.trim();
  return t.split(/\s+/).length <= 12 && newsletterWords.test(t) && !/[.;,]$/.test(t);
}

/** The month a newsletter's name gives its issue ("Supporter Newsletter: September 2018"), else none. */
export function newsletterMonth(text: string): FoundDate | undefined {
  const m =
    /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?:19|20)\d{2}\b/i.exec(
      text,
    );
  return m ? parseMonthLine(m[0]) : undefined;
}

/**
 * A person's name alone on the line above the headline, the first line of the text (a news
 * site's byline over its headline: "Brian Sims" / "ICO and Cabinet Office reach agreement …"):
 * two or three capitalized words, one of them no English word, that name no organization and
 * that the text does not say again, in a text of paragraphs a line each with no printed pages. The
 * name, or undefined.
 */
export function nameAboveHeadline(
  page: Page,
  candidates: readonly Candidate[],
  titleAt: number,
): { name: string; line: SourceLine } | undefined {
  const above = titleAt === 1 && isParagraphPerLine(page.lines) && !printedPages(page.file) ? candidates[0] : undefined;
  const line = above?.lines.length === 1 ? above.lines[0]! : undefined;
  const name = line?.text.trim() ?? '';
  const words = name.split(/\s+/);
  if (!line || words.length < 2 || words.length > 3 || isAllCaps(name) || !personName.test(name)) return undefined;
  if (organization.looksLikeName(name) || words.every((word) => isEnglishWord(word.toLowerCase()))) return undefined;
  // Said once: a byline names its writer above the headline; an organization's name comes back in its text or footer.
  const said = page.lines.filter((l) => l.text.includes(name)).length;
  return said === 1 ? { name, line } : undefined;
}
