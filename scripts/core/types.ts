/**
 * Records passed between the stages of the pipeline. Each stage takes one of these
 * and returns the next: source file → NormalizedBrief → RenderedBrief → PrintedBrief.
 */
import type { VFile } from 'vfile';
import type { z } from 'zod';
import type { authorSchema, briefDataSchema, contactSchema } from './front-matter.js';

/** The front matter of a normalized brief: what its schema (`front-matter.ts`) gives. */
export type BriefData = z.infer<typeof briefDataSchema>;
export type BriefKind = BriefData['kind'];
export type Author = z.infer<typeof authorSchema>;
export type Contact = z.infer<typeof contactSchema>;

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
  /**
   * For a Markdown source, whose body passes through as written: the line where the body
   * starts in `markdown` and in the source, so that what the HTML stage says about the
   * body points at the source the author edits, not at its copy in the output folder.
   */
  bodyLines?: BodyLines;
}

export interface BodyLines {
  markdown: number;
  source: number;
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
  /** The last substantive revision (front matter `updated:`). */
  updated?: string;
  kind: BriefKind;
  pages: number;
  /** Page budget the brief declared or the configuration's default. */
  budget: number;
  html: string;
  pdf: string;
  markdown: string;
  pdf_bytes: number;
  /** A JPEG of page 1 (`briefs/<slug>.jpg`) and its size in pixels; absent when the browser could not take it. */
  cover?: string;
  cover_width?: number;
  cover_height?: number;
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

/** One packet in `dist/packets.json`: the briefs for one meeting printed as one PDF. Paths are relative to the output folder. */
export interface PacketEntry {
  name: string;
  title: string;
  event?: string;
  date?: string;
  pdf: string;
  html: string;
  /** Pages of the PDF, blank ones included. */
  pages: number;
  /** Sheets of paper printed on both sides. */
  sheets: number;
  pdf_bytes: number;
  /** Its briefs in packet order, each with its first page in the packet. */
  briefs: { slug: string; title: string; start: number; pages: number }[];
}
