/**
 * Reader `web-export`: the plain-text "print" export of a blog post (Drupal, WordPress):
 * title, `by [Name](#) [n]` byline, date line, `[text](#) [n]` references resolved from
 * the `Links:` list, tag lines, copyright line, `Source URL:`. Each step is a module of
 * ../web-export/.
 */
import type { VFile } from 'vfile';
import type { NormalizeOptions, ReaderResult } from '../reader.js';
import { toLines } from '../text/source-lines.js';
import { findWebFurniture } from '../text/web-furniture.js';
import { joinWrapped, toBlocks, wrapWidth } from '../text/blocks.js';
import { lazyVocabulary } from '../rules/dehyphenate.js';
import { acronymEvidence, toTitleCaseAny, writesLowerCase } from '../text/title-case.js';
import { plainText } from '../text/summary.js';
import { toInline } from '../text/inline.js';
import { repairText } from '../plain-text/repair.js';
import { bodyLines, toPage } from '../plain-text/page.js';
import { readLinksList } from '../web-export/links.js';
import { readRights, readSourceAndTagLines, readTagList } from '../web-export/page-data.js';
import { readByline, readTitleLines, removeSiteHeader } from '../web-export/header.js';
import { renderWithReferences } from '../web-export/references.js';
import { webSummary } from '../web-export/summary.js';

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
  const page = toPage(file, toLines(repairText(file, text)));
  const data: ReaderResult['data'] = { title: '', kind: 'post' };

  const list = readLinksList(page);
  readSourceAndTagLines(page, data);
  const tagReferences = readTagList(page, data);
  readRights(page, data, list.links);
  for (const i of findWebFurniture(page.lines, (i) => !page.removed.has(i))) page.remove(i, 'web-furniture');

  removeSiteHeader(page);
  const { titleLines, end } = readTitleLines(page, data);
  readByline(page, end, data, list.links);

  const body = bodyLines(page);
  const words = lazyVocabulary(text);
  const blocks = toBlocks(body, { wrapWidth: wrapWidth(body), words, markdownSyntax: true });
  const evidence = acronymEvidence(body.map((l) => l.text).join('\n'));
  const rawTitle = titleLines.map((l) => l.text.trim().replace(/^#+\s*/, '')).reduce((a, b) => joinWrapped(a, b, words));
  data.title = toTitleCaseAny(plainText(toInline(rawTitle, { markdownLinks: true, links: list.links })), evidence, (word) =>
    writesLowerCase(body.map((l) => l.text).join('\n'), word),
  );
  const markdown = renderWithReferences(file, blocks, body, evidence, list, new Set(tagReferences), data.authors ?? []);
  const summary = webSummary(blocks, data.title, list.links);
  if (summary) data.summary = summary;
  return { data, body: markdown };
}
