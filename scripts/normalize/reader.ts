/** The contract between `normalize()` and its readers (one per kind of source, in readers/). */
import type { VFile } from 'vfile';
import type { SiteConfig, TitleCaseStyle } from '../core/config.js';
import type { BriefData } from '../core/types.js';

export interface NormalizeOptions {
  /** The configured organization: its details are letterhead wherever they appear. */
  organization?: SiteConfig['organization'];
  /** How a title found in a document's text is cased (`normalize.title_case`); default `auto`. */
  titleCase?: TitleCaseStyle;
}

/** The normalizer's options from a configuration: the organization's letterhead and `normalize.title_case`. */
export function normalizeOptionsOf(config: Pick<SiteConfig, 'organization' | 'normalize'>): NormalizeOptions {
  return { organization: config.organization, titleCase: config.normalize.title_case };
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
