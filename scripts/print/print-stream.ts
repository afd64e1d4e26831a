/**
 * The build's printing stage, a stream: the changed sources are normalized in path order,
 * each brief gets its slug (which depends only on the sources before it) and is rendered
 * and printed while the next ones are normalized. Normalizing stays only a few briefs
 * ahead of printing, so memory does not grow with the number of briefs.
 */
import path from 'node:path';
import pLimit from 'p-limit';
import type { VFile } from 'vfile';
import type { BuildConfig } from '../core/config.js';
import { storeMessages } from '../core/messages.js';
import type { Progress } from '../core/progress.js';
import { createSlugResolver, keepsSlugs, type SlugResolution } from '../core/resolve-slugs.js';
import type { ManifestEntry, NormalizedBrief } from '../core/types.js';
import { printedBriefs } from '../cache/printed-briefs.js';
import { type ChangedSource, normalizeSources } from '../cache/read-sources.js';
import { storeBody } from '../cache/bodies.js';
import { type BuildStore, type CachedBrief, type Fingerprint, type IndexedBrief, sourceHash } from '../cache/state.js';
import type { NormalizeOutput, SourceInput } from '../normalize/normalize-source.js';
import type { RenderInput, RenderOutput } from '../render/render-brief.js';
import type { Printer } from './printer.js';
import { report } from '../core/rules.js';

/** Where briefs are normalized and rendered: worker threads, or this one. */
export interface BriefWork {
  normalize(source: SourceInput): Promise<NormalizeOutput>;
  render(input: RenderInput): Promise<RenderOutput>;
}

export interface PrintStreamInput {
  config: BuildConfig;
  /** The build key (cache.ts `buildKey`), kept with each brief printed. */
  key: string;
  /** Sources to build, in path order. */
  changed: readonly ChangedSource[];
  /** Briefs from the last build, by source path; one whose slug a new source takes is printed again. */
  cached: ReadonlyMap<string, IndexedBrief>;
  /** Where each brief printed is kept as soon as it is printed (printed-briefs.ts). */
  store: BuildStore;
  /** The records the build started from. */
  previous: { briefs: ReadonlyMap<string, IndexedBrief> };
  /** Slugs of the sources other shards build, by source path. */
  otherSlugs: ReadonlyMap<string, string>;
  /** Started on first use; `printer` fails the whole stage when it cannot start (nothing could print). */
  work: () => Promise<BriefWork>;
  printer: () => Promise<Printer>;
  /** Briefs printing at once (more wait, normalized, for a page). */
  printing: number;
  progress: Progress;
  /** Aborted: no new brief starts; those under way end, and the stage returns what was printed. */
  signal?: AbortSignal | undefined;
}

export interface PrintStreamResult {
  /** The briefs printed now, by source path, in the order they were printed. */
  built: Map<string, IndexedBrief>;
  /** Printed briefs whose record waits until the build is saved (printed-briefs.ts). */
  late: Map<string, CachedBrief>;
  /** The cached briefs still good (those printed again under a new slug left). */
  cached: ReadonlyMap<string, IndexedBrief>;
  /** Sources that could not be normalized or printed; their messages say why. */
  failed: VFile[];
}

export async function printChanged(input: PrintStreamInput): Promise<PrintStreamResult> {
  const { config, key, signal, progress } = input;
  const root = config.root;

  const printed = printedBriefs(input.store, input.previous.briefs);
  const looks = new Map<string, Fingerprint>();
  const failed: VFile[] = [];
  const printFailures: VFile[] = [];
  const baseSlugs = new Map<string, string>();
  // With no source to print and no other shard's claims, the cached briefs' slugs are
  // resolved as one pass over them (at 10,000 briefs, resolving them all took a no-op 70 ms).
  const unchanged = input.changed.length === 0 && input.otherSlugs.size === 0 && keepsSlugs(input.cached) === true;
  // Those whose slug a new source takes leave it (none when nothing changed: then no copy of every brief).
  const own = unchanged ? undefined : new Map(input.cached);
  const cached = own ?? input.cached;
  const slugs = unchanged
    ? undefined
    : createSlugResolver([
        ...[...input.otherSlugs].map(([source, slug]) => ({ source, slug })),
        ...[...cached].map(([source, brief]) => ({ source, slug: brief.baseSlug })),
      ]);

  const limit = pLimit(input.printing);
  const all: Promise<void>[] = [];
  const underWay = new Set<Promise<void>>();
  const printOne = async (brief: NormalizedBrief): Promise<void> => {
    if (signal?.aborted) return;
    const [{ printBrief }, work] = await Promise.all([import('./print-brief.js'), input.work()]);
    // Without a browser nothing can print: that error ends the stage, not just this brief.
    let noBrowser: { error: unknown } | undefined;
    const printer = () =>
      input.printer().catch((error: unknown) => {
        noBrowser = { error };
        throw error;
      });
    try {
      const { rendered, entry } = await printBrief(brief, config, work, printer, signal);
      checkBudget(brief.file, entry, config.strict);
      printed.add(
        brief.file.path,
        {
          hash: sourceHash(key, brief.file.value as Uint8Array),
          baseSlug: baseSlugs.get(brief.file.path)!,
          entry,
          data: brief.data,
          bodyHash: await storeBody(config.cacheDir, rendered.html),
          headings: rendered.headings,
          messages: storeMessages(brief.file, rendered.markdownFile),
        },
        looks.get(brief.file.path),
      );
    } catch (error) {
      if (noBrowser) throw noBrowser.error;
      if (signal?.aborted) return;
      const reason = `could not print: ${error instanceof Error ? error.message : String(error)}`;
      report(brief.file, 'print-failed', reason, { severity: 'error' });
      printFailures.push(brief.file);
    } finally {
      progress.tick(brief.slug);
    }
  };
  // Hand a normalized brief on to print; wait while enough briefs are waiting for a page.
  const queue = async (brief: NormalizedBrief, slug: SlugResolution): Promise<void> => {
    signal?.throwIfAborted();
    if (slug.takenBy) {
      report(
        brief.file,
        'duplicate-slug',
        `slug \`${brief.slug}\` is already used by ${slug.takenBy}; this brief is written as \`${slug.slug}\` (set \`slug:\` to choose another)`,
      );
    }
    baseSlugs.set(brief.file.path, brief.slug);
    brief.slug = slug.slug;
    const job = limit(() => printOne(brief));
    all.push(job);
    underWay.add(job);
    void job.finally(() => underWay.delete(job)).catch(() => {}); // failures are awaited below
    while (underWay.size > input.printing + config.concurrency * 2) await Promise.race(underWay);
  };

  try {
    if (slugs && input.changed.length > 0) {
      progress.stage('printing', input.changed.length);
      const work = await input.work();
      failed.push(
        ...(await normalizeSources(input.changed, root, key, work, (brief, look) => {
          looks.set(brief.file.path, look);
          return queue(brief, slugs.claim(brief.file.path, brief.slug));
        })),
      );
    }
    // A cached brief whose slug was taken by a new source is printed again under its new one.
    for (const [source, slug] of slugs?.finish() ?? []) {
      const brief = own?.get(source);
      if (!brief || slug.slug === brief.slug) continue;
      own!.delete(source);
      void input.printer();
      failed.push(
        ...(await normalizeSources([{ path: path.join(root, source) }], root, key, await input.work(), (again, look) => {
          looks.set(again.file.path, look);
          return queue(again, slug);
        })),
      );
    }
    await Promise.all(all);
    progress.done();
  } catch (error) {
    // Interrupted: the briefs printed so far are kept (the next build reuses them).
    if (!signal?.aborted) {
      throw error;
    }
    await Promise.allSettled(all);
  }
  return { built: await printed.read(), late: printed.late, cached, failed: [...failed, ...printFailures] };
}

function checkBudget(file: VFile, entry: ManifestEntry, strict: boolean): void {
  if (entry.pages <= entry.budget) return;
  const message = report(
    file,
    'page-budget',
    `prints on ${entry.pages} pages, over its budget of ${entry.budget} (shorten it, or set \`pages: ${entry.pages}\` in its front matter)`,
  );
  if (strict) message.fatal = true;
}
