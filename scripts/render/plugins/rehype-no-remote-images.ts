/**
 * rehypeNoRemoteImages: a brief embeds no images from sources: nothing is fetched while
 * printing or when a reader opens the archive. An image with an http(s) address becomes
 * a link to it (its alt text, or the address, as the link text); any other image is
 * dropped, leaving its alt text. (`remarkContentWarnings` tells the author.)
 */
import type { ElementContent, Nodes, Root } from 'hast';
import { walkTree } from './walk-tree.js';

export default function rehypeNoRemoteImages() {
  return (tree: Root) => {
    walkTree<Nodes>(tree, (node, index, parent) => {
      if (node.type !== 'element' || node.tagName !== 'img' || !parent || index === undefined) return;
      const src = typeof node.properties.src === 'string' ? node.properties.src : '';
      const alt = typeof node.properties.alt === 'string' ? node.properties.alt.trim() : '';
      let replacement: ElementContent[] = alt ? [{ type: 'text', value: alt }] : [];
      if (/^https?:\/\//i.test(src) && parent.type === 'element' && parent.tagName !== 'a') {
        replacement = [
          { type: 'element', tagName: 'a', properties: { href: src, rel: ['noopener'] }, children: [{ type: 'text', value: alt || src }] },
        ];
      }
      (parent.children as ElementContent[]).splice(index, 1, ...replacement);
      return index;
    });
  };
}
