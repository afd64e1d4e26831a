/**
 * What a careful editor wants of a PDF read as Markdown (`expected.md` beside a real PDF of
 * test/fixtures/normalize-pdf), compared with what the reader made of it: the round trip's
 * facts (title, date, headings, list items, table cells, code, links, the words in order),
 * and besides them the bold and italic stretches and the hard line breaks, in order, and no words the editor left
 * out (page furniture, letterhead) beyond one in a hundred.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { comparable, compareRoundTrip, markdownFacts } from './pdf-round-trip.js';

const parser = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm);

/** Bold and italic stretches of a Markdown text, in order (`**a**`, `*b*`). */
function emphasis(markdown: string): string[] {
  const out: string[] = [];
  visit(parser.parse(markdown) as Root, (node) => {
    if (node.type === 'strong' || node.type === 'emphasis') out.push(`${node.type === 'strong' ? '**' : '*'}${comparable(toString(node))}`);
  });
  return out;
}

/** The text before each hard line break (an address or a signature kept as lines). */
function breaks(markdown: string): string[] {
  const out: string[] = [];
  visit(parser.parse(markdown) as Root, 'paragraph', (node) => {
    let text = '';
    for (const child of node.children) {
      if (child.type === 'break') out.push(comparable(text).split(' ').slice(-2).join(' '));
      else text += ` ${toString(child)}`;
    }
  });
  return out;
}

/** What differs between the editor's Markdown and the reader's; empty when the reader got it right. */
export function editorProblems(expected: string, got: string): string[] {
  const problems = compareRoundTrip('editor', expected, got).problems;
  const [want, have] = [emphasis(expected), emphasis(got)];
  if (want.join('\n') !== have.join('\n')) problems.push(`emphasis: ${JSON.stringify(have)} instead of ${JSON.stringify(want)}`);
  if (breaks(expected).join('\n') !== breaks(got).join('\n'))
    problems.push(`line breaks after: ${JSON.stringify(breaks(got))} instead of ${JSON.stringify(breaks(expected))}`);
  const wanted = new Map<string, number>();
  for (const word of markdownFacts(expected).words) wanted.set(word, (wanted.get(word) ?? 0) + 1);
  let extra = 0;
  for (const word of markdownFacts(got).words) {
    const left = wanted.get(word) ?? 0;
    if (left > 0) wanted.set(word, left - 1);
    else extra++;
  }
  const words = markdownFacts(expected).words.length;
  if (extra > Math.max(1, words / 100)) problems.push(`${extra} words the editor left out (page furniture, letterhead)`);
  return problems;
}
