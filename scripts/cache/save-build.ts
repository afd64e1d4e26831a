/**
 * The last step a build and a merge of shards share: what deleted or renamed sources left
 * behind is removed, and the build is saved in the store for the next one.
 */
import path from 'node:path';
import { removeOutput } from '../core/write-file.js';
import { briefOutputTest, outputsOfSlug } from '../core/brief-outputs.js';
import { pruneBodies } from './bodies.js';
import { filesIn, type Listings } from './read-sources.js';
import type { BuildStore, CachedBrief, IndexedBrief } from './state.js';

/**
 * Remove the outputs of the last build that this one no longer has, then save the build
 * in the store (`late`: records kept back until now, see build.ts; the store drops the
 * records of every source not in `briefs`) and drop the bodies no brief uses any more.
 * `previous`: the store's index as the build found it. `listings`: the folders as the build's plan
 * listed them (what it wrote since is its own, and kept). Returns how many outputs were removed.
 */
export async function saveBuild(
  outDir: string,
  cacheDir: string,
  store: BuildStore,
  previous: { briefs: ReadonlyMap<string, IndexedBrief>; archiveFiles: readonly string[] },
  briefs: ReadonlyMap<string, IndexedBrief>,
  late: Map<string, CachedBrief>,
  archiveFiles: string[],
  listings?: Listings,
): Promise<number> {
  const keeps = keptFiles(briefs, archiveFiles);
  const stale = new Set<string>();
  for (const [source, was] of previous.briefs) {
    const now = briefs.get(source);
    // The same slug and picture: the same files, kept (most briefs; no path made for them).
    if (now?.slug === was.slug && now.cover === was.cover) continue;
    for (const file of outputsOfSlug(was)) if (!keeps(file)) stale.add(file);
  }
  const sameFiles = previous.archiveFiles.length === archiveFiles.length && previous.archiveFiles.every((f, i) => f === archiveFiles[i]);
  if (!sameFiles) for (const file of previous.archiveFiles) if (!keeps(file)) stale.add(file);
  for (const file of await strayBriefFiles(outDir, keeps, listings)) stale.add(file);
  await Promise.all([...stale].map((file) => removeOutput(outDir, file)));
  await store.save(new Set(briefs.keys()), late, archiveFiles);
  await pruneBodies(
    cacheDir,
    [...briefs.values()].map((b) => b.bodyHash),
  );
  return stale.size;
}

/** A brief's output as briefpress names it: `briefs/<slug>.pdf`, `.html`, `.md` or `.jpg`. */
const BRIEF_OUTPUT = /^[a-z0-9]+(?:-[a-z0-9]+)*\.(?:pdf|html|md|jpg)$/;

/**
 * Brief outputs in `briefs/` that no build listed (two builds that once wrote the folder at
 * the same time, before the build lock, left some): only names briefpress writes, in the
 * output folder; anything else there is left alone.
 */
async function strayBriefFiles(outDir: string, keeps: (file: string) => boolean, listings?: Listings): Promise<string[]> {
  const names = await filesIn(path.join(outDir, 'briefs'), listings);
  const strays: string[] = [];
  for (const name of names) {
    const file = `briefs/${name}`;
    if (!keeps(file) && BRIEF_OUTPUT.test(name)) strays.push(file);
  }
  return strays;
}

/** Whether a file is one of `briefs`' or of the archive's (`archiveFiles`): what a build keeps. */
function keptFiles(briefs: ReadonlyMap<string, IndexedBrief>, archiveFiles: readonly string[]): (file: string) => boolean {
  const ofBriefs = briefOutputTest(briefs.values());
  const ofArchive = new Set(archiveFiles);
  return (file) => ofBriefs(file) || ofArchive.has(file);
}

/**
 * For a build with nothing to save (the archive was up to date): remove the stray brief files
 * alone. `listings`: the folders as the build listed them, when it has written nothing. Returns how many.
 */
export async function removeStrayBriefFiles(
  outDir: string,
  briefs: ReadonlyMap<string, IndexedBrief>,
  listings?: Listings,
): Promise<number> {
  const strays = await strayBriefFiles(outDir, briefOutputTest(briefs.values()), listings);
  await Promise.all(strays.map((file) => removeOutput(outDir, file)));
  return strays.length;
}
