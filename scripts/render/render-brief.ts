/**
 * The HTML and page stages of one brief, as data in and data out, so that they can run in
 * a worker thread (workers/brief-pool.ts) as well as in the build's own: the normalized Markdown
 * → the sanitized body (render/markdown-to-html.ts) → the full print page (render/print-page.ts). The
 * render messages come back stored (line, column, rule), as the build cache keeps them.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { fontCoverage, reportMissingGlyphs } from './font-coverage.js';
import { createPageRenderer, PRINT_STYLESHEETS } from './print-page.js';
import { type StoredMessage, storeMessages } from '../core/messages.js';
import type { BuildConfig } from '../core/config.js';
import { renderHtml } from './markdown-to-html.js';
import type { BriefData, Heading } from '../core/types.js';

export interface RenderInput {
  slug: string;
  data: BriefData;
  /** The normalized Markdown document. */
  markdown: string;
  /** Where the Markdown is kept, relative to the project root: render messages point there. */
  markdownPath: string;
}

export interface RenderOutput {
  /** Sanitized HTML of the body. */
  html: string;
  /** The whole print page, ready for the browser. */
  page: string;
  headings: Heading[];
  links: string[];
  /** Problems found in the Markdown, on `markdownPath`. */
  messages: StoredMessage[];
}

/**
 * The last renderer made in this thread, with what it was made from. A process that builds
 * again and again (`npm run dev`) would otherwise compile every template and read the font
 * coverage once more for each saved brief: more than rendering the brief itself.
 */
let kept: { key: string; render: (input: RenderInput) => Promise<RenderOutput> } | undefined;

export function createBriefRenderer(config: BuildConfig): (input: RenderInput) => Promise<RenderOutput> {
  const key = rendererKey(config);
  if (kept?.key === key) return kept.render;
  const render = newBriefRenderer(config);
  kept = { key, render };
  return render;
}

/** The configuration, and the name, size and time of every file under the templates folder: a template edited since is compiled again. */
function rendererKey(config: BuildConfig): string {
  let files: string[] = [];
  try {
    files = readdirSync(config.templatesDir, { recursive: true, encoding: 'utf8' }).sort();
  } catch {
    // No templates folder: the renderer says so when it renders.
  }
  const looks = files.map((name) => {
    try {
      const info = statSync(path.join(config.templatesDir, name));
      return `${name}:${info.size}:${info.mtimeMs}`;
    } catch {
      return name;
    }
  });
  return JSON.stringify([config, looks]);
}

function newBriefRenderer(config: BuildConfig): (input: RenderInput) => Promise<RenderOutput> {
  const pages = createPageRenderer(config);
  const coverage = fontCoverage(
    config.templatesDir,
    PRINT_STYLESHEETS.map((url) => url.replace(/^assets\//, '')),
  );
  return async ({ slug, data, markdown, markdownPath }) => {
    const markdownFile = new VFile({ path: markdownPath, value: markdown });
    // The page needs only the brief's slug, data and body; its source file stays with the caller.
    const brief = { file: new VFile({ path: markdownPath }), reader: 'markdown', slug, data, markdown };
    const rendered = await renderHtml(brief, markdownFile);
    reportMissingGlyphs(markdownFile, coverage);
    return {
      html: rendered.html,
      page: pages.printPage(rendered),
      headings: rendered.headings,
      links: rendered.links,
      messages: storeMessages(markdownFile),
    };
  };
}
