/**
 * Reader `web-export`: the plain-text "print" export of a blog post (Drupal, WordPress):
 * title, `by [Name](#) [n]` byline, date line, `[text](#) [n]` references resolved from
 * the `Links:` list, tag lines, copyright line, `Source URL:`. Each step is a module of
 * ../web-export/.
 */
import type { VFile } from 'vfile';
import type { NormalizeOptions, ReaderResult } from '../reader.js';
import { toLines } from '../text/source-lines.js';
import { findWebFurniture, isFormatOffer, isImageCredit, readingTimeLine } from '../text/web-furniture.js';
import * as endMark from '../rules/end-mark.js';
import { joinWrapped, toBlocks, wrapWidth } from '../text/blocks.js';
import { lazyVocabulary } from '../rules/dehyphenate.js';
import { acronymEvidence, textTitleStyle, toTitleCaseAny, writesLowerCase } from '../text/title-case.js';
import { plainText } from '../text/summary.js';
import { toInline } from '../text/inline.js';
import { repairText } from '../plain-text/repair.js';
import { bodyLines, toPage } from '../plain-text/page.js';
import { readLinksList } from '../web-export/links.js';
import { readRights, readSourceAndTagLines, readTagList } from '../web-export/page-data.js';
import { readByline, readTitleLines, removeSiteHeader } from '../web-export/header.js';
import { renderWithReferences } from '../web-export/references.js';
import { webSummary } from '../web-export/summary.js';
import { datelineDate, guessDatelineDate } from '../text/dateline.js';
import { reportGuess } from '../text/guessed.js';
import { placeOf } from '../text/source-lines.js';
import { permalinkDay } from '../text/browser-print.js';
import { isBriefSection } from '../rules/document-label.js';

/** Is this text a web "print" export? */
export function looksLikeWebExport(text: string): boolean {
  return (
    // Over the whole text, a pattern never spans lines where it could repeat (`[^\S\n]`, not
    // `\s`): each attempt, from every line start, would run to the end of a run of blank lines.
    /^[^\S\n]*Source URL:/im.test(text) ||
    /^[^\S\n]*Links:?[^\S\n]*\n\s*\[\d+\]\s/im.test(text) ||
    /\]\(#\)\s*\[\d+\]/.test(text) ||
    /^[^\S\n]*by \[[^\]\n]+\]\(/im.test(text)
  );
}

export function readWebExport(file: VFile, text: string, options: NormalizeOptions): ReaderResult {
  const page = toPage(file, toLines(repairText(file, text)));
  const data: ReaderResult['data'] = { title: '', kind: 'post' };

  const list = readLinksList(page);
  readSourceAndTagLines(page, data);
  const tagReferences = readTagList(page, data);
  readRights(page, data, list.links);
  for (const i of findWebFurniture(page.lines, (i) => !page.removed.has(i))) page.remove(i, 'web-furniture');
  // The page's reading time on a line of its own ("Reading time: 56 minutes").
  // And an offer of the publication's formats ("This publication is available in the following format:").
  page.lines.forEach(
    (line, i) =>
      !page.removed.has(i) &&
      (readingTimeLine(line.text)?.before === '' || (line.text.trim() !== '' && isFormatOffer(line.text))) &&
      page.remove(i, 'web-furniture'),
  );
  // A picture's credit where the picture was ("Photo Credit: Getty").
  page.lines.forEach((line, i) => !page.removed.has(i) && line.text.trim() && isImageCredit(line.text) && page.remove(i, 'image-credit'));
  // A press release posted on a blog keeps its end mark ("###", "# # # # #"): not a heading.
  page.lines.forEach((line, i) => !page.removed.has(i) && line.text.trim() && endMark.test(line.text) && page.remove(i, endMark.id));

  const trail = removeSiteHeader(page);
  const { titleLines, end } = readTitleLines(page, data, trail.page);
  const { label } = readByline(page, end, data, list.links);
  // The site files the page among its press releases or reports ("Home > News > Press Releases >
  // …"), labels it so under its title ("Press Release"), or tags it so ("- [Press Release](#)"
  // among its tags, as a Markdown page's `tags` or `categories` name its genre): a brief, whatever
  // the export's form.
  const section = trail.sections.find(isBriefSection);
  const tag = section || label ? undefined : (data.tags ?? []).find(isBriefSection);
  if (section || label || tag) {
    data.kind = 'brief';
    const how = section
      ? `the page's breadcrumb files it under “${section}”`
      : label
        ? `the page's label “${label.text.trim()}”`
        : `the page's tag “${tag!}”`;
    reportGuess(file, 'kind', 'brief', how, placeOf((section ? trail.line : label) ?? page.lines.find((l) => l.text.includes(tag!))));
  }

  const body = bodyLines(page);
  const words = lazyVocabulary(text);
  const blocks = toBlocks(body, { wrapWidth: wrapWidth(body), words, markdownSyntax: true });
  const evidence = acronymEvidence(body.map((l) => l.text).join('\n'));
  const rawTitle = titleLines.map((l) => l.text.trim().replace(/^#+\s*/, '')).reduce((a, b) => joinWrapped(a, b, words));
  data.title = toTitleCaseAny(
    plainText(toInline(rawTitle, { markdownLinks: true, links: list.links })),
    evidence,
    (word) => writesLowerCase(body.map((l) => l.text).join('\n'), word),
    textTitleStyle(options),
  );
  const markdown = renderWithReferences(file, blocks, body, evidence, list, new Set(tagReferences), data.authors ?? []);
  // A dateline with a date at the start of the text ("Paris, 9 June 2015 – …", "WASHINGTON
  // (Friday, November 14, 2014) – …") is a press release's, whatever blog it was posted on.
  const plain = (text: string) => plainText(toInline(text, { markdownLinks: true, links: list.links }));
  const paragraphs = blocks.filter((b): b is Extract<(typeof blocks)[number], { type: 'paragraph' }> => b.type === 'paragraph');
  const dateline = datelineDate(paragraphs.filter((b) => plain(b.text).split(/\s+/).length >= 8).map((b) => plain(b.text)));
  if (dateline && data.kind !== 'brief') {
    data.kind = 'brief';
    reportGuess(file, 'kind', 'brief', 'its text opens with a press release’s dateline', placeOf(body[0]));
    if (!data.date) {
      const date = guessDatelineDate(file, blocks, plain);
      if (date) data.date = date;
    }
  }
  // A blog's permalink gives the day a post was published ("…/2009/10/19/slug/"): the date,
  // when the page says none (a month alone, "…/2025/07/…", is not one).
  const day = data.date ? undefined : permalinkDay(data.source_url);
  if (day) {
    data.date = day;
    reportGuess(file, 'date', data.date, 'the day in the page’s address (its `Source URL:`)', placeOf(body.at(-1) ?? body[0]));
  }
  const summary = webSummary(blocks, data.title, list.links);
  if (summary) data.summary = summary;
  return { data, body: markdown };
}
