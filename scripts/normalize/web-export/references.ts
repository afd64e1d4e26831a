/**
 * The body in Markdown with the export's references resolved (`[text](#) [3]` → the
 * address listed as [3]), a note for each link that points nowhere, and one for each
 * listed link the text never uses.
 */
import type { VFile } from 'vfile';
import { report } from '../../core/rules.js';
import { placeOf, type SourceLine } from '../text/source-lines.js';
import { renderBlocks, type Block } from '../text/blocks.js';
import type { Author } from '../../core/types.js';
import type { LinksList } from './links.js';

export function renderWithReferences(
  file: VFile,
  blocks: readonly Block[],
  body: readonly SourceLine[],
  evidence: Map<string, string>,
  { links, lineOf }: LinksList,
  used: Set<number>,
  authors: readonly Author[],
): string {
  for (const author of authors) for (const [n, url] of links) if (url === author.url) used.add(n);
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
        place: placeOf(lineOf.get(n)),
        severity: 'info',
      });
  }
  return markdown;
}
