/**
 * The hashes the archive keys its files with, per brief: its entry's digest (all a card, a
 * feed entry and a search document's fields show), its front matter and headings (its own
 * page), its headings (its search document) and what relating it to others looks at. Worked
 * out from the brief when asked; a brief read from the archive index (archive-index.ts)
 * comes with them, so its entry, front matter and headings are not read just to be hashed.
 */
import { shortHash } from '../../core/short-hash.js';
import type { ArchiveBrief } from '../../core/types.js';

/** A brief as the archive holds it (site-model.ts's `SiteBrief`, named here without importing it). */
type SiteBrief = Omit<ArchiveBrief, 'body'> & { bodyHash: string };

export interface BriefKeys {
  /** Hash of the manifest entry (all but front matter, headings and body). */
  digest: string;
  /** Hash of the front matter and the headings. */
  details: string;
  /** Hash of the headings. */
  headings: string;
  /** Hash of what relating briefs looks at: slug, date, cited links, author names, tags. */
  related: string;
}

const known = new WeakMap<SiteBrief, BriefKeys>();

/** The keys of `brief`, worked out from it. */
export function computeBriefKeys(brief: SiteBrief): BriefKeys {
  const { data, headings, bodyHash: _, ...entry } = brief;
  return {
    digest: shortHash(JSON.stringify(entry)),
    details: shortHash(JSON.stringify([data, headings])),
    headings: shortHash(JSON.stringify(headings)),
    related: shortHash(JSON.stringify([brief.slug, brief.date ?? null, brief.links, brief.authors.map((a) => a.name), brief.tags])),
  };
}

/** The keys of `brief`: the ones it came with, or worked out once. */
export function briefKeys(brief: SiteBrief): BriefKeys {
  let keys = known.get(brief);
  if (!keys) known.set(brief, (keys = computeBriefKeys(brief)));
  return keys;
}

/** Give `brief` its keys, worked out earlier from the same record. */
export function rememberBriefKeys(brief: SiteBrief, keys: BriefKeys): void {
  known.set(brief, keys);
}

const checked = new WeakSet<SiteBrief>();

/** Say that `brief` went through the URL policy when it was made (archive-index.ts): it is not checked again. */
export function markChecked(brief: SiteBrief): void {
  checked.add(brief);
}

export function isChecked(brief: object): boolean {
  return checked.has(brief as SiteBrief);
}

const lazyPrototypes = new WeakSet<object>();

/**
 * The prototype of briefs whose `fields` are read on first use (archive-index.ts): accessors
 * shared by all of them, as defining them on each of ten thousand briefs costs a second.
 */
export function lazyPrototype(fields: PropertyDescriptorMap): object {
  const prototype = Object.defineProperties({}, fields);
  lazyPrototypes.add(prototype);
  return prototype;
}

/** Every field of `brief` as a descriptor: its own, and those it reads on first use. */
export function fieldDescriptors(brief: object): PropertyDescriptorMap {
  const own = Object.getOwnPropertyDescriptors(brief);
  const prototype = Object.getPrototypeOf(brief) as object | null;
  return prototype && lazyPrototypes.has(prototype) ? { ...own, ...Object.getOwnPropertyDescriptors(prototype) } : own;
}

/** `brief` as a plain object with every field read (to send it to a worker thread, which copies own fields only). */
export function plainBrief<T extends object>(brief: T): T {
  const prototype = Object.getPrototypeOf(brief) as object | null;
  if (!prototype || !lazyPrototypes.has(prototype)) return brief;
  const plain: Record<string, unknown> = { ...(brief as Record<string, unknown>) };
  for (const key of Object.keys(prototype)) plain[key] = (brief as Record<string, unknown>)[key];
  return plain as T;
}
