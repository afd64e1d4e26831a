/** What the build store of an output folder holds, read as the next build reads it. */
import { cacheDirOf } from '../../scripts/core/cache-dir.js';
import { type CachedBrief, type IndexedBrief, openStore } from '../../scripts/cache/state.js';

export interface StoreContents {
  /** Every record, whole, by source path. */
  briefs: Map<string, CachedBrief & { stat?: IndexedBrief['stat'] }>;
  archiveFiles: string[];
  incomplete: boolean;
}

export async function readStore(outDir: string): Promise<StoreContents> {
  const store = await openStore(cacheDirOf(outDir));
  try {
    const briefs = new Map<string, CachedBrief & { stat?: IndexedBrief['stat'] }>();
    for (const [source, indexed] of store.index())
      briefs.set(source, { ...store.full(source, indexed), ...(indexed.stat ? { stat: indexed.stat } : {}) });
    return { briefs, archiveFiles: [...store.archiveFiles], incomplete: store.incomplete };
  } finally {
    await store.close();
  }
}
