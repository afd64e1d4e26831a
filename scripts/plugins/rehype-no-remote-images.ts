/**
 * rehypeNoRemoteImages: a brief embeds no images from sources: nothing is fetched while
 * printing or when a reader opens the archive. An image with an http(s) address becomes
 * a link to it (its alt text, or the address, as the link text); any other image is
 * dropped, leaving its alt text. (`remarkContentWarnings` tells the author.)
 */
import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

export default function rehypeNoRemoteImages() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'img' || !parent || index === undefined) return;
      const src = typeof node.properties.src === 'string' ? node.properties.src : '';
      const alt = typeof node.properties.alt === 'string' ? node.properties.alt.trim() : '';
      let replacement: ElementContent[] = alt ? [{ type: 'text', value: alt }] : [];
      if (/^https?:\/\//i.test(src) && parent.type === 'element' && parent.tagName !== 'a') {
        replacement = [{ type: 'element', tagName: 'a', properties: { href: src, rel: ['noopener'] }, children: [{ type: 'text', value: alt || src }] }];
      }
      parent.children.splice(index, 1, ...replacement);
      return [SKIP, index];
    });
  };
}
