/**
 * Rule `extraction-characters`: characters a PDF extraction leaves that no editor typed.
 * Typographic ligatures (U+FB00–FB06: "ﬁ", "ﬂ", "ﬀ", "ﬃ") become their letters, so
 * words can be searched and spell-checked; soft hyphens (U+00AD) inside a line are
 * dropped (one at a line end marks a hyphenation, undone when the lines are joined);
 * non-breaking spaces between words become spaces (the brief is typeset again). A
 * Unicode hyphen (U+2010) is what an engine that hyphenates by itself (WeasyPrint) puts
 * at a line end: there it marks a hyphenation, as a soft hyphen does; inside a line it
 * is a hyphen, "-".
 *
 *   in:  the ofﬁcial ﬂag is reason\u00adable
 *   out: the official flag is reasonable
 */
import { defineRule } from '../../core/rules.js';
export const { id, summary } = defineRule('extraction-characters');

const LIGATURES: Record<string, string> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
};

export interface ExtractionFix {
  text: string;
  /** How many characters were replaced, by kind, and the offset of the first. */
  counts: { ligatures: number; softHyphens: number; spaces: number; hyphens: number };
  first?: number;
}

/** A soft hyphen at the end of a line (before optional blanks) stays: it marks a hyphenation. */
const pattern = /[\ufb00-\ufb06]|\u00ad(?![ \t]*(?:\r?\n|\r|\f|$))|(?<=\S)[\u00a0\u202f](?=\S)|\u2010/g;
const lineEnd = /^[ \t]*(?:\r?\n|\r|\f|$)/;

/** Every character the pattern replaces: text without any is left as it is. */
const candidates = /[\ufb00-\ufb06\u00ad\u00a0\u202f\u2010]/;

export function fixExtractionCharacters(text: string): ExtractionFix {
  const counts = { ligatures: 0, softHyphens: 0, spaces: 0, hyphens: 0 };
  if (!candidates.test(text)) return { text, counts };
  let first: number | undefined;
  const fixed = text.replace(pattern, (ch, offset: number) => {
    first ??= offset;
    if (ch === '\u2010') return (counts.hyphens++, lineEnd.test(text.slice(offset + 1, offset + 4)) ? '\u00ad' : '-');
    if (ch === '\u00ad') return (counts.softHyphens++, '');
    if (ch === '\u00a0' || ch === '\u202f') return (counts.spaces++, ' ');
    counts.ligatures++;
    return LIGATURES[ch]!;
  });
  return first === undefined ? { text: fixed, counts } : { text: fixed, counts, first };
}

/** "3 ligatures, 2 soft hyphens" for the message. */
export function describe(counts: ExtractionFix['counts']): string {
  const parts: string[] = [];
  if (counts.ligatures) parts.push(`${counts.ligatures} ligature${counts.ligatures > 1 ? 's' : ''} (ﬁ → fi)`);
  if (counts.softHyphens) parts.push(`${counts.softHyphens} soft hyphen${counts.softHyphens > 1 ? 's' : ''}`);
  if (counts.hyphens) parts.push(`${counts.hyphens} Unicode hyphen${counts.hyphens > 1 ? 's' : ''} (‐)`);
  if (counts.spaces) parts.push(`${counts.spaces} non-breaking space${counts.spaces > 1 ? 's' : ''}`);
  return parts.join(', ');
}
