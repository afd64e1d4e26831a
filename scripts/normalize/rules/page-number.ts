/**
 * Rule `page-number`: a line that is only a page number: "2", "- 2 -", "Page 2",
 * "Page 2 of 3", "2/3", "p. 2".
 *
 *   in:  Page 2 of 3
 *   out: (removed; a paragraph cut by the page break is joined again)
 */
import { defineRule } from '../../core/rules.js';
export const { id, summary } = defineRule('page-number');

const shape = /^[-–—\s]*(?:(?:page|p\.|pg\.?)\s*)?\d{1,3}(?:\s*(?:of|\/)\s*\d{1,3})?[-–—\s]*$/i;

export function test(text: string): boolean {
  return shape.test(text.trim()) && text.trim() !== '';
}
