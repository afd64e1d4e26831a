/**
 * rehypeSections: wrap each heading and what follows it (up to the next heading of the
 * same or a higher rank) in a `<section>` labelled by the heading, so print styles can keep
 * a section together, box it or set it apart. Sections are recognized by what their
 * heading says, in general terms, not by a document's exact words:
 *
 * - `key-points`: "Key Points", "Key Takeaways", "Key Findings", "At a Glance", "Summary",
 *   "Highlights", "The Bottom Line", "What You Need to Know", … → a shaded box;
 * - `closing`: "Further Information", "For More Information", "Contact(s)", "Resources",
 *   "Further Reading", "Learn More", … → the closing block with the contacts.
 *
 * Runs after `rehype-slug`, so each section points at its heading's id.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toText } from 'hast-util-to-text';

export const KEY_POINTS =
  /^(?:the\s+)?(?:key\s+(?:points?|takeaways?|findings?|messages?|facts?|issues?|recommendations?|questions?)|at\s+a\s+glance|in\s+brief|(?:executive\s+)?summary|highlights|(?:the\s+)?bottom\s+line|what\s+you\s+(?:need|should)\s+to\s+know|main\s+points|takeaways?|tl;?\s?dr)\b/i;
export const CLOSING =
  /^(?:further\s+(?:information|reading|resources)|(?:for\s+)?(?:more|further|additional)\s+(?:information|info|details|resources)|(?:media\s+|press\s+)?contacts?(?:\s+(?:us|information))?|for\s+(?:questions|inquiries|more)|(?:to\s+)?learn\s+more|(?:additional\s+)?resources|references)\b/i;

/** The class a section gets from its heading's text, if any. */
export function sectionClass(headingText: string): string | undefined {
  const text = headingText.trim().replace(/[:.\s]+$/, '');
  if (KEY_POINTS.test(text)) return 'key-points';
  if (CLOSING.test(text)) return 'closing';
  return undefined;
}

export default function rehypeSections() {
  return (tree: Root) => {
    tree.children = sectionize(tree.children) as RootContent[];
  };
}

function sectionize(children: (RootContent | ElementContent)[]): (RootContent | ElementContent)[] {
  const ranks = children.map((c) => (c.type === 'element' ? headingRank(c) : undefined));
  const top = Math.min(...ranks.map((r) => r ?? Infinity));
  if (top === Infinity) return children;
  const out: (RootContent | ElementContent)[] = [];
  let i = 0;
  while (i < children.length && ranks[i] !== top) out.push(children[i++]!);
  while (i < children.length) {
    const heading = children[i++] as Element;
    const body: (RootContent | ElementContent)[] = [];
    while (i < children.length && ranks[i] !== top) body.push(children[i++]!);
    const className = sectionClass(toText(heading));
    const id = heading.properties.id;
    out.push({
      type: 'element',
      tagName: 'section',
      properties: { ...(className ? { className: [className] } : {}), ...(typeof id === 'string' ? { ariaLabelledBy: [id] } : {}) },
      children: [heading, ...(sectionize(trimWhitespace(body)) as ElementContent[])],
    });
    if (i < children.length) out.push({ type: 'text', value: '\n' });
  }
  return out;
}

/** Drop the newline text nodes at the end of a section (they belong between sections). */
function trimWhitespace(nodes: (RootContent | ElementContent)[]): (RootContent | ElementContent)[] {
  let end = nodes.length;
  while (end > 0 && nodes[end - 1]!.type === 'text' && /^\s*$/.test((nodes[end - 1] as { value: string }).value)) end--;
  return nodes.slice(0, end);
}
