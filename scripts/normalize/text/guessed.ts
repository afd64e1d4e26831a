/**
 * Front matter the normalizer guessed rather than read from a labelled place (a title
 * chosen among the lines at the top, a date found in the first paragraph, the kind of a
 * plain text): each is a `guessed-metadata` warning at the source line it came from, so
 * that `npm run build` and `npm run check` name the sources an editor should review
 * (`--strict` fails on them), and `file.data.guessed` lists them.
 */
import type { VFile } from 'vfile';
import type { Options as MessageOptions } from 'vfile-message';
import { report } from '../../core/rules.js';

export type GuessedField = 'title' | 'date' | 'kind' | 'authors';

export interface Guess {
  field: GuessedField;
  value: string;
  /** How it was guessed, in words ("the first line", "a date in the first paragraph"). */
  how: string;
  line: number;
}

declare module 'vfile' {
  interface DataMap {
    /** Front matter fields the normalizer guessed, with where they came from. */
    guessed: Guess[];
  }
}

export function reportGuess(file: VFile, field: GuessedField, value: string, how: string, place: MessageOptions['place']): void {
  const line = place && 'line' in place ? place.line : place && 'start' in place ? place.start.line : 1;
  (file.data.guessed ??= []).push({ field, value, how, line });
  report(file, 'guessed-metadata', `${field} "${value}" was guessed: ${how}; check it, or write it in the front matter`, {
    place,
  });
}
