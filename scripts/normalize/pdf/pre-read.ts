/**
 * The asynchronous step before `normalize()` for a PDF source: its layout is read
 * (pdf.js) into `file.data.pdf`, so that the reader itself stays synchronous, as every
 * reader is. A PDF that cannot be read leaves the reason there; `normalize()` reports it.
 */
import type { VFile } from 'vfile';
import { isPdf } from './is-pdf.js';

export async function preReadPdf(file: VFile): Promise<void> {
  const value = file.value;
  if (typeof value === 'string' || file.data.pdf || !isPdf(value)) return;
  const { readPdfLayout } = await import('./read-pdf.js');
  const read = await readPdfLayout(value);
  file.data.pdf = read.ok ? { layout: read.layout } : { ruleId: read.ruleId, reason: read.reason };
}
