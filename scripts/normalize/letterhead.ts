/**
 * Letterhead lines: recognized by shape (phone, fax, e-mail, web address, street
 * address, city line, several of these joined on one line with separators) and by the
 * configured organization's details. They are removed from the body and recorded.
 */
import type { SiteConfig } from '../config.js';
import * as address from './rules/letterhead-address.js';
import * as email from './rules/letterhead-email.js';
import * as organization from './rules/letterhead-organization.js';
import * as phone from './rules/letterhead-phone.js';
import * as tagline from './rules/letterhead-tagline.js';
import * as web from './rules/letterhead-web.js';

type Organization = SiteConfig['organization'];

const SHAPES = [phone, email, web, address] as const;

/** Parts of a line joined with separators: "1634 I Street NW | Suite 1100 | P 202-…". */
export const segments = (text: string) => text.split(/\s*(?:\||•|·|◦|▪|\u00b7|;|\t|\s{3,}|\s[–—]\s)\s*/).map((s) => s.trim()).filter(Boolean);

/** The rule id of a letterhead line by its shape alone, if it is one. */
export function letterheadShape(text: string): string | undefined {
  const t = text.trim();
  for (const rule of SHAPES) if (rule.test(t)) return rule.id;
  const parts = segments(t);
  if (parts.length >= 2) {
    const ids = parts.map((part) => SHAPES.find((rule) => rule.test(part))?.id ?? (/,/.test(part) && address.test(part.split(',')[0]!) ? address.id : undefined));
    const known = ids.filter(Boolean).length;
    if (known === parts.length || (known >= 2 && known >= parts.length - 1)) return ids.find(Boolean);
  }
  return undefined;
}

/** The letterhead kinds on a line: one for a plain letterhead line, one per part for a joined line. */
export function letterheadKinds(text: string): string[] {
  const parts = segments(text.trim());
  const kinds = parts.length >= 2 ? parts.map((part) => SHAPES.find((rule) => rule.test(part))?.id).filter((id) => id !== undefined) as string[] : [];
  if (kinds.length >= 2) return kinds;
  const id = letterheadShape(text);
  return id ? [id] : [];
}

/** The rule id of a line matching the configured organization's details, if it does. */
export function letterheadConfigured(text: string, org: Organization | undefined): string | undefined {
  if (!org) return undefined;
  const t = organization.squash(text);
  if (!t) return undefined;
  const digits = (s: string) => s.replace(/\D/g, '');
  const lineDigits = digits(text);
  if (organization.matchesName(text, [org.name, ...(org.short_name ? [org.short_name] : [])])) return organization.id;
  if (org.tagline && (organization.squash(org.tagline) === t || (t.length >= 6 && organization.squash(org.tagline).includes(t)))) return tagline.id;
  if (org.address.some((line) => organization.squash(line) === t) || (org.address.length > 1 && organization.squash(org.address.join(' ')) === t)) return address.id;
  for (const [value, id] of [[org.phone, phone.id], [org.fax, phone.id]] as const) {
    if (value && digits(value).length >= 7 && lineDigits.endsWith(digits(value).slice(-7)) && lineDigits.length <= digits(value).length + 2 && phone.test(text)) return id;
  }
  if (org.email && text.toLowerCase().includes(org.email.toLowerCase()) && email.test(text)) return email.id;
  if (org.url) {
    const host = org.url.replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/.*$/, '').toLowerCase();
    if (web.test(text) && text.toLowerCase().includes(host)) return web.id;
  }
  return undefined;
}

export { organization, tagline };
