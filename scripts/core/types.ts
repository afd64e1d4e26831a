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

export interface Heading {
  depth: number;
  text: string;
  id: string;
}

/** A brief after the HTML stage: the sanitized body fragment and what it cites. */
export interface RenderedBrief extends NormalizedBrief {
  /** The normalized Markdown as a file (`path` is where it is kept in the output folder); render messages point into it. */
  markdownFile: VFile;
  /** Sanitized HTML of the body, without page chrome. Safe to insert with `| safe`. */
  html: string;
  headings: Heading[];
  /** Absolute http(s) URLs the body links to, in order, without duplicates. */
  links: string[];
}

/** One brief in `dist/manifest.json`. Paths are relative to the output folder. */
export interface ManifestEntry {
  slug: string;
  title: string;
  date?: string;
  kind: BriefKind;
  pages: number;
  /** Page budget the brief declared or the configuration's default. */
  budget: number;
  html: string;
  pdf: string;
  markdown: string;
  pdf_bytes: number;
  authors: Author[];
  tags: string[];
  summary?: string;
  source_url?: string;
  links: string[];
  /** The source file, relative to the project root. */
  source: string;
}

/** What the archive stage needs of a brief: its manifest entry plus its body. */
export interface ArchiveBrief extends ManifestEntry {
  body: string;
  headings: Heading[];
  data: BriefData;
}
