/** What the build cache of an output folder holds, read as the next build reads it. */
import { cacheDirOf } from '../../scripts/core/cache-dir.js';
import { type CachedBrief, readState } from '../../scripts/cache/state.js';

export interface StoreContents {
  /** Every record, whole, by source path. */
  briefs: Map<string, CachedBrief>;
  archiveFiles: string[];
  incomplete: boolean;
}

export async function readStore(outDir: string): Promise<StoreContents> {
  const state = await readState(cacheDirOf(outDir));
  return { briefs: new Map(Object.entries(state.briefs)), archiveFiles: [...state.archiveFiles], incomplete: state.incomplete === true };
}
