/**
 * ALL-CAPS titles and headings → title case. Which words are acronyms is decided from
 * evidence in the text itself: a word the body writes with two or more capitals
 * ("ITU", "ITRs", "WCIT") keeps that form; dotted abbreviations ("U.S."), words with
 * digits ("G20") and Roman numerals keep their capitals. Minor words are lower case
 * except first and last (title-case does the capitalizing).
 */
import { titleCase } from 'title-case';
import type { TitleCaseStyle } from '../../core/config.js';
import { classAt, isHighSurrogate, isLowSurrogate, runEnd, runStart, WORD_CHAR } from './code-points.js';

export const MINOR_WORDS = new Set(
  'a an and as at but by en for from if in into nor of off on onto or per so than the to up v vs via with yet'.split(' '),
);

/**
 * Words a title keeps in lower case (but first and last): articles, conjunctions and
 * prepositions of up to three letters, as news style has it ("Ruling From USPTO", "Meet
 * Directly With Congress"); particles of phrasal verbs are capitalized ("Live Up to Its").
 */
const SMALL_WORDS = new Set('a an and as at but by en for if in nor of on or per so than the to v vs via yet'.split(' '));

/** Small words that are also the particles of phrasal verbs ("fight on", "live up to", "sign in"). */
const PARTICLES = new Set(['on', 'up', 'in', 'off', 'by', 'to']);

/** Longer prepositions, which may follow a particle ("Fights On Against"). */
const PREPOSITIONS = new Set(
  'about above across after against along among around before behind below beneath beside between beyond despite during except inside like near over past since through toward towards under until upon within without'.split(
    ' ',
  ),
);

const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

const letter = /\p{L}/u;
const upperLetter = /\p{Lu}/u;

/**
 * Is the text written in capitals (a shouted title or heading)? At least three letters
 * (counted in UTF-16 code units), of which 85% are capitals. Counted in one pass: ASCII
 * by its code, other characters by their Unicode category.
 */
export function isAllCaps(text: string): boolean {
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) {
        letters++;
        upper++;
      } else if (code >= 0x61 && code <= 0x7a) letters++;
      continue;
    }
    const size = isHighSurrogate(code) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
    const char = size === 2 ? text.slice(i, i + 2) : text[i]!;
    i += size - 1;
    if (letter.test(char)) {
      letters += size;
      if (upperLetter.test(char)) upper += size;
    }
  }
  if (letters < 3) return false;
  return upper / letters >= 0.85;
}

/**
 * A character that may be a word's (letter, digit, apostrophe) before one that may be a
 * capital: every capital inside a word is found by this expression, which leaves out
 * Unicode categories to stay fast (most text is ASCII); what it finds is then checked.
 */
const maybeInnerCapital = /[A-Za-z0-9'’\u0080-\uffff][A-Z\u0080-\uffff]/g;

/**
 * Forms of words the text writes with inner or several capitals: lower case → as written.
 * Words are looked at only in runs of letters, digits and apostrophes that hold a capital
 * after their first character (no other word can be evidence), in text order, skipping
 * shouted lines (no evidence).
 */
export function acronymEvidence(source: string): Map<string, string> {
  // Three words in capitals in a row are shouted ("EU: MANDATORY DATA RETENTION: Letter …"), inside a line too: no evidence.
  const text = source.replace(
    /(?<![\p{L}\p{N}])(?:\p{Lu}[\p{Lu}\p{N}'’-]+[:,]?[^\S\n]+){2,}\p{Lu}[\p{Lu}\p{N}'’-]+(?![\p{L}\p{N}])/gu,
    (run) => run.toLowerCase(),
  );
  const counts = new Map<string, Map<string, number>>();
  const hits = new RegExp(maybeInnerCapital);
  let lineStart: number;
  let lineEnd = -1;
  let shouted = false;
  for (let hit = hits.exec(text); hit; hit = hits.exec(text)) {
    let at = hit.index + 1;
    if (isLowSurrogate(text.charCodeAt(at)) && isHighSurrogate(text.charCodeAt(at - 1))) at--; // the second half of a character
    if (!classAt(text, at, WORD_CHAR)) {
      hits.lastIndex = hit.index + 1;
      continue;
    }
    const start = runStart(text, at, WORD_CHAR);
    const end = runEnd(text, at, WORD_CHAR);
    if (start >= lineEnd) {
      lineStart = start === 0 ? 0 : text.lastIndexOf('\n', start - 1) + 1;
      lineEnd = text.indexOf('\n', start);
      if (lineEnd === -1) lineEnd = text.length;
      shouted = isAllCaps(text.slice(lineStart, lineEnd)); // a shouted line is no evidence
    }
    hits.lastIndex = shouted ? lineEnd : end;
    if (shouted) continue;
    for (const [word] of text.slice(start, end).matchAll(wordPattern)) {
      if (!upperLetter.test(word.slice(1))) continue; // one capital, at the start: no evidence
      const bare = word.replace(/['’]s$/i, '');
      if ((bare.match(/\p{Lu}/gu)?.length ?? 0) < 2 && !/^\p{Ll}+\p{Lu}/u.test(bare)) continue;
      const lower = bare.toLowerCase();
      const forms = counts.get(lower) ?? new Map<string, number>();
      forms.set(bare, (forms.get(bare) ?? 0) + 1);
      counts.set(lower, forms);
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
  // An Irish or Italian surname in capitals ("O’RIELLY", "D’AMATO"): a capital after the apostrophe too.
  return titleCase(lowered, { smallWords: SMALL_WORDS }).replace(
    /\b([OD])(['’])(\p{Ll})(?=\p{Ll}{2})/gu,
    (_, a: string, mark: string, b: string) => `${a}${mark}${b.toUpperCase()}`,
  );
}

/** Does the text write `word` in lower case where a sentence or line starts (a name such as "noyb")? */
export function writesLowerCase(text: string, word: string): boolean {
  return /^\p{L}+$/u.test(word) && new RegExp(`(?:^|[.!?]\\s+)${word}\\b`, 'mu').test(text);
}

/**
 * How a title in upper and lower case is cased: `news`, in news-style title case; `as-written`,
 * kept as the document writes it. A title in capitals is re-cased either way.
 */
export type TitleStyle = 'news' | 'as-written';

/**
 * The style of a title found in a text (a text extraction, a print or web export): as
 * written only when the configuration says so; `auto` is news style, as the corpus's
 * editors want most titles of published pages (docs/corpus.md, "Title case").
 */
export function textTitleStyle(options: { titleCase?: TitleCaseStyle }): TitleStyle {
  return options.titleCase === 'as-written' ? 'as-written' : 'news';
}

/**
 * A title in title case, whatever case it was written in: ALL CAPS as `toTitleCase`; in
 * sentence case ("Open letter: Mass surveillance …"), each word capitalized but the small
 * ones, and words with capitals kept as written (acronyms, "techUK"). A first word the
 * text writes in lower case ("noyb", "iPhone") stays so. In the `as-written` style only a
 * title in capitals is re-cased.
 */
export function toTitleCaseAny(
  text: string,
  evidence: Map<string, string>,
  lowerCaseNames: (word: string) => boolean = () => false,
  style: TitleStyle = 'news',
): string {
  if (isAllCaps(text)) return toTitleCase(text, evidence);
  if (style === 'as-written') return text;
  const first = /^\p{Ll}[\p{L}\p{N}]*/u.exec(text)?.[0];
  const keepFirst = first !== undefined && (/\p{Lu}/u.test(first) || lowerCaseNames(first));
  // A small word the source capitalized mid-title ("Encouraged By FCC") is lowered first; but
  // a verb's particle stays as written ("Fights On Against", "Live Up to"): a preposition or
  // the end of the title follows it.
  const particles: number[] = [];
  const lowered = text.replace(/(?<=\S\s+)\p{Lu}\p{Ll}{0,3}\b/gu, (word, offset: number) => {
    if (!SMALL_WORDS.has(word.toLowerCase()) || /[:—–]\s*$/.test(text.slice(0, offset))) return word;
    const next = /^\s+([\p{L}]+)/u.exec(text.slice(offset + word.length))?.[1];
    if (
      PARTICLES.has(word.toLowerCase()) &&
      (next === undefined || MINOR_WORDS.has(next.toLowerCase()) || PREPOSITIONS.has(next.toLowerCase()))
    ) {
      particles.push(offset);
      return word;
    }
    return word.toLowerCase();
  });
  // "Verizon v. FCC": the abbreviation of a small word stays small.
  const cased = titleCase(lowered, { smallWords: SMALL_WORDS })
    .replace(/(?<=\s)V(?=\.\s)/g, (v, offset: number) => (lowered[offset] === 'v' ? 'v' : v))
    // "et al." ("et. al"), written in lower case, stays so.
    .replace(/(?<=\s)Et(?=\.?\s+al\b)/gi, (et, offset: number) => (lowered[offset] === 'e' ? 'et' : et))
    .replace(/(?<=\bet\.?\s+)Al\b/g, (al, offset: number) => (lowered[offset] === 'a' ? 'al' : al))
    .split(''); // UTF-16 units, as the offsets are
  for (const at of particles) cased[at] = cased[at]!.toUpperCase();
  // "in" or "on" right before "to" is a verb's particle, whatever the source's case ("Step In to Ensure", "Move On to").
  const joined = cased.join('').replace(/(?<=\p{L}\s)(in|on)(?=\s+to\s)/gu, (p) => p[0]!.toUpperCase() + p.slice(1));
  return keepFirst ? first + joined.slice(first.length) : joined;
}
