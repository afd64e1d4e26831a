/**
 * What the printer does to each PDF after Chromium prints it, measured alone: the document
 * information and XMP (the splice's metadata edits), then the PDF/UA tagging on top
 * (print/pdf-splice/tag-structure.ts, mark-artifacts.ts), and pdf-lib's full rewrite, the
 * fallback. Chromium's PDFs of generated briefs are printed once, then each step is timed
 * over all of them, several rounds, median per PDF: the figure that says what PDF/UA costs
 * a build beside the print itself.
 */
import { VFile } from 'vfile';
import { loadConfig } from '../core/config.js';
import { normalize } from '../normalize/index.js';
import { launchBrowser, printingArgs } from '../print/browser.js';
import { createInterceptor } from '../print/intercept.js';
import { metadataEdits, setPdfMetadata, setPdfMetadataWithPdfLib, type PdfInfo } from '../print/pdf-metadata.js';
import { splicePdfMetadata } from '../print/pdf-splice/splice-pdf-metadata.js';
import { pdfInfo } from '../print/print-brief.js';
import { openPrintPage, printOnPage } from '../print/print-page.js';
import { createBriefRenderer } from '../render/render-brief.js';
import type { RenderedBrief } from '../core/types.js';
import { generateSources } from './generate-sources.js';

export interface PostProcessResult {
  pdfs: number;
  meanBytes: number;
  /** Median milliseconds per PDF. */
  printMs: number;
  metadataMs: number;
  pdfUaMs: number;
  pdfLibMs: number;
  /** The fast path's failures, which pdf-lib then handles (should be 0). */
  fallbacks: number;
}

const ROUNDS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchPostProcess(options: { briefs: number; seed: number; repo: string }): Promise<PostProcessResult> {
  const config = await loadConfig(options.repo);
  const render = createBriefRenderer(config);
  const browser = await launchBrowser(undefined, printingArgs(false), { systemFonts: false });
  const printed: { raw: Uint8Array; info: PdfInfo }[] = [];
  const printTimes: number[] = [];
  try {
    const interceptor = await createInterceptor(config);
    const page = await openPrintPage(browser, { onRequest: interceptor.onRequest, timeoutMs: 60_000, onCrash: () => {} });
    for (const source of generateSources({ count: options.briefs, seed: options.seed })) {
      const brief = normalize(new VFile({ path: `sources/${source.name}`, value: source.text }));
      const out = await render({
        slug: brief.slug,
        data: brief.data,
        markdown: brief.markdown,
        markdownPath: `dist/briefs/${brief.slug}.md`,
      });
      const info = pdfInfo({ data: brief.data } as RenderedBrief, config);
      const start = performance.now();
      const raw = await printOnPage(page, out.page, info.paper, 60_000);
      printTimes.push(performance.now() - start);
      printed.push({ raw, info: { ...info, authors: info.authors.length ? info.authors : [config.organization.name] } });
    }
  } finally {
    await browser.close();
  }
  const perPdf = (step: (pdf: (typeof printed)[number]) => unknown) => {
    const rounds: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const start = performance.now();
      for (const pdf of printed) step(pdf);
      rounds.push((performance.now() - start) / printed.length);
    }
    return median(rounds);
  };
  const fallbacks = printed.filter((p) => !splicePdfMetadata(p.raw, metadataEdits(p.info))).length;
  const metadataMs = perPdf((p) => splicePdfMetadata(p.raw, metadataEdits(p.info)));
  const pdfUaMs = perPdf((p) => setPdfMetadata(p.raw, p.info));
  const sample = printed.slice(0, Math.min(10, printed.length));
  const start = performance.now();
  for (const p of sample) await setPdfMetadataWithPdfLib(p.raw, p.info);
  return {
    pdfs: printed.length,
    meanBytes: Math.round(printed.reduce((sum, p) => sum + p.raw.length, 0) / printed.length),
    printMs: median(printTimes),
    metadataMs,
    pdfUaMs,
    pdfLibMs: (performance.now() - start) / sample.length,
    fallbacks,
  };
}

export function formatPostProcess(r: PostProcessResult): string {
  const share = (ms: number) => `${((ms / r.printMs) * 100).toFixed(1)}% of a print`;
  return [
    `Post-processing ${r.pdfs} PDFs (mean ${Math.round(r.meanBytes / 1024)} KB), median ms per PDF:`,
    `  Chromium's print (Page.printToPDF)    ${r.printMs.toFixed(1)}`,
    `  metadata and XMP (splice)             ${r.metadataMs.toFixed(2)}  (${share(r.metadataMs)})`,
    `  metadata, XMP and PDF/UA tagging      ${r.pdfUaMs.toFixed(2)}  (${share(r.pdfUaMs)}; PDF/UA adds ${(r.pdfUaMs - r.metadataMs).toFixed(2)})`,
    `  pdf-lib's full rewrite (the fallback) ${r.pdfLibMs.toFixed(1)}`,
    `  PDFs the splice left to pdf-lib       ${r.fallbacks}`,
  ].join('\n');
}
