/**
 * walkTree, the walk our plugins use instead of unist-util-visit (scripts/plugins/walk-tree.ts):
 * the same order, SKIP, and going on from an index after the children were changed.
 */
import type { Element, ElementContent, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { SKIP as VISIT_SKIP, visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { SKIP, walkTree } from '../../scripts/render/plugins/walk-tree.js';

const html =
  '<section><h2 id="a">A <em>b</em></h2><p>x <a href="#a">one</a> <a>two <strong>2</strong></a></p></section><p>y<img src="i.png"></p>';
const tree = () => fromHtml(html, { fragment: true }) as Root;
const name = (n: Nodes) => (n.type === 'element' ? n.tagName : n.type === 'text' ? `"${n.value}"` : n.type);

describe('walkTree', () => {
  it('visits the tree and every node, parents first, as unist-util-visit does', () => {
    const ours: string[] = [];
    const theirs: string[] = [];
    walkTree<Nodes>(tree(), (node, index, parent) => void ours.push(`${name(node)}@${index ?? '-'}<${parent ? name(parent) : ''}`));
    visit(
      tree(),
      (node, index, parent) => void theirs.push(`${name(node as Nodes)}@${index ?? '-'}<${parent ? name(parent as Nodes) : ''}`),
    );
    expect(ours).toEqual(theirs);
    expect(ours.length).toBeGreaterThan(15);
  });

  it('does not go into a node whose visitor returns SKIP', () => {
    const seen: string[] = [];
    walkTree<Nodes>(tree(), (node) => {
      seen.push(name(node));
      if (node.type === 'element' && node.tagName === 'h2') return SKIP;
    });
    expect(seen).toContain('h2');
    expect(seen).not.toContain('em');
    expect(seen).toContain('strong');
  });

  it('goes on from the index it is given, visiting what was put in the node’s place', () => {
    // Unwrap every link without an address, as rehype-safe-links does; a link inside one
    // would be visited (and unwrapped) too.
    const unwrap = (root: Root, walker: 'ours' | 'theirs') => {
      const step = (node: Nodes, index: number | undefined, parent: { children: unknown[] } | undefined) => {
        if (node.type !== 'element' || node.tagName !== 'a' || node.properties.href || !parent || index === undefined) return undefined;
        (parent.children as ElementContent[]).splice(index, 1, ...(node as Element).children);
        return index;
      };
      if (walker === 'ours') walkTree<Nodes>(root, step);
      else visit(root, (node, index, parent) => (step(node as Nodes, index, parent) === undefined ? undefined : [VISIT_SKIP, index!]));
      return toHtml(root);
    };
    const ours = unwrap(tree(), 'ours');
    expect(ours).toBe(unwrap(tree(), 'theirs'));
    expect(ours).toContain('<a href="#a">one</a> two <strong>2</strong></p>');
  });
});
