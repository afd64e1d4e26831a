/** The files a build writes for one brief, relative to the output folder: what is kept, copied, checked and removed with it. */
import { briefPagePath } from './public-url.js';
import type { ManifestEntry } from './types.js';

export function briefOutputs(entry: Pick<ManifestEntry, 'html' | 'pdf' | 'markdown' | 'cover'>): string[] {
  return entry.cover ? [entry.html, entry.pdf, entry.markdown, entry.cover] : [entry.html, entry.pdf, entry.markdown];
}

/** The folder of the output folder that holds every brief's files. */
export const BRIEFS_DIR = 'briefs';

/** Where a brief written under `slug` has its files (its manifest entry's paths). */
export function briefPaths(slug: string) {
  return {
    html: briefPagePath(slug),
    pdf: `${BRIEFS_DIR}/${slug}.pdf`,
    markdown: `${BRIEFS_DIR}/${slug}.md`,
    cover: `${BRIEFS_DIR}/${slug}.jpg`,
  };
}

/** The files of a brief known by its slug and whether it has a picture of page 1 (the build store's index: cache/state.ts). */
export function outputsOfSlug(brief: { slug: string; cover?: boolean | undefined }): string[] {
  const { cover, ...paths } = briefPaths(brief.slug);
  return briefOutputs(brief.cover ? { ...paths, cover } : paths);
}

/**
 * Which of a brief's files are among `names`, the files of `briefs/` (one listing of the
 * folder): `page` for its HTML page, `files` for the others (PDF, Markdown, picture), and
 * how many of its files are there. Asked for every brief of every build, so no path is made.
 */
export function briefFilesIn(
  names: ReadonlySet<string>,
  brief: { slug: string; cover?: boolean | undefined },
): { page: boolean; files: boolean; count: number } {
  const { slug } = brief;
  const page = names.has(`${slug}.html`);
  const pdf = names.has(`${slug}.pdf`);
  const markdown = names.has(`${slug}.md`);
  const cover = brief.cover ? names.has(`${slug}.jpg`) : true;
  return { page, files: pdf && markdown && cover, count: +page + +pdf + +markdown + +(brief.cover === true && cover) };
}

/**
 * Whether a file (relative to the output folder) is one of the files of `briefs` (`outputsOfSlug`
 * of each): found from its name, so that no path is made for each of ten thousand briefs.
 */
export function briefOutputTest(briefs: Iterable<{ slug: string; cover?: boolean | undefined }>): (file: string) => boolean {
  const covers = new Map<string, boolean>();
  for (const brief of briefs) covers.set(brief.slug, covers.get(brief.slug) === true || brief.cover === true);
  const folder = `${BRIEFS_DIR}/`;
  return (file) => {
    if (!file.startsWith(folder)) return false;
    const dot = file.lastIndexOf('.');
    const cover = dot > folder.length ? covers.get(file.slice(folder.length, dot)) : undefined;
    if (cover === undefined) return false;
    const extension = file.slice(dot + 1);
    return extension === 'html' || extension === 'pdf' || extension === 'md' || (extension === 'jpg' && cover);
  };
}
