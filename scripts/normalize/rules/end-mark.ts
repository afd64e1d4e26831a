/**
 * Rule `end-mark`: the mark that closes a press release or a news item: "###",
 * "# # #", "-30-", "– END –", "ENDS". It is removed wherever it stands alone on a line.
 *
 *   in:  ###
 *   out: (removed from the body)
 */
import { defineRule } from '../../core/rules.js';
export const { id, summary } = defineRule('end-mark');

/** "###", "# # #", "-30-", "- 30 -", "END", "– ENDS –" (capitals: "End" alone may be a word). */
const shape = /^(?:#(?:\s*#){2,}|[-–—]\s*30\s*[-–—]|[-–—]*\s*(?:END|ENDS)\s*[-–—]*)$/;

export function test(text: string): boolean {
  return shape.test(text.trim());
}
