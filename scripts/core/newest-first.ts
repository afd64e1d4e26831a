/** The order of the manifest and the archive: newest first; briefs of one day by slug. */

export function newestFirst(a: { date?: string | undefined; slug: string }, b: { date?: string | undefined; slug: string }): number {
  const [da, db] = [a.date ?? '', b.date ?? ''];
  return da !== db ? (da < db ? 1 : -1) : a.slug < b.slug ? -1 : 1;
}
