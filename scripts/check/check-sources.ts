/**
 * `npm run check`: everything a print run needs, without writing anything. Every source
 * is normalized and validated, its metadata, links, images and slug are checked, and each
 * brief is laid out and printed to a PDF in memory by the same printer the build uses,
 * so its page count is the one the print run will have (`page-budget`).
 */
import path from 'node:path';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { createPageRenderer } from '../render/print-page.js';
import { loadConfig } from '../core/config.js';
import { listSources } from '../core/list-sources.js';
import { normalize, normalizeOptionsOf, readSource } from '../normalize/index.js';
import { onInterrupt } from '../core/on-interrupt.js';
import { pdfInfo } from '../print/print-brief.js';
import { createPrinter, type Printer } from '../print/printer.js';
import { renderHtml } from '../render/markdown-to-html.js';
import { countMessages, formatMessages, type Severity } from '../core/report.js';
import { resolveSlugs } from '../core/resolve-slugs.js';
import type { NormalizedBrief, RenderedBrief } from '../core/types.js';
import { checkDocument } from './check-document.js';
import { checkMetadata } from './check-metadata.js';
import { moveToSource } from './move-to-source.js';
import { report, type RuleId } from '../core/rules.js';

/**
 * What the normalizer only notes or warns about but a print run cannot have: a
 * `[text](#) [n]` whose number the Links list lacks, and a `[text](#)` pointing nowhere.
 */
const PRINT_BLOCKERS = new Set<string>(['web-reference', 'dead-link'] satisfies RuleId[]);

export interface CheckOptions {
  /** Project root holding briefpress.config.yaml. Default: the current folder. */
  root?: string;
  /** Sources folder, relative to the root. Default: `build.sources` of the config. */
  sources?: string;
  /** Warnings fail the check too. */
  strict?: boolean;
  /** Skip laying out and printing in the browser (no page-budget check). */
  noLayout?: boolean;
}

export interface CheckResult {
  ok: boolean;
  sources: number;
  counts: Record<Severity, number>;
  /** Sorted `path:line:column: severity: reason (rule)` lines. */
  messages: string[];
  /** Pages each brief prints on, by source path (empty with `noLayout`). */
  pages: Map<string, { pages: number; budget: number }>;
}

export async function checkSources(options: CheckOptions = {}): Promise<CheckResult> {
  const root = path.resolve(options.root ?? process.cwd());
  const config = await loadConfig(root, { sources: options.sources, strict: options.strict });
  const { paths: sourcePaths, skipped } = await listSources(config.sourcesDir, root);

  // 1. Every source normalizes and validates; its metadata, links and images are sound.
  const files: VFile[] = [...skipped];
  const rendered: RenderedBrief[] = [];
  for (const absPath of sourcePaths) {
    const file = await readSource(absPath, root);
    files.push(file);
    let brief: NormalizedBrief;
    try {
      brief = normalize(file, normalizeOptionsOf(config));
    } catch (error) {
      if (error instanceof VFileMessage) continue;
      // One source's failure is its own error; the others are still checked.
      report(
        file,
        'normalize-failed',
        `briefpress could not normalize this source: ${error instanceof Error ? error.message : String(error)}`,
        {
          place: { line: 1, column: 1 },
          severity: 'error',
        },
      );
      continue;
    }
    for (const message of file.messages) if (message.ruleId && PRINT_BLOCKERS.has(message.ruleId)) message.fatal = true;
    const markdownFile = new VFile({ path: file.path, value: brief.markdown });
    const html = await renderHtml(brief, markdownFile);
    checkMetadata(brief, config.organization);
    checkDocument(markdownFile, { baseDir: path.dirname(absPath), headingIds: new Set(html.headings.map((h) => h.id)) });
    for (const message of markdownFile.messages) {
      // For a print run an empty link is a mistake, not a detail (checkDocument says it once).
      if (message.ruleId === 'empty-link' && message.source === 'briefpress' && !message.fatal) continue;
      file.messages.push(moveToSource(message, brief.markdown, file));
    }
    rendered.push(html);
  }

  // 2. No two briefs claim the same slug.
  const slugs = resolveSlugs(rendered.map((b) => ({ source: b.file.path, slug: b.slug })));
  for (const brief of rendered) {
    const { takenBy } = slugs.get(brief.file.path)!;
    if (takenBy) {
      report(
        brief.file,
        'duplicate-slug',
        `slug \`${brief.slug}\` is also the slug of ${takenBy}; change one title or set \`slug:\` in its front matter`,
        { place: { line: 1, column: 1 }, severity: 'error' },
      );
    }
  }

  // 3. Every brief fits its page budget, printed in memory by the build's own printer.
  const pages = options.noLayout || rendered.length === 0 ? new Map() : await measurePages(rendered, config);
  for (const brief of rendered) {
    const measured = pages.get(brief.file.path);
    if (!measured || measured.pages <= measured.budget) continue;
    report(
      brief.file,
      'page-budget',
      `prints on ${measured.pages} pages, over its budget of ${measured.budget} (shorten it, or set \`pages: ${measured.pages}\` in its front matter)`,
      { place: { line: 1, column: 1 }, severity: 'error' },
    );
  }

  const counts = countMessages(files);
  return {
    ok: counts.error === 0 && !(options.strict && counts.warning > 0),
    sources: sourcePaths.length,
    counts,
    messages: formatMessages(files),
    pages,
  };
}

async function measurePages(
  briefs: RenderedBrief[],
  config: Awaited<ReturnType<typeof loadConfig>>,
): Promise<Map<string, { pages: number; budget: number }>> {
  const result = new Map<string, { pages: number; budget: number }>();
  let printer: Printer | undefined;
  const forget = onInterrupt(() => printer?.close());
  try {
    printer = await createPrinter({ config, concurrency: config.concurrency, pictures: false });
    const renderer = createPageRenderer(config);
    // The printer keeps its own pool of pages; the rest wait for one.
    await Promise.all(
      briefs.map((brief) =>
        (async () => {
          try {
            const { pages } = await printer!.print(renderer.printPage(brief), pdfInfo(brief, config));
            result.set(brief.file.path, { pages, budget: brief.data.pages ?? config.print.pages });
          } catch (error) {
            const reason = `could not be laid out for print: ${error instanceof Error ? error.message : String(error)}`;
            report(brief.file, 'print-failed', reason, { severity: 'error' });
          }
        })(),
      ),
    );
  } finally {
    await printer?.close();
    forget();
  }
  return result;
}
