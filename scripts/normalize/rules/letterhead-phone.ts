/**
 * Rule `letterhead-phone`: a letterhead phone or fax line, recognized by its shape.
 *
 *   in:  P +1-202-637-9800 · Tel. (020) 7946 0958 · Fax: 202.555.0100 · phone 202-555-0100 ext. 12
 *   out: (removed from the body)
 */
import { defineRule } from '../../core/rules.js';
export const { id, summary } = defineRule('letterhead-phone');

const label = String.raw`(?:p|t|f|m|ph|tel|fax|phone|telephone|telefax|facsimile|main|office|voice|mobile|cell)\.?\s*:?\s*`;
const number = String.raw`\+?\(?\d[\d\s().\-–/]{5,}\d(?:\s*(?:ext\.?|x)\s*\d{1,5})?`;
const shape = new RegExp(`^(?:${label})?${number}$`, 'i');

export function test(text: string): boolean {
  const t = text.trim();
  return (
    shape.test(t) &&
    (t.match(/\d/g)?.length ?? 0) >= 7 &&
    !/^\d{4}\s*[-–]\s*\d{4}$/.test(t) &&
    !/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(t)
  );
}
