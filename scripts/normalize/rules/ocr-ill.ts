/**
 * Rule `ocr-ill`: OCR and PDF extraction read a lower-case "Ill" as the Roman numeral
 * "III". A numeral makes no sense where "III" starts a hyphenated compound after an
 * acronym, a lower-case word or the start of a sentence ("ITU III-Suited", "an
 * III-advised plan"), or stands between lower-case words ("is III prepared for").
 * After a capitalized word ("World War III", "Title III-funded") it stays.
 *
 *   in:  ITU III-Suited to Regulate Cybersecurity
 *   out: ITU Ill-Suited to Regulate Cybersecurity
 */
import { defineRule } from '../../core/rules.js';
export const { id, summary } = defineRule('ocr-ill');

export interface OcrIllFix {
  text: string;
  /** Offsets of the fixed words in the input. */
  offsets: number[];
}

export function fixOcrIll(text: string): OcrIllFix {
  const offsets: number[] = [];
  if (!text.includes('III')) return { text, offsets };
  const fixed = text.replace(/(^|[^\p{L}\p{N}])III(?=-\p{L}|\s+\p{Ll})/gu, (match, before: string, offset: number, whole: string) => {
    const start = offset + before.length;
    const previous = /(\S+)\s*$/u.exec(whole.slice(0, start))?.[1] ?? '';
    const atSentenceStart = previous === '' || /[.!?:;"“(—–]$/.test(previous);
    const isAcronym = /^\p{Lu}{2,}[\p{Ll}]?[,]?$/u.test(previous) && previous !== 'III';
    const isLower = /^\p{Ll}/u.test(previous);
    const hyphenated = whole[start + 3] === '-';
    const ok = hyphenated ? atSentenceStart || isAcronym || isLower : isLower;
    if (!ok) return match;
    offsets.push(start);
    const next = whole[start + 4] ?? '';
    // "III-Suited" in a title: keep the case of the rest; "ILL" only if the next word is all capitals.
    return `${before}${/\p{Lu}/u.test(next) && /^-\p{Lu}{2,}/u.test(whole.slice(start + 3)) ? 'ILL' : 'Ill'}`;
  });
  return { text: fixed, offsets };
}
