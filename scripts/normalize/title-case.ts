/**
 * ALL-CAPS titles and headings → title case. Which words are acronyms is decided from
 * evidence in the text itself: a word the body writes with two or more capitals
 * ("ITU", "ITRs", "WCIT") keeps that form; dotted abbreviations ("U.S."), words with
 * digits ("G20") and Roman numerals keep their capitals. Minor words are lower case
 * except first and last (title-case does the capitalizing).
 */
import { titleCase } from 'title-case';

export const MINOR_WORDS = new Set(
  'a an and as at but by en for from if in into nor of off on onto or per so than the to up v vs via with yet'.split(' '),
);

const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Is the text written in capitals (a shouted title or heading)? */
export function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 3) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length >= 0.85;
}

/** Forms of words the text writes with inner or several capitals: lower case → as written. */
export function acronymEvidence(text: string): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const line of text.split('\n')) {
    if (isAllCaps(line)) continue; // a shouted line is no evidence
    for (const [word] of line.matchAll(wordPattern)) {
      const bare = word.replace(/['’]s$/i, '');
      if ((bare.match(/\p{Lu}/gu)?.length ?? 0) < 2 && !/^\p{Ll}+\p{Lu}/u.test(bare)) continue;
      const forms = counts.get(bare.toLowerCase()) ?? new Map<string, number>();
      forms.set(bare, (forms.get(bare) ?? 0) + 1);
      counts.set(bare.toLowerCase(), forms);
    }
  }
  return new Map([...counts].map(([lower, forms]) => [lower, [...forms].sort((a, b) => b[1] - a[1])[0]![0]]));
}

const roman = /^(?:II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XX)$/;

/** Title-case an ALL-CAPS text; text that is not all capitals comes back unchanged. */
export function toTitleCase(text: string, evidence: Map<string, string>): string {
  if (!isAllCaps(text)) return text;
  const lowered = text.replace(/(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu, (word) => {
    if (/^(?:\p{L}\.){2,}$/u.test(word)) return word.toUpperCase();
    const possessive = /['’]s$/i.test(word) ? word.slice(-2).toLowerCase() : '';
    const bare = possessive ? word.slice(0, -2) : word;
    const known = evidence.get(bare.toLowerCase());
    if (known) return known + possessive;
    if (roman.test(bare) || /\p{N}/u.test(bare) || bare === 'I') return bare + possessive;
    return word.toLowerCase();
  });
  return titleCase(lowered, { smallWords: MINOR_WORDS });
}
