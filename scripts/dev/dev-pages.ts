/**
 * The dev server's own pages, from Nunjucks templates in `scripts/dev/templates/` with
 * auto-escaping (messages and titles come from sources): the error overlay put into
 * served pages, and the print view of a brief's real PDF.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTemplateEngine } from '../render/template-engine.js';
import type { ManifestEntry } from '../core/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const engine = createTemplateEngine(path.join(here, '../../templates/dev'));

/** The dev server's browser scripts, by URL name. */
export const CLIENT_FILES: Record<string, string> = {
  'live-reload.js': path.join(here, 'client', 'live-reload.js'),
  'print-view.js': path.join(here, 'client', 'print-view.js'),
};

/** pdf.js (a dev dependency), served to the print view; undefined when it is not installed. */
export const PDFJS_DIR: string | undefined = (() => {
  try {
    const dir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/build/pdf.min.mjs'));
    return existsSync(path.join(dir, 'pdf.worker.min.mjs')) ? dir : undefined;
  } catch {
    return undefined;
  }
})();

/** The messages of a build, split by severity, from `path:line:column: severity: reason` lines. */
export function splitMessages(messages: readonly string[]): { errors: string[]; warnings: string[] } {
  return {
    errors: messages.filter((m) => /: error: /.test(m)),
    warnings: messages.filter((m) => /: warning: /.test(m)),
  };
}

/** The overlay shown over every served page while the last build has errors ('' when it has none). */
export function overlayHtml(messages: readonly string[], hasOutput: boolean): string {
  const { errors, warnings } = splitMessages(messages);
  return errors.length ? engine.render('overlay.njk', { errors, warnings, hasOutput }) : '';
}

/** The print view of one brief, or the list of all briefs when `slug` is undefined. */
export function printViewHtml(
  manifest: readonly ManifestEntry[],
  slug: string | undefined,
  version: number,
): { status: number; html: string } {
  if (slug === undefined)
    return {
      status: 200,
      html: engine.render('print-view.njk', { entries: manifest.length ? manifest : undefined, missing: 'No brief has been built yet.' }),
    };
  const entry = manifest.find((e) => e.slug === slug);
  if (!entry) return { status: 404, html: engine.render('print-view.njk', { missing: `No brief has the slug “${slug}”.` }) };
  return {
    status: 200,
    html: engine.render('print-view.njk', { entry, pdf: `/${entry.pdf}?v=${version}`, pdfjs: PDFJS_DIR ? '/__pdfjs' : '' }),
  };
}

/** Put the overlay and the live-reload script into an HTML page, before `</body>`. */
export function injectIntoHtml(html: string, overlay: string): string {
  const addition = `${overlay}<script src="/__briefpress/live-reload.js"></script>\n`;
  const at = html.toLowerCase().lastIndexOf('</body>');
  return at === -1 ? html + addition : html.slice(0, at) + addition + html.slice(at);
}
