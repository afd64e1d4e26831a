/**
 * One brief through the HTML and PDF stages: Markdown → sanitized HTML → the print
 * page → PDF, written into the output folder. Returns its manifest entry.
 */
import path from 'node:path';
import { VFile } from 'vfile';
import type { BuildConfig } from '../core/config.js';
import type { PdfInfo, Printer } from './printer.js';
import { pictureSize } from './page-picture.js';
import { addMessages, type StoredMessage } from '../core/messages.js';
import { briefPaths } from '../core/brief-outputs.js';
import type { RenderInput, RenderOutput } from '../render/render-brief.js';
import type { ManifestEntry, NormalizedBrief, RenderedBrief } from '../core/types.js';
import { writeOutput } from '../core/write-file.js';
import { withSafeLinks } from '../core/url-policy.js';

export interface PrintedBrief {
  rendered: RenderedBrief;
  entry: ManifestEntry;
}

export function pdfInfo(brief: RenderedBrief, config: BuildConfig): PdfInfo {
  const authors = brief.data.authors?.map((a) => a.name) ?? [];
  return {
    title: brief.data.title,
    authors: authors.length ? authors : [config.organization.name],
    subject: brief.data.summary,
    keywords: brief.data.tags ?? [],
    date: brief.data.date,
    language: config.site.language,
    paper: brief.data.paper ?? config.print.paper,
  };
}

export async function printBrief(
  brief: NormalizedBrief,
  config: BuildConfig,
  renderer: { render(input: RenderInput): Promise<RenderOutput> },
  /** The printer, asked for once the brief is rendered: a build renders its first brief while the browser starts. */
  printer: () => Promise<Printer>,
  signal?: AbortSignal,
): Promise<PrintedBrief> {
  const paths = briefPaths(brief.slug);
  const markdownPath = path.relative(config.root, path.join(config.outDir, paths.markdown));
  const { page, html, headings, links, messages } = await renderer.render({
    slug: brief.slug,
    data: brief.data,
    markdown: brief.markdown,
    markdownPath,
  });
  const { own, body } = sourceMessages(brief, messages);
  addMessages(brief.file, body);
  const markdownFile = addMessages(new VFile({ path: markdownPath, value: brief.markdown }), own);
  const rendered: RenderedBrief = { ...brief, markdownFile, html, headings, links };
  const info = pdfInfo(rendered, config);
  const { pdf, pages: pageCount, picture } = await (await printer()).print(page, info, { picture: config.site.page_pictures });
  await writeOutput(config.outDir, paths.markdown, brief.markdown, { signal });
  await writeOutput(config.outDir, paths.pdf, pdf, { signal });
  if (picture) await writeOutput(config.outDir, paths.cover, picture, { signal });
  const { cover: _, ...written } = paths;
  const size = pictureSize(info.paper);
  const { data } = withSafeLinks(brief.data);
  const entry: ManifestEntry = {
    slug: brief.slug,
    title: data.title,
    ...(data.date ? { date: data.date } : {}),
    ...(data.updated ? { updated: data.updated } : {}),
    kind: data.kind,
    pages: pageCount,
    budget: data.pages ?? config.print.pages,
    ...written,
    pdf_bytes: pdf.byteLength,
    ...(picture ? { cover: paths.cover, cover_width: size.width, cover_height: size.height } : {}),
    authors: data.authors ?? [],
    tags: data.tags ?? [],
    ...(data.summary ? { summary: data.summary } : {}),
    ...(data.source_url ? { source_url: data.source_url } : {}),
    links: rendered.links,
    source: brief.file.path,
  };
  return { rendered, entry };
}

/**
 * The HTML stage's messages about the body of a Markdown source point at the source the
 * author edits (its body is the same text, line for line); the others, at the normalized
 * Markdown in the output folder.
 */
function sourceMessages(brief: NormalizedBrief, messages: StoredMessage[]): { own: StoredMessage[]; body: StoredMessage[] } {
  const lines = brief.bodyLines;
  if (!lines) return { own: messages, body: [] };
  const own: StoredMessage[] = [];
  const body: StoredMessage[] = [];
  for (const m of messages) {
    if (m.line !== undefined && m.line >= lines.markdown) body.push({ ...m, line: m.line - lines.markdown + lines.source });
    else own.push(m);
  }
  return { own, body };
}
