/**
 * Rule `page-number`: a line that is only a page number: "2", "- 2 -", "Page 2",
 * "Page 2 of 3", "2/3", "p. 2".
 *
 *   in:  Page 2 of 3
 *   in:  Open Rights Group                         Page 1 of 1
 *   out: (removed; a paragraph cut by the page break is joined again)
 */
import { defineRule } from '../../core/rules.js';
export const { id, summary } = defineRule('page-number');

const shape = /^[-–—\s]*(?:(?:page|p\.|pg\.?)\s*)?\d{1,3}(?:\s*(?:of|\/)\s*\d{1,3})?[-–—\s]*$/i;

const namedPage = /^(?:page|p\.|pg\.?)\s*\d{1,3}(?:\s*(?:of|\/)\s*\d{1,3})?$/i;

/**
 * Also a footer that puts the page number beside a short name, with a gutter between them
 * as `pdftotext -layout` writes it ("Open Rights Group          Page 1 of 1").
 */
export function test(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  if (shape.test(t)) return true;
  if (!/\s{2}/.test(t)) return false;
  const parts = t.split(/\s{2,}/);
  if (parts.length !== 2) return false;
  const [first, last] = parts as [string, string];
  return (namedPage.test(last) && first.split(' ').length <= 8) || (namedPage.test(first) && last.split(' ').length <= 8);
}
