/**
 * The head of a print export: the site's print header and a breadcrumb trail, the page's
 * section or issue tags, the title (one or two lines), then the byline and the date.
 */
import { defineRule } from '../../core/rules.js';
import { isBlank, recordRemoved, type SourceLine } from '../text/source-lines.js';
import { findDate, parseBylineDate, parseDateLine } from '../text/dates.js';
import { plainText } from '../text/summary.js';
import * as documentLabel from '../rules/document-label.js';
import type { ReaderResult } from '../reader.js';
import type { Page } from '../plain-text/page.js';
import { dateThenByline, parseAuthors } from './authors.js';
import { squash } from '../text/squash.js';

/** Text compared without case, spacing and punctuation. */

const byline = /^\s*(?:by|posted by|written by|authors?:)\s+(.+)$/i;
/** Drupal's print header: "Published on Open Networks Project (https://www.opennetworks.org)". */
const siteHeader = /^\s*(?:published|printed|printed from|posted)\s+(?:on|from)\s+.+\(\s*<?https?:\/\/[^\s)]+>?\s*\)\s*$/i;
/**
 * A breadcrumb trail: "Home > Blog > Title", "Home » Issues". Each part starts and ends
 * with a non-space, so that the spaces around a `>` can be read one way only (with parts
 * that could take them, a long line of `>` took exponential time to reject).
 */
const breadcrumb = /^\s*[^>›»]{0,39}[^\s>›»](?:\s+[>›»]\s+[^\s>›»](?:[^>›»]*[^\s>›»])?)+\s*$/;

/**
 * Remove the site's print header and a breadcrumb trail among the first three lines; the
 * trail's sections above the page ("Home > News > Press Releases > Title": Home, News, Press
 * Releases) are returned, with the line they are on.
 */
export function removeSiteHeader(page: Page): { sections: string[]; page?: string; line?: SourceLine } {
  const { lines, removed } = page;
  for (let i = 0, seen = 0; i < lines.length && seen < 3; i++) {
    if (isBlank(lines[i]) || removed.has(i)) continue;
    seen++;
    if (siteHeader.test(lines[i]!.text)) page.remove(i, 'web-site-header');
    else if (breadcrumb.test(lines[i]!.text) && !/[.!?]$/.test(lines[i]!.text.trim())) {
      page.remove(i, 'web-breadcrumb');
      const parts = lines[i]!.text.trim().split(/\s+[>›»]\s+/);
      return { sections: parts.slice(0, -1), page: parts.at(-1)!, line: lines[i] };
    } else break;
  }
  return { sections: [] };
}

/**
 * The title's lines: the first line of text, or the line below it that the page's address
 * names (the lines above it are the page's section, a label, or issue tags, taken into
 * `data.tags`), and the line under it up to the byline or date; `end` is the line after them.
 * A breadcrumb trail names the page by its title ("Home > Reports > Listening to the public",
 * as Ada's, BCCLA's, La Quadrature du Net's and Senator Wyden's trails do): a first line that
 * is that name is the whole title, and the line under it (a subtitle) stays in the body.
 */
export function readTitleLines(page: Page, data: ReaderResult['data'], trailPage?: string): { titleLines: SourceLine[]; end: number } {
  const { file, lines, removed } = page;
  const first = lines.findIndex((line, i) => !isBlank(line) && !removed.has(i));
  if (first === -1) defineRule('no-title').fail(file, 'no recognizable title: the export has no text', { line: 1, column: 1 });
  // The page's address is made of its title: a line below the first that the address names
  // is the title, and the lines above it are the page's section or issue tags.
  const named = data.source_url ? namedByAddress(lines, first, removed, data.source_url) : first;
  const titleAt = named === first ? overByline(lines, first, removed) : named;
  for (let i = first; i < titleAt; i++) {
    if (isBlank(lines[i]) || removed.has(i)) continue;
    const label = lines[i]!.text.trim();
    const isLabel = documentLabel.test(label) || documentLabel.isBlogSection(label);
    if (!isLabel) {
      const tags = label
        .split(/\s*[,;|•·]\s*/)
        .map((t) => plainText(t))
        .filter(Boolean);
      data.tags = [...(data.tags ?? []), ...tags];
    }
    page.remove(i, isLabel ? documentLabel.id : 'web-tags');
  }
  const titleLines = [lines[titleAt]!];
  removed.add(titleAt);
  const trailNamed = trailPage !== undefined && squash(trailPage) === squash(lines[titleAt]!.text);
  for (
    let i = titleAt + 1;
    !trailNamed && i < lines.length && !isBlank(lines[i]) && !byline.test(lines[i]!.text) && !parseDateLine(lines[i]!.text);
    i++
  ) {
    // Drupal's print header under the title ("Published on Public Knowledge (https://…)").
    if (siteHeader.test(lines[i]!.text)) {
      page.remove(i, 'web-site-header');
      break;
    }
    titleLines.push(lines[i]!);
    removed.add(i);
  }
  // A subtitle under a title the trail names (no full stop) stays in the body; the byline and date are read under it.
  const next = lines[titleAt + 1];
  const subtitle =
    trailNamed &&
    next !== undefined &&
    !isBlank(next) &&
    !byline.test(next.text) &&
    !parseDateLine(next.text) &&
    !/[.!?:]$/.test(next.text.trim());
  return { titleLines, end: titleAt + titleLines.length + (subtitle ? 1 : 0) };
}

/**
 * The byline and date lines under the title (up to four lines, in either order), into `data`;
 * a label naming the document's kind among them ("Press Release") is returned, with its line.
 */
export function readByline(
  page: Page,
  from: number,
  data: ReaderResult['data'],
  links: ReadonlyMap<number, string>,
): { label?: SourceLine } {
  const { file, lines, removed } = page;
  let label: SourceLine | undefined;
  for (let i = from, seen = 0; i < lines.length && seen < 4; i++) {
    if (isBlank(lines[i]) || removed.has(i)) continue;
    seen++;
    // The page's label under its title ("Press Release"), before the date.
    if (!label && !data.date && documentLabel.test(lines[i]!.text)) {
      label = lines[i]!;
      page.remove(i, documentLabel.id);
      continue;
    }
    // "Posted on September 12, 2013 by Jane Doe": the date first, then the byline.
    const dateFirst = !data.date && !data.authors ? dateThenByline(lines[i]!.text) : undefined;
    if (dateFirst) {
      data.date = dateFirst.iso;
      const authors = parseAuthors(dateFirst.names, links);
      if (authors.length) data.authors = authors;
      removed.add(i);
      recordRemoved(file, [lines[i]!], 'web-byline');
      continue;
    }
    const by = byline.exec(lines[i]!.text);
    if (by && !data.authors) {
      const found = findDate(by[1]!);
      const names = found ? by[1]!.slice(0, found.index).replace(/[\s,|–—-]*(?:on|posted)?[\s,|–—-]*$/i, '') : by[1]!;
      if (found) data.date = found.iso;
      const authors = parseAuthors(names, links);
      if (authors.length) data.authors = authors;
      removed.add(i);
      recordRemoved(file, [lines[i]!], 'web-byline');
      continue;
    }
    const date = data.date ? undefined : parseDateLine(lines[i]!.text);
    if (!date) break;
    data.date = date.iso;
    recordRemoved(file, [lines[i]!], 'date-line');
    removed.add(i);
  }
  return { label };
}

/** Is a line a byline or a date line ("by alsmith | March 18, 2022", "Posted on …")? */
const isBylineLine = (text: string) => byline.test(text) || parseDateLine(text) !== undefined || parseBylineDate(text) !== undefined;

/**
 * The title is the line the byline stands under: when the first line of text is not over a
 * byline or date line and the second or third is, under short labels of their own, the labels
 * are the page's section ("News" / "Tor in the News, 2021" / "by alsmith | March 18, 2022").
 */
function overByline(lines: readonly SourceLine[], first: number, removed: ReadonlySet<number>): number {
  const texts: number[] = [];
  for (let i = first; i < lines.length && texts.length < 4; i++) if (!isBlank(lines[i]) && !removed.has(i)) texts.push(i);
  if (texts.length < 2 || isBylineLine(lines[texts[1]!]!.text)) return first;
  // Above it, short labels of their own (at most four words, no sentence); the title alone between blank lines.
  const isLabel = (text: string) => text.trim().split(/\s+/).length <= 4 && !/[.!?:;,]$/.test(text.trim());
  for (let k = 1; k < Math.min(3, texts.length - 1); k++) {
    if (!isLabel(lines[texts[k - 1]!]!.text)) return first;
    const title = lines[texts[k]!]!.text;
    if (documentLabel.test(title) || title.trim().split(/\s+/).length > 20 || /[.!?]$/.test(title.trim())) return first;
    if (isBylineLine(lines[texts[k + 1]!]!.text) && texts[k]! - texts[k - 1]! > 1 && texts[k + 1]! - texts[k]! > 1) return texts[k]!;
  }
  return first;
}

/** The words of a text or of an address's last segment, lower case, for comparing them. */
const slugWords = (text: string) =>
  text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * The line the page's address was made from ("…/cdt-joins-letter-urging-congress-to-pass-…/"),
 * among the first three lines of text: the first when none is, or when the first is.
 * A line is named when most of its words, in order, are the segment's first words.
 */
function namedByAddress(lines: readonly SourceLine[], first: number, removed: ReadonlySet<number>, url: string): number {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return first;
  }
  const segment =
    path
      .split('/')
      .filter(Boolean)
      .at(-1)
      ?.replace(/\.[a-z]{2,5}$/i, '') ?? '';
  const slug = slugWords(segment);
  if (slug.length < 3) return first;
  const named = (text: string) => {
    const words = slugWords(text);
    let matched = 0;
    for (const word of words) if (slug[matched] === word) matched++;
    return matched >= Math.min(slug.length, 3) && matched >= slug.length * 0.8 && matched >= words.length * 0.6;
  };
  for (let i = first, seen = 0; i < lines.length && seen < 3; i++) {
    if (isBlank(lines[i]) || removed.has(i)) continue;
    seen++;
    if (named(lines[i]!.text)) return i;
  }
  return first;
}
