/** The files a build writes for one brief, relative to the output folder: what is kept, copied, checked and removed with it. */
import { briefPagePath } from './public-url.js';
import type { ManifestEntry } from './types.js';

export function briefOutputs(entry: Pick<ManifestEntry, 'html' | 'pdf' | 'markdown' | 'cover'>): string[] {
  return entry.cover ? [entry.html, entry.pdf, entry.markdown, entry.cover] : [entry.html, entry.pdf, entry.markdown];
}

/** Where a brief written under `slug` has its files (its manifest entry's paths). */
export function briefPaths(slug: string) {
  return { html: briefPagePath(slug), pdf: `briefs/${slug}.pdf`, markdown: `briefs/${slug}.md`, cover: `briefs/${slug}.jpg` };
}

/** The files of a brief known by its slug and whether it has a picture of page 1 (the build store's index: cache/state.ts). */
export function outputsOfSlug(brief: { slug: string; cover?: boolean | undefined }): string[] {
  const { cover, ...paths } = briefPaths(brief.slug);
  return briefOutputs(brief.cover ? { ...paths, cover } : paths);
}
