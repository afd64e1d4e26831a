/**
 * Rule `letterhead-organization`: the organization's name in the letterhead: the
 * configured name (also when split over lines or in capitals), or, near the top, an
 * all-capitals line shaped like an organization's name (Center, Institute, Foundation…).
 *
 *   in:  CENTER FOR DEMOCRACY / & TECHNOLOGY   (config: Center for Democracy & Technology)
 *   out: (removed from the body)
 */
import { defineRule } from '../../core/rules.js';
export const { id, summary } = defineRule('letterhead-organization');

const orgWords =
  /\b(?:center|centre|institute|foundation|council|association|society|coalition|alliance|federation|league|committee|union|fund|trust|forum|initiative|network|project|lab|laboratory|office|bureau|agency|group|partnership|consortium|university|college|school|academy|inc|llc|ltd|gmbh|corporation|company)\b/i;

const ascii = /^[\x00-\x7f]*$/;

/** Letters and digits only, lower case: for comparing lines with configured details. */
export const squash = (s: string) =>
  ascii.test(s) // ASCII is its own NFKD, and its letters and digits are [a-z0-9] once lower case
    ? s
        .toLowerCase()
        .replace(/&/g, 'and')
        .replace(/[^a-z0-9]+/g, '')
    : s
        .normalize('NFKD')
        .toLowerCase()
        .replace(/&/g, 'and')
        .replace(/[^\p{L}\p{N}]+/gu, '');

/** A line (squashed) is the configured name (squashed), a piece of it (the name split over lines), or its short name. */
export function matchesSquashedName(t: string, names: readonly string[]): boolean {
  if (t.length < 2) return false;
  return names.some((n) => n.length > 0 && (t === n || (t.length >= 4 && n.includes(t) && t.length >= n.length / 4)));
}

/** A short title-like line naming an organization ("Harbor Coalition for Clean Water"), in any case. */
export function looksLikeName(text: string): boolean {
  const t = text.trim();
  return orgWords.test(t) && t.split(/\s+/).length <= 8 && !/[.!?:,;]$/.test(t) && /^\p{Lu}/u.test(t);
}

export function test(text: string): boolean {
  const t = text.trim();
  if (!orgWords.test(t) || t.split(/\s+/).length > 8 || /[.!?:]$/.test(t)) return false; // the cheap questions first
  const letters = t.replace(/[^\p{L}]/gu, '');
  return letters.length > 3 && letters === letters.toUpperCase();
}
