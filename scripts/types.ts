/**
 * Records passed between the stages of the pipeline. Each stage takes one of these
 * and returns the next: source file → NormalizedBrief → RenderedBrief → PrintedBrief.
 */
import type { VFile } from 'vfile';

export type BriefKind = 'brief' | 'post';

export interface Author {
  name: string;
  url?: string;
}

export interface Contact {
  name: string;
  role?: string;
  email?: string;
}

/** The front matter of a normalized brief (validated by `front-matter.ts`). */
export interface BriefData {
  title: string;
  /** ISO date, YYYY-MM-DD. */
  date?: string;
  kind: BriefKind;
  authors?: Author[];
  contacts?: Contact[];
  tags?: string[];
  source_url?: string;
  rights?: string;
  summary?: string;
  /** Output name; derived from the title when absent. */
  slug?: string;
  /** Page budget; the build warns when the PDF is longer. Default from config (2). */
  pages?: number;
  /** Paper size for this brief; default from config. */
  paper?: 'letter' | 'a4';
}

/** A source after the normalizer: Markdown with front matter, plus its parsed data. */
export interface NormalizedBrief {
  /** The source file, with `path` relative to the project root; messages collect on it. */
  file: VFile;
  /** `brief-pdf` | `web-export` | `markdown` | `generic`: which reader understood it. */
  reader: string;
  slug: string;
  data: BriefData;
  /** The whole normalized Markdown document: YAML front matter, then the body. */
  markdown: string;
}
