/**
 * The HTML stage: a normalized brief's Markdown → a sanitized HTML fragment of its body,
 * plus the headings (for the PDF outline and the archive's table of contents) and the web
 * addresses it cites. Raw HTML in a source is dropped, and whatever Markdown can express
 * passes through rehype-sanitize's GitHub schema before our own plugins add ids, classes
 * and `rel`, which are therefore the only ones on the page. Problems go on the Markdown
 * file as messages with their line and column.
 */
import type { Nodes, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toText } from 'hast-util-to-text';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import remarkContentWarnings from './plugins/remark-content-warnings.js';
import remarkGfmEmailAfterParse from './plugins/remark-gfm-email-after-parse.js';
import remarkGfmLiteralLinksWhereNeeded from './plugins/remark-gfm-literal-links-where-needed.js';
import remarkGfmNoTables, { mayHoldTable } from './plugins/remark-gfm-no-tables.js';
import rehypeNoRemoteImages from './plugins/rehype-no-remote-images.js';
import rehypeSafeLinks from './plugins/rehype-safe-links.js';
import rehypeSections from './plugins/rehype-sections.js';
import rehypeSmartHeadings, { smartPunctuation } from './plugins/smart-punctuation.js';
import { walkTree } from './plugins/walk-tree.js';
import type { Heading, NormalizedBrief, RenderedBrief } from '../core/types.js';

/**
 * GitHub's schema, plus `tel:` links (phone numbers in contacts); footnote ids keep the
 * prefix remark-rehype already gave them. Our own plugins add ids, classes and `rel` after it.
 */
const schema = {
  ...defaultSchema,
  clobberPrefix: '',
  protocols: { ...defaultSchema.protocols, href: [...(defaultSchema.protocols?.href ?? []), 'tel'] },
};

function createProcessor(tables: boolean) {
  return (
    unified()
      .use(remarkParse)
      .use(remarkFrontmatter, ['yaml'])
      .use(remarkGfm)
      .use(remarkGfmEmailAfterParse)
      .use(remarkGfmLiteralLinksWhereNeeded)
      .use(tables ? [] : [remarkGfmNoTables])
      .use(remarkContentWarnings)
      .use(remarkRehype)
      .use(rehypeSanitize, schema)
      // Typographic punctuation in headings before their ids are made; the rest after stringifying.
      .use(rehypeSmartHeadings)
      .use(rehypeSlug)
      .use(rehypeSafeLinks)
      .use(rehypeNoRemoteImages)
      .use(rehypeSections)
      .use(rehypeStringify)
      .freeze()
  );
}

/** The same pipeline twice: one parses tables, the other (cheaper) is for documents that cannot hold one. */
const withTables = createProcessor(true);
const withoutTables = createProcessor(false);

/** Render a brief's body. `markdownFile.value` is `brief.markdown`; its path is where the build keeps it. */
export async function renderHtml(brief: NormalizedBrief, markdownFile: VFile): Promise<RenderedBrief> {
  const processor = mayHoldTable(String(markdownFile.value)) ? withTables : withoutTables;
  const tree = (await processor.run(processor.parse(markdownFile), markdownFile)) as Root;
  // "--" → en dash, "---" → em dash, straight quotes → typographic quotes, "..." → ellipsis.
  const html = smartPunctuation(processor.stringify(tree, markdownFile));
  return { ...brief, markdownFile, html, headings: collectHeadings(tree), links: collectLinks(tree) };
}

export function collectHeadings(tree: Root): Heading[] {
  const headings: Heading[] = [];
  walkTree<Nodes>(tree, (node) => {
    if (node.type !== 'element') return;
    const depth = headingRank(node);
    if (depth && typeof node.properties.id === 'string') {
      headings.push({ depth, text: toText(node).trim(), id: node.properties.id });
    }
  });
  return headings;
}

export function collectLinks(tree: Root): string[] {
  const links = new Set<string>();
  walkTree<Nodes>(tree, (node) => {
    if (node.type !== 'element' || node.tagName !== 'a') return;
    const href = node.properties.href;
    if (typeof href === 'string' && /^https?:\/\//i.test(href)) links.add(href);
  });
  return [...links];
}
