/**
 * Reader `generic`: any other plain text (a press release, a testimony pasted from a
 * web page). It makes a brief the same way as the one-pager reader and warns
 * (`generic-reader`) that title and date were guessed.
 */
import type { VFile } from 'vfile';
import type { NormalizeOptions } from '../reader.js';
import { readPlainText } from './plain-text.js';
import type { ReaderResult } from '../reader.js';

export function readGeneric(file: VFile, text: string, options: NormalizeOptions): ReaderResult {
  return readPlainText(file, text, options, 'generic');
}
