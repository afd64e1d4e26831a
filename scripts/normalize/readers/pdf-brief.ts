/**
 * Reader `brief-pdf`: the plain-text extraction of a letterhead one-pager (letterhead
 * lines, an ALL-CAPS title, a date line, headings, lists, contacts).
 */
import type { VFile } from 'vfile';
import type { NormalizeOptions } from '../reader.js';
import { readPlainText } from './plain-text.js';
import type { ReaderResult } from '../reader.js';

export function readPdfBrief(file: VFile, text: string, options: NormalizeOptions): ReaderResult {
  return readPlainText(file, text, options, 'brief');
}
