/**
 * Rule `dehyphenate`: a word split across a line end by a hyphen is joined again
 * ("consulta-" + "tion" → "consultation"), and a compound broken at its own hyphen keeps
 * it ("decision-" + "makers"). Decided by the text's own words first (it writes the word
 * with a hyphen, or without, elsewhere), then by its parts (capitalized or a number:
 * "G-20", "Internet-based"; a compounding prefix: "multi-", "self-", "non-"), then by an
 * English word list (npm `word-list`): the joined word is a word → joined; both parts
 * are words → a compound, kept.
 *
 *   in:  a consulta-\ntion of decision-\nmakers … a multi-\nstakeholder model
 *   out: a consultation of decision-makers … a multi-stakeholder model
 */
import { defineRule } from '../../core/rules.js';
import { classAt, LETTER_OR_DIGIT, runEnd, runStart } from '../text/code-points.js';
import { isEnglishWord } from '../text/english-words.js';

export const { id, summary } = defineRule('dehyphenate');

const compoundPrefixes = new Set('anti cross cyber e ex multi non pseudo quasi self semi well'.split(' '));

/** Heads of closed compounds ("some-thing", "there-fore"): a break after them is hyphenation. */
const closedHeads = new Set('some with them there where every what when which under over through other into thereby here'.split(' '));

/** What dehyphenation asks of the text's words: is this word (lower case) one of them? */
export interface WordSet {
  has(word: string): boolean;
}

/** A line-end hyphen (or soft hyphen) and the blanks around the line end. */
const lineEndHyphen = /[-\u00ad][ \t]*(?:\r\n|\r|\n|\f)[ \t\f]*/g;

/**
 * The text with each word broken at a line end ("enforce-\nment") replaced by a space: as
 * `text.replace(/[\p{L}\p{N}]+[-\u00ad][ \t]*(?:\r\n|\r|\n|\f)[ \t\f]*[\p{L}\p{N}]+/gu, ' ')`,
 * found from the (rare) line-end hyphens instead of trying every letter.
 */
function withoutBrokenWords(text: string): string {
  const breaks = new RegExp(lineEndHyphen);
  let out = '';
  let done = 0; // the text before this is handled (copied, or replaced)
  for (let hit = breaks.exec(text); hit; hit = breaks.exec(text)) {
    const start = runStart(text, hit.index, LETTER_OR_DIGIT, done);
    const after = hit.index + hit[0].length;
    const end = runEnd(text, after, LETTER_OR_DIGIT);
    if (start === hit.index || end === after) continue; // no word before the hyphen, or none after the line end
    out += `${text.slice(done, start)} `;
    done = end;
    breaks.lastIndex = end;
  }
  return done === 0 ? text : out + text.slice(done);
}

/** Words: runs of letters and digits joined by single hyphens. */
function addWords(text: string, words: Set<string>): void {
  for (let i = 0; i < text.length;) {
    if (!classAt(text, i, LETTER_OR_DIGIT)) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      i = runEnd(text, i, LETTER_OR_DIGIT);
      if (text.charCodeAt(i) !== 0x2d || !classAt(text, i + 1, LETTER_OR_DIGIT)) break; // "-" and a letter or digit go on
      i++;
    }
    words.add(text.slice(start, i));
  }
}

/**
 * Words of the whole text, lower case, with and without inner hyphens. The two halves of
 * a word hyphenated at a line end are not words of the text ("enforce-" + "ment" must not
 * count as evidence that "enforce" and "ment" are used on their own).
 */
export function vocabulary(text: string): Set<string> {
  const words = new Set<string>();
  addWords(withoutBrokenWords(text).toLowerCase(), words);
  return words;
}

/** `vocabulary(text)`, gathered on the first question only (most texts never ask one). */
export function lazyVocabulary(text: string): WordSet {
  let words: Set<string> | undefined;
  return { has: (word) => (words ??= vocabulary(text)).has(word) };
}

/** Join `before` (ending with "word-") and `after` (starting with the rest): does the hyphen stay? */
export function keepHyphen(head: string, tail: string, words: WordSet): boolean {
  const joined = (head + tail).toLowerCase();
  const hyphenated = `${head}-${tail}`.toLowerCase();
  if (words.has(hyphenated)) return true;
  if (words.has(joined)) return false;
  if (/^\p{Lu}/u.test(tail) || /\p{N}$/u.test(head) || /^\p{N}/u.test(tail)) return true;
  if (/^\p{Lu}/u.test(head) && head.length > 1 && !/^\p{Lu}\p{Ll}/u.test(head)) return true;
  if (compoundPrefixes.has(head.toLowerCase())) return true;
  const first = head.toLowerCase();
  const second = tail.toLowerCase();
  if (closedHeads.has(first)) return false;
  // Two words the text uses on their own ("policy-making", "Internet-based") make a compound.
  if (first.length >= 4 && second.length >= 4 && words.has(first) && words.has(second)) return true;
  // The dictionary: a word broken by hyphenation, or two words joined by their own hyphen.
  if (isEnglishWord(joined)) return false;
  return first.length >= 2 && second.length >= 3 && isEnglishWord(first) && isEnglishWord(second);
}
