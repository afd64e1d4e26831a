/**
 * The plain-text pipeline shared by the PDF one-pager reader and the generic reader, step
 * by step (each step is a module of ../plain-text/): repairs, page debris and columns, page
 * furniture, the top (letterhead, date line, title candidates), the title, what stands
 * above it, trailing letterhead, then the body's blocks and what the front matter takes
 * from them (date, contacts, summary), and footnotes.
 */
import type { VFile } from 'vfile';
import type { NormalizeOptions, ReaderResult } from '../reader.js';
import { toLines, placeOf, recordRemoved } from '../text/source-lines.js';
import { removePageDebris } from '../text/page-debris.js';
import { readColumns } from '../text/columns.js';
import { organization } from '../text/letterhead.js';
import { acronymEvidence, textTitleStyle } from '../text/title-case.js';
import { renderBlocks } from '../text/blocks.js';
import { lazyVocabulary } from '../rules/dehyphenate.js';
import { reportGuess } from '../text/guessed.js';
import { findFootnotes, writeFootnotes } from '../text/footnotes.js';
import { repairText } from '../plain-text/repair.js';
import { bodyLines, toPage } from '../plain-text/page.js';
import { removeFurniture, removeTrailingLetterhead } from '../plain-text/furniture.js';
import { readTop } from '../plain-text/top.js';
import * as documentLabel from '../rules/document-label.js';
import { readMailHeader } from '../plain-text/mail-header.js';
import {
  removeLogoFragments,
  removeSiteNameSuffix,
  removeRepeatedTitle,
  takeRepeatedHeadline,
  withoutSubheading,
} from '../plain-text/candidates.js';
import { chooseTitleOf } from '../plain-text/choose-title.js';
import { guessTitle } from '../plain-text/guess-title.js';
import { blogSection, removeAboveTitle, removeNeighbourLinks } from '../plain-text/above-title.js';
import { bodyBlocks, opensWithSummaryLabel, takeSummaryLabel } from '../plain-text/body.js';
import { bylineBlockAuthors, titleText, withoutCoverTail, witnessAuthors } from '../plain-text/title.js';
import { bylineLine } from '../plain-text/letter-lines.js';
import { opensWithDateline, reportMonthOnly, textDate } from '../plain-text/date.js';
import { showsPressRelease } from '../plain-text/byline-post.js';
import { contactsOf } from '../plain-text/contacts.js';
import {
  greets,
  isDatedHeadline,
  isNewsletterName,
  isParagraphPerLine,
  nameAboveHeadline,
  newsletterMonth,
} from '../plain-text/web-article.js';
import { summaryOf } from '../plain-text/summary-source.js';
import { reportGenericGuesses } from '../plain-text/generic-notes.js';
import { readStandfirst, setApart, standfirstText, titleByPageTitle } from '../plain-text/standfirst.js';
import { pageTitleOf, permalinkDay, removeBrowserPrint } from '../text/browser-print.js';
import { breakAfter, coverAuthors, readHearingCover } from '../plain-text/hearing-cover.js';

export function readPlainText(file: VFile, text: string, options: NormalizeOptions, mode: 'brief' | 'generic'): ReaderResult {
  const printed = removeBrowserPrint(file, toLines(repairText(file, text)));
  const page = toPage(file, readColumns(removePageDebris(file, printed.lines)));
  const webFurniture = removeFurniture(page, options.organization);

  const mail = readMailHeader(page);
  const top = readTop(page, organization.siteNames(text));
  // The mail's date, when the text under its header gives none.
  if (mail?.date && top.date === undefined) [top.date, top.dateIndex] = [mail.date.iso, mail.dateIndex];
  for (const candidate of top.candidates) withoutSubheading(candidate, page.lines);
  removeRepeatedTitle(page, top.candidates);
  removeLogoFragments(page, top.candidates);
  removeSiteNameSuffix(file, top.candidates, text);
  const repeated = takeRepeatedHeadline(page, top.candidates);
  const byPage = titleByPageTitle(top.candidates, pageTitleOf(printed.print));
  const cover = byPage ? undefined : readHearingCover(top.candidates);
  const byMail = top.candidates.find((candidate) => mail?.headline !== undefined && candidate.indexes[0] === mail.headline);
  const chosen = byPage ?? byMail ?? repeated ?? cover?.title ?? chooseTitleOf(top, page.lines, text);
  const title = chosen ?? guessTitle(file, page.lines, page.removed);
  const titleAt = top.candidates.indexOf(title);
  const section = blogSection(top.candidates, titleAt);
  // A title guessed from a letter's subject line ("Re: …") stands where that line does: the letterhead's slogan above it goes.
  const subjectAt = chosen
    ? -1
    : top.candidates.findIndex((c) => !title.fromSentence && c.lines.some((l) => l.line === title.lines[0]?.line));
  // A news site's byline over its headline ("Brian Sims" / the headline): who wrote it.
  const nameAbove = mode === 'generic' && chosen ? nameAboveHeadline(page, top.candidates, titleAt) : undefined;
  if (nameAbove) page.remove(page.lines.indexOf(nameAbove.line), 'byline');
  removeAboveTitle(page, top.candidates, titleAt >= 0 ? titleAt : subjectAt, mode);
  // The blog's section over the title ("Blog Posts") is the page's label, no text.
  if (section && !page.removed.has(page.lines.indexOf(section))) page.remove(page.lines.indexOf(section), documentLabel.id);
  removeNeighbourLinks(page, top.candidates, titleAt);
  title.indexes.forEach((index) => page.removed.add(index));
  removeTrailingLetterhead(page, top.end);
  const standfirst = readStandfirst(page, title, top.candidates, top.date !== undefined);
  cover?.fieldLines.forEach((index) => page.remove(index, 'hearing-cover'));
  if (cover?.fieldWord) recordRemoved(file, [cover.fieldWord], 'hearing-cover');
  const bylineBlock = cover?.witness ? undefined : bylineBlockAuthors(page, title, top.candidates);
  // A theme's byline on a line of its own under the title ("By Juliet Nanfuka |", "Article by Fair Trials").
  const below = titleAt >= 0 ? top.candidates[titleAt + 1] : undefined;
  const bylineAt = below?.lines.length === 1 && below.indexes[0]! - title.indexes.at(-1)! <= 2 ? below.indexes[0]! : -1;
  const themeByline =
    bylineAt >= 0 && !page.removed.has(bylineAt)
      ? bylineLine(page.lines[bylineAt]!.text, title.lines.map((l) => l.text).join(' '))
      : undefined;
  if (themeByline) page.remove(bylineAt, 'byline');

  const body = breakAfter(setApart(bodyLines(page), standfirst), cover?.ends ?? []);
  const words = lazyVocabulary(text);
  // Lines above the title and a letter's inside address are no section headings.
  const notHeadings = [...top.candidates.slice(0, Math.max(0, titleAt)), ...top.candidates.filter((c) => c.insideAddress)];
  const blocks = bodyBlocks(body, words, notHeadings, cover?.lines);
  // A document's summary label opening the text ("Summary", "Executive Summary", "Key Points"): a brief's, no blog's.
  const opensWithSummary = opensWithSummaryLabel(blocks);
  const summaryLabel = takeSummaryLabel(blocks);
  if (summaryLabel) recordRemoved(file, [summaryLabel], 'summary-label');
  const evidence = acronymEvidence(body.map((l) => l.text).join('\n'));
  // A cover's title line run on into the organization's name and the date: the date is the text's.
  const coverTail = top.date === undefined && title.lines.length <= 6 ? withoutCoverTail(file, title) : undefined;
  const data: ReaderResult['data'] = {
    title: titleText(file, coverTail?.title ?? title, body, words, evidence, textTitleStyle(options)),
    kind: section ? 'post' : 'brief',
  };
  if (section) reportGuess(file, 'kind', 'post', `the section over the title ("${section.text.trim()}") is a blog's`, placeOf(section));
  // A browser print of a page whose address is a blog's permalink ("…/2015/09/02/slug/") is a post,
  // unless its text opens with a press release's dateline (as a web export's).
  // So is a saved web page that keeps its site's furniture (appeals for support, an error-report box): an article of the site.
  const permalink = !section && permalinkDay(printed.print?.url) !== undefined;
  const webPage = !section && !permalink && webFurniture >= 2;
  if ((permalink || webPage) && !opensWithDateline(blocks)) {
    data.kind = 'post';
    const why = permalink
      ? 'the page’s address (its print footer) is a blog’s permalink, with the day'
      : 'a saved web page with its site’s furniture (appeals, sign-up or error-report boxes), with no press release’s dateline';
    reportGuess(file, 'kind', 'post', why, placeOf(title.lines[0]));
  }
  const authors = cover?.witness
    ? coverAuthors(file, cover.witness, cover.second)
    : (witnessAuthors(file, data.title, title, top.candidates) ?? bylineBlock);
  if (authors) data.authors = authors;
  else if (standfirst?.authors) {
    reportGuess(file, 'authors', standfirst.authors.join(', '), 'the byline under the title’s dek', placeOf(standfirst.lines[0]));
    data.authors = standfirst.authors.map((name) => ({ name }));
  } else if (nameAbove) {
    reportGuess(
      file,
      'authors',
      nameAbove.name,
      'a person’s name alone above the headline, as a news site sets its byline',
      placeOf(nameAbove.line),
    );
    data.authors = [{ name: nameAbove.name }];
  } else if (top.byline?.names.length) {
    reportGuess(file, 'authors', top.byline.names.join(', '), 'the name in the byline’s fields beside the date', placeOf(top.byline.line));
    data.authors = top.byline.names.map((name) => ({ name }));
  } else if (themeByline?.length) {
    reportGuess(file, 'authors', themeByline.join(', '), 'the byline under the title', placeOf(page.lines[bylineAt]));
    data.authors = themeByline.map((name) => ({ name }));
  }
  // A newsletter's name with its month ("Supporter Newsletter: September 2018"): the issue's date, a month's.
  const newsletter = !section && data.kind === 'brief' && isNewsletterName(data.title);
  const issueMonth = newsletter && top.date === undefined && !standfirst?.date ? newsletterMonth(data.title) : undefined;
  if (issueMonth) reportMonthOnly(file, issueMonth, title.lines[0]!);
  const date = textDate(file, blocks, top.date ?? standfirst?.date?.iso ?? coverTail?.date ?? issueMonth?.iso, printed.print?.url);
  if (date) data.date = date;
  const contacts = contactsOf(top.contacts, blocks);
  if (contacts.length) data.contacts = contacts;
  // Its dateline or press office's furniture: a press release, whatever else looks like a blog's.
  const pressRelease = showsPressRelease(blocks, contacts.length > 0);
  // A byline under the title (a name and the date) signs a blog's article, unless the text shows a press release.
  const signed = top.byline?.line ?? (themeByline ? page.lines[bylineAt] : undefined) ?? nameAbove?.line;
  if (data.kind === 'brief' && signed && !pressRelease && !opensWithSummary) {
    data.kind = 'post';
    reportGuess(
      file,
      'kind',
      'post',
      signed === nameAbove?.line
        ? 'a byline over the headline names who wrote it, and nothing shows a press release or a document’s summary'
        : 'a byline under the title names who wrote it and when, and nothing shows a press release or a document’s summary',
      placeOf(signed),
    );
  }
  // A newsletter's issue, posted on its site: the site's article.
  if (newsletter && data.kind === 'brief' && !pressRelease) {
    data.kind = 'post';
    reportGuess(file, 'kind', 'post', `the title names a newsletter's issue ("${data.title}")`, placeOf(title.lines[0]));
  }
  // A saved page's headline with its date right under it (or in front of it), nothing above it, and
  // no press office, letter or hearing in its text: a site's article.
  if (
    data.kind === 'brief' &&
    mode === 'generic' &&
    !cover &&
    isParagraphPerLine(page.lines) &&
    isDatedHeadline(file, page, title, top.dateIndex) &&
    !pressRelease &&
    !greets(blocks)
  ) {
    data.kind = 'post';
    reportGuess(
      file,
      'kind',
      'post',
      'a saved page’s headline with its date and nothing above it, and nothing shows a press release, a letter or a hearing',
      placeOf(title.lines[0]),
    );
  }
  const summary = standfirst
    ? standfirstText(standfirst)
    : summaryOf(
        blocks,
        data.title,
        (data.authors ?? []).map((author) => author.name),
      );
  if (summary) data.summary = summary;

  if (mode === 'generic') {
    const dateLine = top.date !== undefined && top.dateIndex >= 0 ? page.lines[top.dateIndex] : undefined;
    reportGenericGuesses(file, data, title, { chosen: chosen !== undefined, dateLine, kindFound: data.kind === 'post' });
  }
  const footnotes = findFootnotes(file, blocks);
  return { data, body: writeFootnotes(renderBlocks(blocks, evidence), footnotes) };
}
