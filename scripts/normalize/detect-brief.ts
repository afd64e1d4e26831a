/**
 * Is a plain text the extraction of a letterhead one-pager? Near its top it has
 * letterhead lines (phone, fax, e-mail, web address, street address, the configured
 * organization's details), at least two of them.
 */
import type { SiteConfig } from '../config.js';
import { letterheadConfigured, letterheadKinds } from './letterhead.js';

export function looksLikePdfBrief(text: string, organization?: SiteConfig['organization']): boolean {
  const top = text.split(/\r\n|\r|\n|\f/).filter((line) => line.trim() !== '').slice(0, 30);
  const kinds = new Set<string>();
  let hits = 0;
  for (const line of top) {
    const configured = letterheadConfigured(line, organization);
    for (const id of configured ? [configured] : letterheadKinds(line)) kinds.add(id), hits++;
  }
  return hits >= 2 && kinds.size >= 1 && (kinds.size >= 2 || hits >= 3);
}
