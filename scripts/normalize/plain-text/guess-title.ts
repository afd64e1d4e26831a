/**
 * No line looks like a title (a letter, a statement pasted from a web page): a title is
 * made of the subject line, the first line, the salutation or the first sentence, with a
 * `guessed-metadata` warning that says which.
 */
import type { VFile } from 'vfile';
import { defineRule } from '../../core/rules.js';
import { isBlank, placeOf, type SourceLine } from '../text/source-lines.js';
import { parseDateLine } from '../text/dates.js';
import { MINOR_WORDS } from '../text/title-case.js';
import { salutation } from '../text/blocks.js';
import { contactLabel } from '../text/contacts.js';
import { sentences, withoutPlaceDash } from '../text/summary.js';
import { reportGuess } from '../text/guessed.js';
import * as documentLabel from '../rules/document-label.js';
import { honorific } from './letter-lines.js';
import type { Candidate } from './candidates.js';

/**
 * The title is the subject line ("Re: …"), else the first line when it stands alone and is
 * short enough, else "Letter to …" whom the salutation names, else the start of the first
 * sentence (which stays in the text).
 */
export function guessTitle(file: VFile, lines: readonly SourceLine[], removed: ReadonlySet<number>): Candidate {
  const kept = lines
    .map((line, index) => ({ line, index }))
    .filter(
      ({ line, index }) =>
        !isBlank(line) &&
        !removed.has(index) &&
        !documentLabel.test(line.text) &&
        !parseDateLine(line.text) &&
        !contactLabel.test(line.text),
    );
  const first = kept[0];
  if (!first) throw defineRule('no-title').fail(file, 'no text to make a title of: every line is letterhead or page furniture');
  const guessed = (candidate: Candidate, how: string) => {
    const text = candidate.lines.map((l) => l.text.trim()).join(' ');
    reportGuess(file, 'title', text, `no line looks like a title, so it is ${how}`, placeOf(candidate.lines[0]));
    return candidate;
  };
  const subject = kept.slice(0, 40).find(({ line }) => /^\s*(?:re|subject)\s*:\s*\S/i.test(line.text));
  if (subject) {
    const text = subject.line.text.trim().replace(/^(?:re|subject)\s*:\s*/i, '');
    return guessed({ lines: [{ ...subject.line, text }], indexes: [] }, 'the subject line');
  }
  const words = first.line.text.trim().split(/\s+/).length;
  const next = lines[first.index + 1];
  const alone =
    isBlank(next) ||
    next === undefined ||
    /^\s*(?:dear|to|mr|ms|madam|sir)\b/i.test(next.text) ||
    next.text.trim().length > Math.max(40, first.line.text.trim().length * 1.3);
  // (Not a letter's salutation or the first line of its inside address: "Dear Foreign Secretary", "The Honorable Harry Reid".)
  const addressLine = salutation.test(first.line.text) || honorific.test(first.line.text) || /^\s*to\s+the\s/i.test(first.line.text);
  if (words <= 25 && alone && !addressLine && !/[.,;:!?]["”’)]?$/.test(first.line.text.trim())) {
    return guessed({ lines: [first.line], indexes: [first.index] }, 'the first line');
  }
  // A letter with no subject line: its kind and whom it is to ("Dear Members of Congress," → "Letter to Members of Congress",
  // a coalition letter's "To President Obama and …:" → "Letter to President Obama and …").
  const greeting = kept.slice(0, 60).find(({ line }) => /^\s*(?:dear|to)\s/i.test(line.text) && salutation.test(line.text));
  const addressee = greeting ? addresseeOf(greeting.line.text) : undefined;
  if (greeting && addressee) {
    return guessed(
      { lines: [{ ...greeting.line, text: `Letter to ${addressee}` }], indexes: [], fromSentence: true },
      'the letter’s kind and whom its salutation names (it has no subject line)',
    );
  }
  const opening = withoutPlaceDash(first.line.text.trim());
  const sentence = (sentences(opening)[0] ?? opening).split(/\s+/);
  const cut = sentence.slice(0, 12);
  while (cut.length > 1 && MINOR_WORDS.has(cut.at(-1)!.toLowerCase())) cut.pop(); // "… Returned to the…"
  const text = sentence.length > 14 ? `${cut.join(' ')}…` : sentence.join(' ');
  return guessed({ lines: [{ ...first.line, text }], indexes: [], fromSentence: true }, 'the start of the first sentence');
}

/** Whom a letter's salutation names ("Dear Chairman Thune and Ranking Member Nelson," → "Chairman Thune and Ranking Member Nelson"); not "Sir or Madam". */
function addresseeOf(greeting: string): string | undefined {
  const name = greeting
    .trim()
    .replace(/^(?:dear|to)\s+/i, '')
    .replace(/[,:;.]+$/, '')
    .trim();
  const generic =
    /^(?:sir|madam|sirs|sir\s+or\s+madam|madam\s+or\s+sir|sir\/madam|all|colleagues?|friends?|team|editor|reader|members|supporters?|partners?)$/i;
  return name && name.length <= 120 && !generic.test(name) ? name : undefined;
}
