/**
 * A capitals lead-in: a news article's first words set in capitals ("THE INFORMATION
 * Commissioner has agreed …"), a typographic device of the page, not of the words. An editor
 * writes them in the text's own case: the first word capitalized, each other word as the text
 * writes it elsewhere (a name's words capitalized, "Information Commissioner"; other words in
 * lower case). Words that are no English words (acronyms: "ICO") stay in capitals; a dateline's
 * place ("WASHINGTON –") is no lead-in (it has its own rule).
 */
import { isEnglishWord } from './english-words.js';

const leadIn = /^((?:\p{Lu}{1,}[’']?\p{Lu}*\s+){1,4})(?=\p{Lu}\p{Ll})/u;

/** The text with its capitals lead-in written in the text's case; the text itself when it has none. */
export function withoutCapitalsLeadIn(text: string, context: string): string {
  const m = leadIn.exec(text);
  if (!m) return text;
  const words = m[1]!.trim().split(/\s+/);
  // Two words or more, the first an English word of two letters or more ("THE", "A" too): a lead-in, no acronym.
  if (words.length < 2 || !isEnglishWord(words[0]!.toLowerCase())) return text;
  const cased = words.map((word, k) => {
    const lower = word.toLowerCase();
    if (!isEnglishWord(lower)) return word;
    const capital = lower[0]!.toUpperCase() + lower.slice(1);
    if (k === 0) return capital;
    // As the text writes the word inside its sentences: capitalized ("the Information Commissioner’s Office") or not.
    const inside = (form: string) => (context.match(new RegExp(`[\\p{Ll},;]\\s+${form}\\b`, 'gu')) ?? []).length;
    return inside(capital) > inside(lower) ? capital : lower;
  });
  return `${cased.join(' ')} ${text.slice(m[1]!.length)}`;
}
