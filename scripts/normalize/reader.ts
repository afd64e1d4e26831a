/** The contract between `normalize()` and its readers (one per kind of source, in readers/). */
import type { VFile } from 'vfile';
import type { SiteConfig } from '../core/config.js';
import type { BriefData } from '../core/types.js';

export interface NormalizeOptions {
  /** The configured organization: its details are letterhead wherever they appear. */
  organization?: SiteConfig['organization'];
}

/** What a reader hands back to `normalize()`: the front matter it found and the Markdown body. */
export interface ReaderResult {
  data: BriefData;
  body: string;
  /** The line of the source where `body` starts, when the body is the source's own text line for line (Markdown). */
  bodyLine?: number;
}

/** A reader: the source's text (decoded) in, front matter and Markdown out; problems go on `file`. */
export type Reader = (file: VFile, text: string, options: NormalizeOptions) => ReaderResult;
