/**
 * How long reading a printed brief's PDF back takes: the two-page PDFs of a build, each
 * read (pdf.js layout model) and normalized by the PDF reader, warm (after one read to
 * load pdf.js), several times; the median and the slowest per PDF. Reported by
 * `npm run bench` (target: under 100 ms for a two-page PDF); not a timed test.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteConfig } from '../core/config.js';
import { normalize, readSource } from '../normalize/index.js';

export interface PdfReadingResult {
  pdfs: number;
  medianMs: number;
  maxMs: number;
}

export async function measurePdfReading(
  root: string,
  outDir: string,
  organization: SiteConfig['organization'] | undefined,
  { limit = 20, runs = 3 } = {},
): Promise<PdfReadingResult | undefined> {
  const manifest = JSON.parse(await readFile(path.join(outDir, 'manifest.json'), 'utf8')) as { pdf: string; pages: number }[];
  const pdfs = manifest
    .filter((entry) => entry.pages === 2)
    .slice(0, limit)
    .map((entry) => path.join(outDir, entry.pdf));
  if (!pdfs.length) return undefined;
  const read = async (pdf: string) => normalize(await readSource(pdf, root), organization ? { organization } : {});
  await read(pdfs[0]!); // loads pdf.js
  const times: number[] = [];
  for (const pdf of pdfs) {
    const each: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await read(pdf);
      each.push(performance.now() - start);
    }
    times.push(Math.min(...each));
  }
  times.sort((a, b) => a - b);
  return { pdfs: pdfs.length, medianMs: times[Math.floor(times.length / 2)]!, maxMs: times.at(-1)! };
}
