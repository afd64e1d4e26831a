/**
 * Typographic punctuation: straight quotes → curly quotes, `--` → en dash, `---` → em
 * dash, `...` → ellipsis, with SmartyPants (the `smartypants` port of Gruber's
 * SmartyPants.pl). It runs over the finished HTML, as SmartyPants was made to: markup is
 * left alone, and `<code>`, `<pre>`, `<kbd>` and `<script>` are not touched. Same results
 * as remark-smartypants on our fixtures at a seventh of the cost, which counts when
 * thousands of briefs are printed.
 */
import type { Nodes, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { smartypantsu } from 'smartypants';
import { SKIP, walkTree } from './walk-tree.js';

/** SmartyPants.pl turns the quote of " '60s" into an opening quote; before a decade it is an apostrophe. */
const DECADE = /\u2018(?=\d\ds\b)/g;

export function smartPunctuation(html: string): string {
  return smartypantsu(html, '2').replace(DECADE, '\u2019');
}

/**
 * Headings get their punctuation before ids are made from their text, so a heading's id
 * is the same as when the whole tree was educated (`--` in a heading is a dash, not two
 * hyphens in its id). The HTML pass after stringifying leaves them as they are.
 */
export default function rehypeSmartHeadings() {
  return (tree: Root) => {
    walkTree<Nodes>(tree, (node) => {
      if (node.type !== 'element' || !headingRank(node)) return;
      // Each text node is educated with one character of context: whether what came
      // before it was a space (or nothing) or not, which is all SmartyPants looks at.
      let before = ' ';
      walkTree<Nodes>(node, (text) => {
        if (text.type !== 'text') return;
        text.value = smartPunctuation(before + text.value).slice(1);
        if (text.value) before = /\s$/.test(text.value) ? ' ' : 'a';
      });
      return SKIP;
    });
  };
}
