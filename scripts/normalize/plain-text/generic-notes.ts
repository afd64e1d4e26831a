/**
 * What the generic reader tells the editor: the text was read as plain text, and which of
 * its title, date and kind were guessed.
 */
import type { VFile } from 'vfile';
import { report } from '../../core/rules.js';
import { placeOf, type SourceLine } from '../text/source-lines.js';
import { reportGuess } from '../text/guessed.js';
import type { ReaderResult } from '../reader.js';
import type { Candidate } from './candidates.js';

export function reportGenericGuesses(
  file: VFile,
  data: ReaderResult['data'],
  title: Candidate,
  { chosen, dateLine, kindFound }: { chosen: boolean; dateLine: SourceLine | undefined; kindFound: boolean },
): void {
  report(file, 'generic-reader', 'not recognized as a PDF one-pager, a web export or Markdown: read as plain text', {
    place: placeOf(title.lines[0]),
    severity: 'info',
  });
  if (chosen) reportGuess(file, 'title', data.title, 'the most title-like line at the top of a plain text', placeOf(title.lines[0]));
  if (data.date && dateLine) reportGuess(file, 'date', data.date, 'a date line at the top of a plain text', placeOf(dateLine));
  if (!kindFound)
    reportGuess(
      file,
      'kind',
      'brief',
      'a plain text that is not a PDF one-pager or web export is read as a brief',
      placeOf(title.lines[0]),
    );
}
