/**
 * The readers, in the order they are asked: each says from a text's content (never its
 * file name) whether it understands it, and the first that does reads it. The generic
 * reader understands anything, so it comes last and every text has a reader.
 */
import type { NormalizeOptions, Reader } from '../reader.js';
import { looksLikeMarkdown, readMarkdown } from './markdown.js';
import { looksLikeWebExport, readWebExport } from './web-export.js';
import { looksLikePdfBrief } from './detect-brief.js';
import { readPdfBrief } from './pdf-brief.js';
import { readGeneric } from './generic.js';

export interface ReaderEntry {
  /** The reader's name (in `--explain` and the build's notes). */
  name: string;
  detect: (text: string, options: NormalizeOptions) => boolean;
  read: Reader;
}

export const READERS: readonly ReaderEntry[] = [
  { name: 'markdown', detect: looksLikeMarkdown, read: readMarkdown },
  { name: 'web-export', detect: looksLikeWebExport, read: readWebExport },
  { name: 'brief-pdf', detect: (text, options) => looksLikePdfBrief(text, options.organization), read: readPdfBrief },
  { name: 'generic', detect: () => true, read: readGeneric },
];

/** The first reader that understands `text`. */
export function detectReader(text: string, options: NormalizeOptions = {}): ReaderEntry {
  return READERS.find((entry) => entry.detect(text, options))!;
}
