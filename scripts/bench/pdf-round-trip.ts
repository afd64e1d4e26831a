/**
 * The PDF round trip: every PDF briefpress prints, read back by the PDF reader, should
 * give the Markdown it was printed from: the same title, date, headings, list items,
 * links, table cells (with their bold and italic text) and code, and the words of the body in the same order (at least 99.5% of them). Used by
 * the round-trip test (a few dozen briefs) and `npm run bench -- --pdf-round-trip N`
 * (a few hundred).
 */
import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Code, Heading, InlineCode, Link, ListItem, Nodes, Root, RootContent, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import type { SiteConfig } from '../core/config.js';
import { normalize, readSource } from '../normalize/index.js';
import { generateSources, writeSources } from './generate-sources.js';

export interface MarkdownFacts {
  title: string;
  date?: string;
  headings: string[];
  items: string[];
  links: string[];
  /** Each table's column alignments (`align: left right`), then its cells row by row (`a | b` a row). */
  tables: string[];
  /** Code spans and code blocks, their text. */
  code: string[];
  words: string[];
}

export interface RoundTripResult {
  slug: string;
  ok: boolean;
  /** Words of the original body found in the same order in the read-back, as a share of them. */
  words: number;
  /** What differs (title, date, headings, items, links, words), empty when it passes. */
  problems: string[];
}

/** The minimum share of the original words, in order, that the read-back must hold. */
export const WORDS_IN_ORDER = 0.995;

/** Text compared as a reader sees it: quotes, dashes and spaces of any kind alike, case ignored. */
export const comparable = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[‘’ʼ′]/g, "'")
    .replace(/[“”″]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

const parser = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm);

/** A node's text with its bold and italic stretches marked (`**…**`, `*…*`), as a table cell is compared. */
function emphasized(node: Nodes): string {
  if (node.type === 'strong') return `**${node.children.map(emphasized).join('')}**`;
  if (node.type === 'emphasis') return `*${node.children.map(emphasized).join('')}*`;
  return 'children' in node ? node.children.map(emphasized).join('') : toString(node);
}

/** Title, date, headings, list items, link targets and words of a normalized Markdown brief. */
export function markdownFacts(markdown: string): MarkdownFacts {
  const tree = parser.parse(markdown) as Root;
  let data: Record<string, unknown> = {};
  const first = tree.children[0];
  if (first?.type === 'yaml') data = (parseYaml(first.value) as Record<string, unknown>) ?? {};
  const headings: string[] = [];
  const items: string[] = [];
  const links: string[] = [];
  const tables: string[] = [];
  const code: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'table') tables.push(`align: ${(node as Table).align?.map((a) => a ?? 'left').join(' ')}`);
    if (node.type === 'tableRow') tables.push((node as TableRow).children.map((cell) => comparable(emphasized(cell))).join(' | '));
    if (node.type === 'inlineCode' || node.type === 'code') code.push((node as InlineCode | Code).value.replace(/\s+/g, ' ').trim());
    if (node.type === 'heading') headings.push(comparable(toString(node as Heading)));
    // An item's own text: its first paragraph (nested lists are items of their own).
    if (node.type === 'listItem') {
      const head = (node as ListItem).children[0];
      items.push(comparable(head ? toString(head) : ''));
    }
    // Links a brief can print (the renderer drops other schemes), as a browser writes them.
    if (node.type === 'link' && /^(?:https?|mailto|tel):/i.test((node as Link).url))
      links.push((node as Link).url.replace(/^(https?:\/\/[^/?#]+)\/$/i, '$1'));
  });
  // Raw HTML is sanitized when rendered: its words are no text of the brief.
  const body = tree.children.filter((n) => n.type !== 'yaml' && n.type !== 'html');
  // A table's cells are words apart.
  const text = (node: RootContent): string =>
    node.type === 'table' ? node.children.flatMap((row) => row.children.map((cell) => toString(cell))).join(' ') : toString(node);
  const words = comparable(body.map(text).join(' ')).match(/[\p{L}\p{N}]+/gu) ?? [];
  const facts: MarkdownFacts = {
    title: comparable(String(data.title ?? '')),
    headings,
    items,
    links: [...new Set(links)].sort(),
    tables,
    code,
    words,
  };
  if (data.date !== undefined) facts.date = data.date instanceof Date ? data.date.toISOString().slice(0, 10) : String(data.date);
  return facts;
}

/** Length of the longest common subsequence of two word lists (two rows of the table at a time). */
function commonInOrder(a: readonly string[], b: readonly string[]): number {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

const differ = (a: readonly string[], b: readonly string[]) => a.length !== b.length || a.some((x, i) => x !== b[i]);

/** Compare the Markdown a PDF was printed from with what the PDF reader read back. */
export function compareRoundTrip(slug: string, original: string, readBack: string): RoundTripResult {
  const want = markdownFacts(original);
  const got = markdownFacts(readBack);
  const problems: string[] = [];
  if (want.title !== got.title) problems.push(`title: ${JSON.stringify(got.title)} instead of ${JSON.stringify(want.title)}`);
  if (want.date !== got.date) problems.push(`date: ${got.date} instead of ${want.date}`);
  if (differ(want.headings, got.headings))
    problems.push(`headings: ${JSON.stringify(got.headings)} instead of ${JSON.stringify(want.headings)}`);
  if (differ(want.items, got.items)) {
    const k = want.items.findIndex((item, i) => item !== got.items[i]);
    problems.push(
      `list items (${got.items.length} of ${want.items.length}): first differs at ${k}: ${JSON.stringify(got.items[k])} instead of ${JSON.stringify(want.items[k])}`,
    );
  }
  if (differ(want.tables, got.tables)) {
    const k = want.tables.findIndex((row, i) => row !== got.tables[i]);
    problems.push(
      `table rows (${got.tables.length} of ${want.tables.length}): first differs at ${k}: ${JSON.stringify(got.tables[k])} instead of ${JSON.stringify(want.tables[k])}`,
    );
  }
  if (differ(want.code, got.code)) problems.push(`code: ${JSON.stringify(got.code)} instead of ${JSON.stringify(want.code)}`);
  const missing = want.links.filter((url) => !got.links.includes(url));
  if (missing.length) problems.push(`links missing: ${missing.join(' ')}`);
  const words = want.words.length ? commonInOrder(want.words, got.words) / want.words.length : 1;
  if (words < WORDS_IN_ORDER) problems.push(`words in order: ${(words * 100).toFixed(2)}%`);
  return { slug, ok: problems.length === 0, words, problems };
}

/** Read back every PDF a build wrote (its manifest) and compare each with its Markdown. */
export async function roundTripBuild(root: string, out: string, organization?: SiteConfig['organization']): Promise<RoundTripResult[]> {
  const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { slug: string; pdf: string; markdown: string }[];
  const results: RoundTripResult[] = [];
  for (const brief of manifest) {
    const original = await readFile(path.join(out, brief.markdown), 'utf8');
    const file = await readSource(path.join(out, brief.pdf), root);
    try {
      results.push(compareRoundTrip(brief.slug, original, normalize(file, organization ? { organization } : {}).markdown));
    } catch {
      results.push({ slug: brief.slug, ok: false, words: 0, problems: file.messages.map((m) => m.reason) });
    }
  }
  return results;
}

/**
 * Render fixtures left out of the round trip: hostile-html's raw HTML is sanitized away by
 * design, so the PDF does not show what its Markdown says.
 */
export const NOT_ROUND_TRIPPED = new Set(['hostile-html']);

/**
 * A project of every kind of brief briefpress prints: the repository's configuration,
 * templates and sample sources, the render fixtures' Markdown, the round trip's own briefs
 * (test/fixtures/pdf-round-trip), and `count` briefs from the bench's generator.
 */
export async function roundTripProject(dir: string, repo: string, count: number, seed = 7): Promise<void> {
  await cp(path.join(repo, 'briefpress.config.yaml'), path.join(dir, 'briefpress.config.yaml'));
  await cp(path.join(repo, 'templates'), path.join(dir, 'templates'), { recursive: true });
  await cp(path.join(repo, 'sources'), path.join(dir, 'sources'), { recursive: true });
  const fixtures = path.join(repo, 'test/fixtures/render');
  for (const name of (await readdir(fixtures)).filter((n) => !NOT_ROUND_TRIPPED.has(n)))
    await cp(path.join(fixtures, name, 'input.md'), path.join(dir, 'sources', `render-${name}.md`));
  // Briefs written for the round trip: a table over a page break, bold and italic text in table cells.
  const own = path.join(repo, 'test/fixtures/pdf-round-trip');
  for (const name of await readdir(own)) await cp(path.join(own, name), path.join(dir, 'sources', `round-trip-${name}`));
  await writeSources(path.join(dir, 'sources/generated'), generateSources({ count, seed }));
}
