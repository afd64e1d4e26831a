/**
 * Which briefs a packet holds, in which order: those whose slug it lists, and those that
 * match every other criterion it gives (any of its tags, any of its authors, its kind, its
 * dates). Pure: the same briefs and packet give the same selection.
 */
import type { PacketSpec } from '../core/config.js';
import { closest } from '../core/did-you-mean.js';
import type { ManifestEntry } from '../core/types.js';

export type PacketSelection = Omit<PacketSpec, 'name' | 'title' | 'event' | 'date'>;

export interface SelectedBriefs<T extends ManifestEntry> {
  briefs: T[];
  /** Slugs the packet lists that no brief has, each with the closest slug there is. */
  missing: { slug: string; suggestion?: string }[];
}

const lower = (s: string) => s.toLocaleLowerCase('en');

/** Newest first, undated last; briefs of one day by slug (the archive's order). */
export function newestFirst(a: ManifestEntry, b: ManifestEntry): number {
  const [da, db] = [a.date ?? '', b.date ?? ''];
  return da !== db ? (da < db ? 1 : -1) : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

const byTitle = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function matches(brief: ManifestEntry, selection: PacketSelection): boolean {
  const { tags, authors, kind, from, to } = selection;
  const criteria = Boolean(tags?.length || authors?.length || kind || from || to);
  if (!criteria) return false; // a packet of listed slugs only
  if (tags?.length) {
    const wanted = new Set(tags.map(lower));
    if (!brief.tags.some((t) => wanted.has(lower(t)))) return false;
  }
  if (authors?.length) {
    const wanted = new Set(authors.map(lower));
    if (!brief.authors.some((a) => wanted.has(lower(a.name)))) return false;
  }
  if (kind && brief.kind !== kind) return false;
  if ((from || to) && !brief.date) return false;
  if (from && brief.date! < from) return false;
  if (to && brief.date! > to) return false;
  return true;
}

export function selectBriefs<T extends ManifestEntry>(all: readonly T[], selection: PacketSelection): SelectedBriefs<T> {
  const bySlug = new Map(all.map((b) => [b.slug, b]));
  const listed: T[] = [];
  const missing: SelectedBriefs<T>['missing'] = [];
  for (const slug of new Set(selection.slugs ?? [])) {
    const brief = bySlug.get(slug);
    if (brief) listed.push(brief);
    else {
      const suggestion = closest(slug, [...bySlug.keys()]);
      missing.push({ slug, ...(suggestion ? { suggestion } : {}) });
    }
  }
  const inList = new Set(listed);
  const matched = all.filter((b) => !inList.has(b) && matches(b, selection));
  const order = selection.order ?? 'date';
  if (order === 'given') return { briefs: [...listed, ...matched.sort(newestFirst)], missing };
  const briefs = [...listed, ...matched];
  briefs.sort(order === 'title' ? (a, b) => byTitle.compare(a.title, b.title) || newestFirst(a, b) : newestFirst);
  return { briefs, missing };
}
