/** The files a build writes for one brief, relative to the output folder: what is kept, copied, checked and removed with it. */
import type { ManifestEntry } from './types.js';

export function briefOutputs(entry: Pick<ManifestEntry, 'html' | 'pdf' | 'markdown' | 'cover'>): string[] {
  return entry.cover ? [entry.html, entry.pdf, entry.markdown, entry.cover] : [entry.html, entry.pdf, entry.markdown];
}
