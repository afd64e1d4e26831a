/**
 * The print pages a build printed, for the baseline to print again: the build does not
 * keep them, so they are rendered once more from the normalized Markdown it kept in the
 * output folder, with the same renderer modules and templates (`render/markdown-to-html.ts`,
 * `render/print-page.ts`).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { parse } from 'yaml';
import { createPageRenderer } from '../render/print-page.js';
import type { BuildConfig } from '../core/config.js';
import { renderHtml } from '../render/markdown-to-html.js';
import type { BriefData, ManifestEntry } from '../core/types.js';
import type { BaselinePage } from './baseline-chromium.js';

export async function loadPrintPages(config: BuildConfig, manifest: ManifestEntry[]): Promise<BaselinePage[]> {
  const renderer = createPageRenderer(config);
  return Promise.all(
    manifest.map(async (entry) => {
      const file = path.join(config.outDir, entry.markdown);
      const markdown = await readFile(file, 'utf8');
      const yaml = /^---\n([\s\S]*?)\n---\n/.exec(markdown)?.[1] ?? '';
      const data = { ...(parse(yaml) as BriefData), kind: entry.kind };
      const brief = { file: new VFile({ path: entry.source }), reader: 'markdown', slug: entry.slug, data, markdown };
      const rendered = await renderHtml(brief, new VFile({ path: path.relative(config.root, file), value: markdown }));
      return { name: entry.slug, html: renderer.printPage(rendered), paper: data.paper ?? config.print.paper };
    }),
  );
}
