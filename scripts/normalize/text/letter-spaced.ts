/**
 * Letter-spaced capitals (a kicker or label set with wide tracking, "F O R  R E L E A S E")
 * come out of a PDF's text with a space after every letter, and often with no wider gap
 * where the words part. The letters are joined again; where the text gives no word gaps,
 * the words are found in the English word list (fewest words that spell the letters), and
 * letters that spell no words stay one word (an acronym: "C D T" → "CDT").
 */
import { isEnglishWord } from './english-words.js';

/** Four or more single capitals, each followed by one or more spaces (digits apart are a table's cells, not a word). */
const SPACED = /^(?:\p{Lu} +){3,}\p{Lu}$/u;

/** The longest run of letters split into words by the word list; longer runs stay as they are. */
const MAX_LETTERS = 40;

export function isLetterSpaced(text: string): boolean {
  return SPACED.test(text.trim());
}

/** `F O R R E L E A S E` → `FOR RELEASE`; text that is not letter-spaced comes back as it is. */
export function closeLetterSpacing(text: string): string {
  const trimmed = text.trim();
  if (!SPACED.test(trimmed)) return text;
  const lead = text.slice(0, text.indexOf(trimmed));
  const tail = text.slice(lead.length + trimmed.length);
  // Wider gaps (two or more spaces) where the words part, when the text kept them.
  const groups = / {2,}/.test(trimmed) ? trimmed.split(/ {2,}/) : [trimmed];
  const words = groups.flatMap((group) => {
    const letters = group.replace(/ /g, '');
    return groups.length > 1 ? [letters] : splitIntoWords(letters);
  });
  return `${lead}${words.join(' ')}${tail}`;
}

/** The fewest English words that spell `letters` in order, in its own case; `[letters]` when none do. */
function splitIntoWords(letters: string): string[] {
  if (letters.length > MAX_LETTERS || isEnglishWord(letters)) return [letters];
  const n = letters.length;
  // best[i]: the fewest words spelling letters[0, i), with the start of its last word.
  const best: ({ count: number; from: number } | undefined)[] = [{ count: 0, from: 0 }];
  for (let end = 1; end <= n; end++) {
    for (let start = 0; start < end; start++) {
      const before = best[start];
      if (!before) continue;
      const piece = letters.slice(start, end);
      const word = piece.length === 1 ? piece === 'A' || piece === 'I' : isEnglishWord(piece);
      if (word && (!best[end] || before.count + 1 < best[end]!.count)) best[end] = { count: before.count + 1, from: start };
    }
  }
  if (!best[n]) return [letters];
  const words: string[] = [];
  for (let end = n; end > 0; end = best[end]!.from) words.unshift(letters.slice(best[end]!.from, end));
  return words;
}
