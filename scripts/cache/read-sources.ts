/**
 * Stage 2: read every source and normalize the ones whose bytes (or the build key)
 * changed since the last build; unchanged ones come from the cache without parsing.
 * Normalized briefs are handed on one at a time, so printing starts with the first.
 */
import { type Stats, statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import type { VFile } from 'vfile';
import type { NormalizeOutput, SourceInput } from '../normalize/normalize-source.js';
import { BODIES_DIR } from './bodies.js';
import { type Fingerprint, type IndexedBrief, sourceHash } from './state.js';
import { addMessages } from '../core/messages.js';
import type { RuleId } from '../core/rules.js';
import { fsReason } from '../core/fs-reason.js';
import { BRIEFS_DIR, briefFilesIn } from '../core/brief-outputs.js';
import { sourceFile } from '../normalize/source-file.js';
import type { NormalizedBrief } from '../core/types.js';

/** Files looked at (and read when their look changed) at once while looking for changed sources. */
const READ_CONCURRENCY = 16;
/**
 * A file whose modification time is this close to when its record's fingerprint was taken
 * is read and hashed all the same: it may have changed again within the file system's
 * resolution of times (1 or 2 s on some), which its time cannot show. Git calls them racy.
 */
const RACY_MS = 3000;

export interface Changes {
  /** Briefs whose outputs from the last build are still good, by source path, in path order. */
  cached: Map<string, IndexedBrief>;
  /**
   * Sources to normalize again, sorted by path: only their paths, each is read when it is
   * normalized (held from here, every changed source's bytes took 50 MB at 10,000 sources).
   */
  changed: ChangedSource[];
  /** Unchanged sources read because their fingerprint was not enough, with their new one. */
  touched: Map<string, Fingerprint>;
}

export interface ChangedSource {
  /** Absolute path. */
  path: string;
}

export function fingerprintOf(stats: { size: number; mtimeMs: number }, at: number, key: string): Fingerprint {
  return { size: stats.size, mtimeMs: stats.mtimeMs, at, key: key.slice(0, 16) };
}

/**
 * `path.relative(root, file)` for a file below `root` (both absolute and normalized, as the
 * listing of the sources gives them): the part after the root's, without the cost of
 * `path.relative` resolving both, 10,000 times a build.
 */
function relativeTo(root: string, file: string): string {
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  return file.startsWith(prefix) && path.isAbsolute(root) ? file.slice(prefix.length) : path.relative(root, file);
}

/** Whether a file with these stats is still the one `last` was taken of, under the same build key, without reading it. */
function sameLook(last: Fingerprint | undefined, now: { size: number; mtimeMs: number }, key: string): boolean {
  return (
    last !== undefined &&
    last.key === key.slice(0, 16) &&
    last.size === now.size &&
    last.mtimeMs === now.mtimeMs &&
    now.mtimeMs < last.at - RACY_MS
  );
}

/**
 * Tell unchanged sources (same bytes, same build key) from changed ones. A source whose size
 * and modification time are those recorded is not read; any other is read and hashed.
 */
export async function findChanges(
  sourcePaths: readonly string[],
  root: string,
  key: string,
  previous: ReadonlyMap<string, IndexedBrief>,
): Promise<Changes> {
  const limit = pLimit(READ_CONCURRENCY);
  const touched = new Map<string, Fingerprint>();
  const sources = sourcePaths.map((absPath) => relativeTo(root, absPath));
  // Taken before any look: a fingerprint's time is never later than its look.
  const at = Date.now();
  // The looks synchronously, one after another: each is a few microseconds, and 10,000
  // promises of `stat` through the thread pool cost a no-op more than the looks themselves.
  const unchanged: (IndexedBrief | Promise<IndexedBrief | undefined> | undefined)[] = sources.map((source, i) => {
    const last = previous.get(source);
    if (!last) return undefined; // new since the last build: nothing to compare
    let stats: Stats | undefined;
    try {
      stats = statSync(sourcePaths[i]!, { throwIfNoEntry: false });
    } catch {
      stats = undefined;
    }
    if (!stats) return undefined; // unreadable: normalizing it says why
    if (sameLook(last.stat, stats, key)) return last;
    const look = stats;
    return limit(async () => {
      const bytes = await readFile(sourcePaths[i]!).catch(() => undefined);
      if (!bytes || last.hash !== sourceHash(key, bytes)) return undefined;
      touched.set(source, fingerprintOf(look, at, key));
      return last;
    });
  });
  const results = await Promise.all(unchanged);
  const cached = new Map<string, IndexedBrief>();
  const changed: ChangedSource[] = [];
  sourcePaths.forEach((absPath, i) => {
    const result = results[i];
    if (result) cached.set(sources[i]!, result);
    else changed.push({ path: absPath });
  });
  return { cached, changed: changed.sort((a, b) => (a.path < b.path ? -1 : 1)), touched };
}

/** Sources normalized ahead of the one being handed on (in worker threads, they overlap). */
const LOOKAHEAD = 4;

/**
 * Normalize changed sources in path order, handing each brief on as soon as it is ready
 * (`onBrief` may wait, and normalizing then stays a few sources ahead). The normalizing
 * itself is the pool's: in worker threads, or here.
 */
export async function normalizeSources(
  changed: readonly ChangedSource[],
  root: string,
  key: string,
  pool: { normalize(source: SourceInput): Promise<NormalizeOutput> },
  onBrief: (brief: NormalizedBrief, stat: Fingerprint) => void | Promise<void>,
): Promise<VFile[]> {
  const failed: VFile[] = [];
  // Each source fails on its own: one that cannot be read, or whose normalizing fails or
  // takes too long, is reported at its path, and the others go on.
  const start = async (source: ChangedSource): Promise<{ bytes: Uint8Array; look: Fingerprint; output: NormalizeOutput }> => {
    let bytes: Uint8Array;
    let look: Fingerprint;
    try {
      // The look of the file before it is read: should it change meanwhile, the next build sees it changed.
      const at = Date.now();
      look = fingerprintOf(await stat(source.path), at, key);
      bytes = await readFile(source.path);
    } catch (error) {
      const none = { size: -1, mtimeMs: -1, at: 0, key };
      return { bytes: new Uint8Array(), look: none, output: failure(`cannot read this source: ${fsReason(error)}`, 'read-error') };
    }
    try {
      return { bytes, look, output: await pool.normalize({ path: source.path, bytes }) };
    } catch (error) {
      return {
        bytes,
        look,
        output: failure(`could not normalize this source: ${error instanceof Error ? error.message : String(error)}`, 'normalize-failed'),
      };
    }
  };
  const ahead: ReturnType<typeof start>[] = [];
  let next = 0;
  for (const source of changed) {
    while (ahead.length < LOOKAHEAD && next < changed.length) {
      const started = start(changed[next++]!);
      started.catch(() => {}); // awaited in turn below
      ahead.push(started);
    }
    const { bytes, look, output } = await ahead.shift()!;
    const file = addMessages(sourceFile(source.path, root, bytes), output.messages);
    if (!output.ok) {
      failed.push(file);
      continue;
    }
    const { reader, slug, data, markdown, bodyLines } = output;
    await onBrief({ file, reader, slug, data, markdown, ...(bodyLines ? { bodyLines } : {}) }, look);
  }
  return failed;
}

/** A source that could not be normalized, with one error saying why. */
function failure(reason: string, ruleId: RuleId): NormalizeOutput {
  return { ok: false, messages: [{ path: '', reason, line: 1, column: 1, ruleId, fatal: true }] };
}

/**
 * What one pass over the cached briefs found in the listings of `briefs/` (output folder) and
 * `bodies/` (cache folder), the folders the plan listed. While the build has written nothing
 * (a no-op), the archive's check and the sweep for stray files answer from it too.
 */
export interface BriefFilesCheck {
  /** Sources whose PDF, Markdown, picture of page 1 or kept body is missing: built again. */
  missing: string[];
  /** Every brief's HTML page is there too (the archive writes those). */
  pagesPresent: boolean;
  /** Every file in `briefs/` is one of these briefs' own (their slugs are all different): nothing stray to look for. */
  noStrays: boolean;
}

/**
 * Check each cached brief's files against one listing per folder, by slug and name: a no-op
 * at 10,000 briefs asks this of 40,000 files, and making their paths (and sets of paths)
 * cost more than the looks.
 */
export async function checkBriefFiles(
  cached: ReadonlyMap<string, IndexedBrief>,
  outDir: string,
  cacheDir: string,
  listings: Listings = new Map(),
): Promise<BriefFilesCheck> {
  const [names, bodies] = await Promise.all([
    filesIn(path.join(outDir, BRIEFS_DIR), listings),
    filesIn(path.join(cacheDir, BODIES_DIR), listings),
  ]);
  const missing: string[] = [];
  const slugs = new Set<string>();
  let pagesPresent = true;
  let claimed = 0;
  for (const [source, brief] of cached) {
    const found = briefFilesIn(names, brief);
    if (!found.files || !bodies.has(`${brief.bodyHash}.html`)) missing.push(source);
    pagesPresent &&= found.page;
    claimed += found.count;
    slugs.add(brief.slug);
  }
  return { missing, pagesPresent, noStrays: slugs.size === cached.size && claimed === names.size };
}

/**
 * Cached briefs whose body is no longer in the cache, or whose PDF or Markdown is no longer
 * in the output folder (someone deleted it, or the whole output folder: the cache beside it
 * stays), are built again: they move from `cached` to `changed`. One directory listing per
 * folder, whatever the number of briefs.
 */
export async function rebuildMissingOutputs(
  changes: Changes,
  root: string,
  outDir: string,
  cacheDir: string,
  listings: Listings = new Map(),
): Promise<Changes & { briefFiles?: BriefFilesCheck }> {
  if (changes.cached.size === 0) return changes;
  const briefFiles = await checkBriefFiles(changes.cached, outDir, cacheDir, listings);
  const { missing } = briefFiles;
  if (missing.length === 0) return { ...changes, briefFiles };
  for (const source of missing) changes.cached.delete(source);
  const changed = [...changes.changed, ...missing.map((source) => ({ path: path.join(root, source) }))];
  // The check is of briefs now to be built again: it holds for none of this build's checks.
  return { ...changes, changed: changed.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}

/**
 * The files of each folder listed so far in a build, by absolute path: a folder the build
 * has not written since is not listed again (`briefs/` holds four files per brief).
 */
export type Listings = Map<string, Promise<Set<string>>>;

/** The names of the files in `folder` (none when it cannot be listed), listed once per `listings`. */
export function filesIn(folder: string, listings: Listings = new Map()): Promise<Set<string>> {
  let listed = listings.get(folder);
  if (!listed) {
    listed = readdir(folder, { withFileTypes: true })
      .then((entries) => new Set(entries.filter((e) => e.isFile()).map((e) => e.name)))
      .catch(() => new Set<string>());
    listings.set(folder, listed);
  }
  return listed;
}

/**
 * Whether each of `files` (paths relative to `dir`, with `/`) is a file there: one directory
 * listing per folder rather than a look at each file; `listings` keeps them for later calls.
 * The answer is a test of a path among `files` (no set of every path: `briefs/` holds 40,000
 * names at 10,000 briefs).
 */
export async function filesPresent(
  dir: string,
  files: readonly string[],
  listings: Listings = new Map(),
): Promise<{ has(file: string): boolean }> {
  const folders = new Map<string, Set<string>>();
  for (const file of files) {
    const slash = file.lastIndexOf('/');
    folders.set(slash < 0 ? '' : file.slice(0, slash), new Set());
  }
  await Promise.all([...folders.keys()].map(async (folder) => folders.set(folder, await filesIn(path.join(dir, folder), listings))));
  return {
    has(file) {
      const slash = file.lastIndexOf('/');
      return folders.get(slash < 0 ? '' : file.slice(0, slash))?.has(file.slice(slash + 1)) ?? false;
    },
  };
}
