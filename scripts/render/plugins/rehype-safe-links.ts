/**
 * rehypeSafeLinks: after sanitizing, make every remaining link one that works on paper and
 * on the web. Links without a usable address (none, `#`, a fragment pointing nowhere, or
 * one the URL policy refuses: see url-policy.ts) become their text; links to other sites
 * get `rel="noopener"`. (`remarkContentWarnings` tells the author about each.)
 */
import type { ElementContent, Nodes, Root } from 'hast';
import { checkUrl } from '../../core/url-policy.js';
import { walkTree } from './walk-tree.js';

export default function rehypeSafeLinks() {
  return (tree: Root) => {
    const ids = new Set<string>();
    walkTree<Nodes>(tree, (node) => {
      if (node.type === 'element' && typeof node.properties.id === 'string') ids.add(node.properties.id);
    });
    walkTree<Nodes>(tree, (node, index, parent) => {
      if (node.type !== 'element' || node.tagName !== 'a' || !parent || index === undefined) return;
      const href = typeof node.properties.href === 'string' ? node.properties.href.trim() : '';
      if (usable(href, ids)) {
        if (/^https?:/i.test(href)) node.properties.rel = ['noopener'];
        return;
      }
      const checked = checkUrl(href);
      if (checked.ok) {
        node.properties.href = checked.url;
        if (/^https?:/i.test(checked.url)) node.properties.rel = ['noopener'];
        return;
      }
      (parent.children as ElementContent[]).splice(index, 1, ...node.children);
      return index;
    });
  };
}

function usable(href: string, ids: Set<string>): boolean {
  if (href.startsWith('#')) return ids.has(decodeURIComponent(href.slice(1)));
  // Relative addresses mean nothing in a printed brief or outside its original site.
  return false;
}
