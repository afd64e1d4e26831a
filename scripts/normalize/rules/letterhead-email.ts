/**
 * Rule `letterhead-email`: a line that is only an e-mail address, optionally labelled.
 *
 *   in:  E info@example.org · Email: press@example.org
 *   out: (removed from the body)
 */
import { defineRule } from '../../core/rules.js';
export const { id, summary } = defineRule('letterhead-email');

const shape = /^(?:(?:e|email|e-mail|mail)\.?\s*:?\s*)?<?[\w.+'-]+@[\w-]+(?:\.[\w-]+)+>?$/i;

export function test(text: string): boolean {
  return shape.test(text.trim());
}
