/**
 * Rule `letterhead-tagline`: a slogan in the letterhead: an all-capitals line above the
 * title that is not the title, often with separators (•, |, ·). Also the configured tagline.
 *
 *   in:  KEEPING THE INTERNET / OPEN • INNOVATIVE • FREE
 *   out: (removed from the body)
 */
import { defineRule } from '../../core/rules.js';
export const { id, summary } = defineRule('letterhead-tagline');

export function test(text: string): boolean {
  const t = text.trim();
  const letters = t.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && !/[.!?]$/.test(t) && t.split(/\s+/).length <= 10;
}

/** A line made of short words between separators: "OPEN • INNOVATIVE • FREE". */
export const hasSeparators = (text: string) => /\S\s+[•·|◦▪–—/]\s+\S/.test(text);
