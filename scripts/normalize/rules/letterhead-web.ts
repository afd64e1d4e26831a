/**
 * Rule `letterhead-web`: a line that is only a web address (www…, http…, or a bare domain).
 *
 *   in:  www.example.org · Web: https://example.org/ · example.org
 *   out: (removed from the body)
 */
import { defineRule } from '../../core/rules.js';
export const { id, summary } = defineRule('letterhead-web');

const shape =
  /^(?:(?:w|web|website|online)\.?\s*:?\s*)?(?:(?:https?:\/\/)?www\.[\w.-]+\.[a-z]{2,}\/?|https?:\/\/[\w.-]+\.[a-z]{2,}\/?|[\w-]+(?:\.[\w-]+)*\.(?:org|com|net|edu|gov|int|eu|info|io|[a-z]{2}))$/i;

export function test(text: string): boolean {
  return shape.test(text.trim());
}
