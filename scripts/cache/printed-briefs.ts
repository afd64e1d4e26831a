/**
 * The briefs printed so far in a build. Each goes into the build store as soon as it is
 * printed (its PDF, Markdown and body are written by then), so memory stays the same
 * whatever the number of briefs, and a build that stops half-way leaves the next one every
 * brief it finished. Held in the main thread, they made the build's peak grow with the
 * number of briefs (some 90 MB at 10,000 briefs while Chromium was running).
 *
 * A brief printed under another slug than its record has waits until the build is saved
 * (`late`): its record names the old slug's files, which the build removes only when it
 * completes; until then the record that names them must stay.
 */
import { type BuildStore, type CachedBrief, type Fingerprint, type IndexedBrief, indexPart } from './state.js';

export interface PrintedBriefs {
  /** Keep `brief`, printed from `source` whose file looked like `stat` when it was read. */
  add(source: string, brief: CachedBrief, stat?: Fingerprint): void;
  /** How many were added. */
  readonly size: number;
  /** Every brief added (the part every build reads), by source, in the order added. */
  read(): Promise<Map<string, IndexedBrief>>;
  /** The briefs kept back until the build is saved. */
  readonly late: Map<string, CachedBrief>;
}

/** `previous`: the records the build started from, by source. */
export function printedBriefs(store: BuildStore, previous: ReadonlyMap<string, IndexedBrief>): PrintedBriefs {
  const added: string[] = [];
  const late = new Map<string, CachedBrief>();
  return {
    add(source, brief, stat) {
      store.markIncomplete();
      added.push(source);
      const last = previous.get(source);
      if (last && last.slug !== brief.entry.slug) late.set(source, { ...brief, ...(stat ? { stat } : {}) });
      else store.put(source, brief, stat);
    },
    get size() {
      return added.length;
    },
    async read() {
      await store.flushed();
      const briefs = new Map<string, IndexedBrief>();
      for (const source of added) {
        const held = late.get(source);
        const indexed = held ? indexPart(held) : store.indexed(source);
        if (indexed) briefs.set(source, indexed);
      }
      return briefs;
    },
    late,
  };
}
