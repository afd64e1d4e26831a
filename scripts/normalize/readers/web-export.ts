/**
 * Reader `web-export`: the plain-text "print" export of a blog post (Drupal, WordPress):
 * title, `by [Name](#) [n]` byline, date line, `[text](#) [n]` references resolved from
 * the `Links:` list, tag lines, copyright line, `Source URL:`.
 */
import type { VFile } from 'vfile';
import type { NormalizeOptions } from '../reader.js';
import type { Author } from '../../core/types.js';
import { toLines, isBlank, recordRemoved, placeOf, type SourceLine } from '../text/source-lines.js';
import { repairText } from '../plain-text/repair.js';
import { findDate, parseDateLine } from '../text/dates.js';
import { findWebFurniture } from '../text/web-furniture.js';
import { joinWrapped, renderBlocks, toBlocks, wrapWidth, type Block } from '../text/blocks.js';
import { lazyVocabulary } from '../rules/dehyphenate.js';
import { acronymEvidence, toTitleCaseAny, writesLowerCase } from '../text/title-case.js';
import { isSummaryText, plainText, summarize } from '../text/summary.js';
import { toInline } from '../text/inline.js';
import type { ReaderResult } from '../reader.js';
import { defineRule, report, type RuleId } from '../../core/rules.js';
import * as documentLabel from '../rules/document-label.js';

const linkEntry = /^\s*\[(\d+)\]\s*<?([^\s<>]+?)>?\s*$/;
const linksHeading = /^\s*Links:?\s*$/i;
const sourceUrl = /^\s*Source URL:\s*<?([^\s<>]+)>?\s*$/i;
const byline = /^\s*(?:by|posted by|written by|authors?:)\s+(.+)$/i;
const tagItem = /^\s*[-*•]\s*\[([^\]]+)\]\(#?\)(?:\s*\[(\d+)\])?\s*$/;
const tagsLine = /^\s*(?:tags|tagged|topics|keywords|filed under|categories|category)\s*:\s*(.+)$/i;
const tagsLabel = /^\s*(?:tags|tagged|topics|keywords|filed under|categories|category)\s*:?\s*$/i;
const copyright = /(?:©|\(c\)|\bcopyright\b)/i;
/** Drupal's print header: "Published on Open Networks Project (https://www.opennetworks.org)". */
const siteHeader = /^\s*(?:published|printed|printed from|posted)\s+(?:on|from)\s+.+\(\s*<?https?:\/\/[^\s)]+>?\s*\)\s*$/i;
/**
 * A breadcrumb trail: "Home > Blog > Title", "Home » Issues". Each part starts and ends
 * with a non-space, so that the spaces around a `>` can be read one way only (with parts
 * that could take them, a long line of `>` took exponential time to reject).
 */
const breadcrumb = /^\s*[^>›»]{0,39}[^\s>›»](?:\s+[>›»]\s+[^\s>›»](?:[^>›»]*[^\s>›»])?)+\s*$/;

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

export function readWebExport(file: VFile, text: string, _options: NormalizeOptions): ReaderResult {
  const lines = toLines(repairText(file, text));
  const removed = new Set<number>();
  const remove = (index: number, ruleId: RuleId) => {
    removed.add(index);
    recordRemoved(file, [lines[index]!], ruleId);
  };
  const data: ReaderResult['data'] = { title: '', kind: 'post' };

  // The Links list at the end.
  const links = new Map<number, string>();
  const linkLine = new Map<number, SourceLine>();
  let linksAt = -1;
  lines.forEach((line, i) => linksHeading.test(line.text) && (linksAt = i));
  if (linksAt >= 0) {
    remove(linksAt, 'web-links-list');
    let previous: number | undefined;
    for (let i = linksAt + 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (isBlank(line)) continue;
      const entry = linkEntry.exec(line.text);
      if (entry) {
        previous = Number(entry[1]);
        links.set(previous, entry[2]!);
        linkLine.set(previous, line);
        remove(i, 'web-links-list');
      } else if (previous !== undefined && /^\S+>?$/.test(line.text.trim()) && !isBlank(lines[i - 1])) {
        links.set(previous, links.get(previous)! + line.text.trim().replace(/>$/, '')); // a long URL wrapped
        remove(i, 'web-links-list');
      }
    }
  }

  // Source URL, copyright, tags.
  lines.forEach((line, i) => {
    const url = sourceUrl.exec(line.text);
    if (url && !removed.has(i)) {
      data.source_url = url[1]!;
      remove(i, 'web-source-url');
    }
    const tags = tagsLine.exec(line.text);
    if (tags && i > 2) {
      data.tags = [
        ...(data.tags ?? []),
        ...tags[1]!
          .split(/\s*[,;]\s*/)
          .map((t) => plainText(t))
          .filter(Boolean),
      ];
      remove(i, 'web-tags');
    }
  });
  const tagReferences = new Set<number>(); // the tag pages' links: used, not reported as unreferenced
  for (let i = 0; i < lines.length; i++) {
    if (!tagItem.test(lines[i]!.text) || removed.has(i)) continue;
    let end = i;
    while (
      end + 1 < lines.length &&
      (tagItem.test(lines[end + 1]!.text) || (isBlank(lines[end + 1]) && tagItem.test(lines[end + 2]?.text ?? '')))
    )
      end++;
    const lone = i > 0 && /^\s*-\s*$/.test(lines[i - 1]!.text) ? i - 1 : i;
    if (lone === i - 1) remove(lone, 'web-tags');
    for (let k = i; k <= end; k++) {
      const tag = tagItem.exec(lines[k]!.text);
      if (tag) data.tags = [...(data.tags ?? []), tag[1]!.trim()];
      if (tag?.[2]) tagReferences.add(Number(tag[2]));
      if (!isBlank(lines[k])) remove(k, 'web-tags');
    }
    i = end;
  }
  lines.forEach((line, i) => /^\s*-\s*$/.test(line.text) && !removed.has(i) && remove(i, 'web-tags'));
  // A "Tags:" label on its own line, above tag lines already taken.
  lines.forEach((line, i) => {
    if (removed.has(i) || !tagsLabel.test(line.text)) return;
    let next = i + 1;
    while (next < lines.length && isBlank(lines[next])) next++;
    if (removed.has(next) && tagItem.test(lines[next]!.text)) remove(i, 'web-tags');
  });
  let rightsAt = -1;
  lines.forEach((line, i) => {
    if (!removed.has(i) && copyright.test(line.text) && /\b(?:19|20)\d{2}\b/.test(line.text)) rightsAt = i;
  });
  if (rightsAt > lines.length / 3) {
    let end = rightsAt;
    while (end + 1 < lines.length && !isBlank(lines[end + 1]) && !removed.has(end + 1)) end++;
    const group = lines
      .slice(rightsAt, end + 1)
      .map((l) => l.text.trim())
      .join(' ');
    data.rights = plainText(toInline(group, { markdownLinks: true, links }));
    for (let k = rightsAt; k <= end; k++) remove(k, 'web-rights');
  }

  for (const i of findWebFurniture(lines, (i) => !removed.has(i))) remove(i, 'web-furniture');

  // Header: the site's print header and a breadcrumb trail, then title (one or two lines), byline, date.
  for (let i = 0, seen = 0; i < lines.length && seen < 3; i++) {
    if (isBlank(lines[i]) || removed.has(i)) continue;
    seen++;
    if (siteHeader.test(lines[i]!.text)) remove(i, 'web-site-header');
    else if (breadcrumb.test(lines[i]!.text) && !/[.!?]$/.test(lines[i]!.text.trim())) remove(i, 'web-breadcrumb');
    else break;
  }
  let first = lines.findIndex((line, i) => !isBlank(line) && !removed.has(i));
  if (first === -1) defineRule('no-title').fail(file, 'no recognizable title: the export has no text', { line: 1, column: 1 });
  // The page's address is made of its title: a line below the first that the address names
  // is the title, and the lines above it are the page's section or issue tags.
  const titleAt = data.source_url ? namedByAddress(lines, first, removed, data.source_url) : first;
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
    remove(i, isLabel ? documentLabel.id : 'web-tags');
  }
  first = titleAt;
  const titleLines = [lines[first]!];
  removed.add(first);
  for (let i = first + 1; i < lines.length && !isBlank(lines[i]) && !byline.test(lines[i]!.text) && !parseDateLine(lines[i]!.text); i++) {
    // Drupal's print header under the title ("Published on Public Knowledge (https://…)").
    if (siteHeader.test(lines[i]!.text)) {
      remove(i, 'web-site-header');
      break;
    }
    titleLines.push(lines[i]!);
    removed.add(i);
  }
  let headerEnd = first + titleLines.length;
  for (let i = headerEnd, seen = 0; i < lines.length && seen < 4; i++) {
    if (isBlank(lines[i]) || removed.has(i)) continue;
    seen++;
    // "Posted on September 12, 2013 by Jane Doe": the date first, then the byline.
    const dateFirst = !data.date && !data.authors ? dateThenByline(lines[i]!.text) : undefined;
    if (dateFirst) {
      data.date = dateFirst.iso;
      const authors = parseAuthors(dateFirst.names, links);
      if (authors.length) data.authors = authors;
      removed.add(i);
      recordRemoved(file, [lines[i]!], 'web-byline');
      headerEnd = i + 1;
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
      headerEnd = i + 1;
      continue;
    }
    const date = data.date ? undefined : parseDateLine(lines[i]!.text);
    if (!date) break;
    data.date = date.iso;
    recordRemoved(file, [lines[i]!], 'date-line');
    removed.add(i);
    headerEnd = i + 1;
  }

  const body = lines.filter((_, i) => !removed.has(i));
  const words = lazyVocabulary(text);
  const blocks = toBlocks(body, { wrapWidth: wrapWidth(body), words, markdownSyntax: true });
  const evidence = acronymEvidence(body.map((l) => l.text).join('\n'));
  const rawTitle = titleLines.map((l) => l.text.trim().replace(/^#+\s*/, '')).reduce((a, b) => joinWrapped(a, b, words));
  data.title = toTitleCaseAny(plainText(toInline(rawTitle, { markdownLinks: true, links })), evidence, (word) =>
    writesLowerCase(body.map((l) => l.text).join('\n'), word),
  );

  const used = new Set<number>(tagReferences);
  for (const author of data.authors ?? []) for (const [n, url] of links) if (url === author.url) used.add(n);
  const markdown = renderBlocks(blocks, evidence, {
    markdownLinks: true,
    links,
    onReference: (n) => used.add(n),
    onDeadLink: (label, n) => {
      const line = body.find((l) => l.text.includes(`[${label.split(' ')[0]}`)) ?? body[0];
      if (n === undefined)
        report(file, 'dead-link', `dropped a link that points nowhere (\`[${label}](#)\`); kept its text`, {
          place: placeOf(line),
          severity: 'info',
        });
      else
        report(file, 'web-reference', `reference [${n}] of "${label}" is not in the Links list; kept the text without a link`, {
          place: placeOf(line),
        });
    },
  });
  for (const [n, url] of links) {
    if (!used.has(n))
      report(file, 'web-links-list', `link [${n}] (${url}) is not referenced in the text; dropped with the Links list`, {
        place: placeOf(linkLine.get(n)),
        severity: 'info',
      });
  }
  // The summary comes from running text: not an image, not a one-line aside.
  const paragraphs = blocks.filter(
    (b): b is Extract<Block, { type: 'paragraph' }> =>
      b.type === 'paragraph' && !/^!\[[^\]]*\]\([^)]*\)(?:\s*\[\d+\])?$/.test(b.text.trim()),
  );
  const firstParagraph =
    paragraphs.find((b) => isSummaryText(toInline(b.text, { markdownLinks: true, links }), data.title)) ??
    paragraphs.find((b) => plainText(b.text).split(/\s+/).length >= 8) ??
    paragraphs[0];
  const summary = firstParagraph ? summarize(toInline(firstParagraph.text, { markdownLinks: true, links })) : undefined;
  if (summary) data.summary = summary;
  void headerEnd;
  return { data, body: markdown };
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

/** "Posted on September 12, 2013 by Jane Doe" → the date and the names. */
function dateThenByline(text: string): { iso: string; names: string } | undefined {
  if (text.length > 200 || !/by\s/i.test(text)) return undefined; // no byline after a date here: spare the date parser
  const found = findDate(text);
  if (!found) return undefined;
  const before = text.slice(0, found.index).trim();
  const after = /^[\s,|–—-]*by\s+(.+)$/i.exec(text.slice(found.index + found.text.length));
  if (!after || !/^(?:(?:posted|published|written|updated)(?:\s+on)?\s*:?|on)?$/i.test(before)) return undefined;
  return { iso: found.iso, names: after[1]!.trim() };
}

/** "[Emma Llansó](#) [1] and [Jim Dempsey](#) [2]", or plain "Jane Doe, John Roe and Ann Poe". */
function parseAuthors(text: string, links: ReadonlyMap<number, string>): Author[] {
  // The address may hold parentheses one level deep (`…/Foo_(bar)`, `alert(3)`): each
  // character is either a plain one or opens a group, so the pattern stays linear.
  const linked = [...text.matchAll(/\[([^\][]+)\]\(((?:[^()]|\([^()]*\))*)\)(?:\s*\[(\d+)\])?/g)];
  if (linked.length) {
    return linked.map(([, name, target, n]) => {
      const url = target && target !== '#' ? target : n ? links.get(Number(n)) : undefined;
      return url ? { name: name!.trim(), url } : { name: name!.trim() };
    });
  }
  return text
    .split(/\s*(?:,\s*and\s+|,|\s+and\s+|\s*&\s*)\s*/)
    .map((name) => name.trim())
    .filter((name) => /\p{L}/u.test(name))
    .map((name) => ({ name }));
}
