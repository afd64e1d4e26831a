/** The order of the manifest and the archive: newest first; briefs of one day by slug. */
import type { ManifestEntry } from './types.js';

export function newestFirst(a: { entry: ManifestEntry }, b: { entry: ManifestEntry }): number {
  const [da, db] = [a.entry.date ?? '', b.entry.date ?? ''];
  return da !== db ? (da < db ? 1 : -1) : a.entry.slug < b.entry.slug ? -1 : 1;
}
