/**
 * remark-gfm's search for bare addresses in the parsed text (mdast-util-gfm-autolink-literal:
 * `www.`, `http://`, `https://` and e-mail addresses not linked while parsing), run only
 * on the paragraphs, headings and table cells whose text could hold one. remark-gfm runs
 * it on the whole tree, once per kind of address, and each pass walks every node: about
 * half a millisecond a brief, most briefs having one or two paragraphs with an address
 * (the contacts, "further information"). Run on a block, the search finds exactly what it
 * finds there when run on the whole tree: it looks at one text node at a time, and skips
 * links. To be used right after remark-gfm.
 */
import type { Nodes, Root } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import type { Processor } from 'unified';
import { SKIP, walkTree } from './walk-tree.js';

type Transform = (tree: Root) => Root | null | undefined | void;
interface FromMarkdownExtension {
  transforms?: Transform[];
}
type Extensions = (FromMarkdownExtension | Extensions)[];

/** Every address the search finds starts with one of these; `@` for e-mail, `mailto:` and `xmpp:`. */
const MAY_HOLD_ADDRESS = /@|www\.|https?:\/\//i;
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

const search = gfmAutolinkLiteralFromMarkdown().transforms?.[0];

function mayHoldAddress(block: Nodes): boolean {
  let found = false;
  walkTree<Nodes>(block, (node) => {
    if (found) return SKIP;
    if (node.type === 'text' && MAY_HOLD_ADDRESS.test(node.value)) found = true;
  });
  return found;
}

function searchWhereNeeded(tree: Root): undefined {
  walkTree<Nodes>(tree, (node) => {
    if (!BLOCKS.has(node.type)) return;
    if (mayHoldAddress(node)) search!(node as unknown as Root);
    return SKIP;
  });
  return undefined;
}

function replaceSearch(extensions: Extensions): void {
  for (const [i, extension] of extensions.entries()) {
    if (Array.isArray(extension)) replaceSearch(extension);
    else if (extension.transforms?.includes(search!))
      extensions[i] = { ...extension, transforms: extension.transforms.map((t) => (t === search ? searchWhereNeeded : t)) };
  }
}

export default function remarkGfmLiteralLinksWhereNeeded(this: Processor): void {
  const extensions = this.data('fromMarkdownExtensions') as Extensions | undefined;
  // Another version of the package, whose search this one cannot find: it stays as it was.
  if (search && extensions) replaceSearch(extensions);
}
