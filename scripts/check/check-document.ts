/**
 * The checks a print run needs on one brief's Markdown, each a rule with a name:
 *
 * - `unresolved-reference` (error): `[text](#) [3]` whose number the Links list did not give.
 * - `empty-link` (error): a link with no address or only `#`.
 * - `missing-anchor` (error): `[see below](#costs)` where no heading has the id `costs`.
 * - `missing-target` (error): a relative link to a file that does not exist (the HTML stage
 *   also warns, `relative-link`, that paper cannot follow a relative link at all).
 * - `bad-url` (error): an http(s) address that is not a valid URL.
 * - `missing-image` (error): an image whose file does not exist.
 * - `image-alt` (error): an image without alt text.
 * - `placeholder` (warning): `TODO` left in the text (as `npm run new` writes it).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Image, Link, Nodes, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkGfmEmailAfterParse from '../render/plugins/remark-gfm-email-after-parse.js';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { walkTree } from '../render/plugins/walk-tree.js';
import { report as reportRule, type RuleId } from '../core/rules.js';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkGfmEmailAfterParse).freeze();

export interface DocumentContext {
  /** Absolute folder the Markdown's relative links start from. */
  baseDir: string;
  /** Ids of the brief's headings, as the HTML stage gives them. */
  headingIds: ReadonlySet<string>;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Check `file.value` (a brief's Markdown), adding the problems as messages on `file`. */
export function checkDocument(file: VFile, context: DocumentContext): void {
  const tree = parser.parse(file) as Root;
  const report: Report = (reason, node, ruleId, fatal) => {
    reportRule(file, ruleId, reason, { place: node.position, severity: fatal ? 'error' : 'warning' });
  };

  walkTree<Nodes>(tree, (node, index, parent) => {
    if (node.type === 'link') {
      const next = index !== undefined ? (parent?.children[index + 1] as Nodes | undefined) : undefined;
      checkLink(node, next?.type === 'text' ? next : undefined, context, report);
    } else if (node.type === 'image') {
      checkImage(node, context, report);
    } else if (node.type === 'text' || node.type === 'yaml') {
      if (/\]\(#?\)/.test(node.value))
        report(`unresolved link left in the text: “${excerpt(node.value, /\[[^\]]*\]\(#?\)/)}”`, node, 'unresolved-reference', true);
      if (/\bTODO\b/.test(node.value)) report(`placeholder left in: “${excerpt(node.value, /\bTODO\b/)}”`, node, 'placeholder', false);
    }
  });
}

type Report = (reason: string, node: Node, ruleId: RuleId, fatal: boolean) => void;

function checkLink(node: Link, next: Text | undefined, context: DocumentContext, report: Report): void {
  const label = toString(node).trim() || node.url;
  const url = node.url.trim();
  if (url === '' || url === '#') {
    const reference = next && /^\s*\[(\d+)\]/.exec(next.value);
    if (reference)
      report(`link “${label}” cites reference [${reference[1]}], which the Links list does not give`, node, 'unresolved-reference', true);
    else report(`link “${label}” has no address`, node, 'empty-link', true);
    return;
  }
  if (url.startsWith('#')) {
    const id = safeDecode(url.slice(1));
    if (!context.headingIds.has(id)) {
      const known = [...context.headingIds].map((i) => `#${i}`).join(', ') || 'none';
      report(`link “${label}” points at ${url}, but no heading has that id (headings: ${known})`, node, 'missing-anchor', true);
    }
    return;
  }
  if (/^https?:/i.test(url)) {
    if (!URL.canParse(url) || !new URL(url).hostname.includes('.'))
      report(`link “${label}” has an invalid address ${url}`, node, 'bad-url', true);
    return;
  }
  if (SCHEME.test(url) || url.startsWith('//')) return;
  const target = path.resolve(context.baseDir, safeDecode(url.split(/[?#]/)[0]!));
  if (!existsSync(target)) report(`link “${label}” points at ${url}, which does not exist`, node, 'missing-target', true);
}

function checkImage(node: Image, context: DocumentContext, report: Report): void {
  if (!node.alt?.trim())
    report(`image ${node.url || '(no address)'} has no alt text; describe it for readers who cannot see it`, node, 'image-alt', true);
  const url = node.url.trim();
  if (url === '') return report('image has no address', node, 'missing-image', true);
  if (SCHEME.test(url) || url.startsWith('//')) return;
  if (!existsSync(path.resolve(context.baseDir, safeDecode(url.split(/[?#]/)[0]!))))
    report(`image ${url} does not exist`, node, 'missing-image', true);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function excerpt(text: string, at: RegExp): string {
  const match = at.exec(text);
  const start = Math.max(0, (match?.index ?? 0) - 20);
  return `${start > 0 ? '…' : ''}${text.slice(start, start + 60).trim()}${start + 60 < text.length ? '…' : ''}`;
}
