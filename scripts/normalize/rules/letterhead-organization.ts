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

/**
 * The site names of the web addresses a text gives ("hrw.org", "www.eff.org",
 * "https://fightforthefuture.org/…" → hrw, eff, fightforthefuture): evidence of the
 * organization's name, which a letterhead writes beside them.
 */
export function siteNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/(?:https?:\/\/)?(?:www\.)?((?:[a-z0-9-]+\.)+)(?:org|com|net|eu|uk|de|fr|be|int|info|io|gov|ca|au)\b/gi)) {
    // "bra.org.uk": the name is the last label that is not a second-level domain.
    const labels = m[1]!
      .toLowerCase()
      .split('.')
      .filter((label) => label && !/^(?:co|org|gov|ac|net)$/.test(label));
    const name = labels.at(-1);
    if (name && name.length >= 2) names.add(name);
  }
  return names;
}

const nameMinorWords = new Set(['for', 'the', 'of', 'and', 'on', 'in', 'at', 'to', '&']);

/**
 * Is a short line the name of the organization whose site the text names: its letters
 * ("Fight for the Future" → fightforthefuture) or its initials ("Human Rights Watch" → hrw,
 * "Center for Democracy & Technology" → cdt) are a site name?
 */
export function isNamedBySite(text: string, sites: ReadonlySet<string>): boolean {
  if (text.length > 160) return false; // a name of at most eight words (and no long line for the pattern below to walk back over)
  // A company's legal suffix is no part of its name's letters or initials ("Electronic Frontiers Australia Inc." → efa).
  const t = text.trim().replace(/(?<=\S\s+\S+\s+\S+),?\s+(?:inc|incorporated|ltd|limited|llc|gmbh|plc)\.?$/i, '');
  if (!sites.size || !/^\p{L}/u.test(t) || /[.!?:,;]$/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 8) return false;
  const squashed = squash(t);
  if (squashed.length >= 3 && sites.has(squashed)) return true;
  if (words.length < 2) return false;
  // The site leaves out the name's last word when it says what kind of body it is ("Common Sense Media" → commonsense).
  const [last] = words.slice(-1);
  if (words.length <= 5 && (orgWords.test(last!) || /^(?:media|action|international)$/i.test(last!)) && /^\p{Lu}/u.test(last!)) {
    const head = squash(words.slice(0, -1).join(' '));
    if (head.length >= 6 && sites.has(head)) return true;
  }
  const initials = (list: string[]) => list.map((w) => w[0]!.toLowerCase()).join('');
  const significant = words.filter((w) => !nameMinorWords.has(w.toLowerCase()));
  return sites.has(initials(words)) || (significant.length >= 2 && sites.has(initials(significant)));
}
