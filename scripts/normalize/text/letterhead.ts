/**
 * Letterhead lines: recognized by shape (phone, fax, e-mail, web address, street
 * address, city line, several of these joined on one line with separators) and by the
 * configured organization's details. They are removed from the body and recorded.
 */
import type { RuleId } from '../../core/rules.js';
import type { SiteConfig } from '../../core/config.js';
import * as address from '../rules/letterhead-address.js';
import * as email from '../rules/letterhead-email.js';
import * as organization from '../rules/letterhead-organization.js';
import * as phone from '../rules/letterhead-phone.js';
import * as tagline from '../rules/letterhead-tagline.js';
import * as web from '../rules/letterhead-web.js';

type Organization = SiteConfig['organization'];

const SHAPES = [phone, email, web, address] as const;

const separator = /\s*(?:\||•|·|◦|▪|\u00b7|;|\t|\s{3,}|\s[–—]\s)\s*/;
/** Every separator holds one of these. */
const maybeSeparator = /[|•·◦▪;\t–—]|\s{3}/;

/** Parts of a line joined with separators: "1634 I Street NW | Suite 1100 | P 202-…". */
export const segments = (text: string) => (maybeSeparator.test(text) ? text.split(separator) : [text]).map((s) => s.trim()).filter(Boolean);

/** The rule id of each part by its shape, if it has one. */
const partShapes = (parts: readonly string[]) => parts.map((part) => SHAPES.find((rule) => rule.test(part))?.id);

/** `letterheadShape` of a trimmed line, whose parts (`segments`) and their shapes may be known already. */
function shapeOf(t: string, given?: readonly string[], ids?: (RuleId | undefined)[]): RuleId | undefined {
  for (const rule of SHAPES) if (rule.test(t)) return rule.id;
  // Split only when the whole line has no shape.
  const parts = given ?? segments(t);
  if (parts.length >= 2) {
    const shapes = ids ?? partShapes(parts);
    const found = parts.map((part, i) => shapes[i] ?? (/,/.test(part) && address.test(part.split(',')[0]!) ? address.id : undefined));
    const known = found.filter(Boolean).length;
    if (known === parts.length || (known >= 2 && known >= parts.length - 1)) return found.find(Boolean);
  }
  return undefined;
}

/** The rule id of a letterhead line by its shape alone, if it is one. */
export function letterheadShape(text: string): RuleId | undefined {
  return shapeOf(text.trim());
}

/** The letterhead kinds on a line: one for a plain letterhead line, one per part for a joined line. */
export function letterheadKinds(text: string): RuleId[] {
  const t = text.trim();
  const parts = segments(t);
  const ids = parts.length >= 2 ? partShapes(parts) : [];
  const kinds = ids.filter((id) => id !== undefined) as RuleId[];
  if (kinds.length >= 2) return kinds;
  const id = shapeOf(t, parts, ids);
  return id ? [id] : [];
}

/** Has `text` more than `limit` ASCII letters and digits? */
function hasMoreAlphanumerics(text: string, limit: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const letter = (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a; // A-Z folded onto a-z
    if ((letter || (code >= 0x30 && code <= 0x39)) && ++count > limit) return true;
  }
  return false;
}

/** Tells which configured detail a line is (its rule id), if any. */
export type ConfiguredMatcher = (text: string) => RuleId | undefined;

const digitsOf = (s: string) => s.replace(/\D/g, '');

/**
 * The configured organization's details, prepared once per source (squashed, digits,
 * host), as a test of lines: the rule id of a line matching one of them, if it does.
 */
export function configuredMatcher(org: Organization | undefined): ConfiguredMatcher {
  if (!org) return () => undefined;
  const names = [org.name, ...(org.short_name ? [org.short_name] : [])].map(organization.squash);
  const taglineSquashed = org.tagline ? organization.squash(org.tagline) : undefined;
  const addressLines = new Set(org.address.map(organization.squash));
  const addressJoined = org.address.length > 1 ? organization.squash(org.address.join(' ')) : undefined;
  const phones = (
    [
      [org.phone, phone.id],
      [org.fax, phone.id],
    ] as const
  )
    .filter(([value]) => value && digitsOf(value).length >= 7)
    .map(([value, id]) => ({ tail: digitsOf(value!).slice(-7), maxLength: digitsOf(value!).length + 2, id }));
  const mail = org.email ? org.email.toLowerCase() : undefined;
  const host = org.url
    ? org.url
        .replace(/^https?:\/\//, '')
        .replace(/^www\./, '')
        .replace(/\/.*$/, '')
        .toLowerCase()
    : undefined;
  // A line is one of these details (or a piece of one) only when squashed no longer than it;
  // its ASCII letters and digits, each kept by squashing, say when it is surely longer.
  const longest = Math.max(
    0,
    ...names.map((n) => n.length),
    taglineSquashed?.length ?? 0,
    ...[...addressLines].map((l) => l.length),
    addressJoined?.length ?? 0,
  );
  return (text) => {
    if (!hasMoreAlphanumerics(text, longest)) {
      const t = organization.squash(text);
      if (!t) return undefined;
      if (organization.matchesSquashedName(t, names)) return organization.id;
      if (taglineSquashed !== undefined && (taglineSquashed === t || (t.length >= 6 && taglineSquashed.includes(t)))) return tagline.id;
      if (addressLines.has(t) || (addressJoined !== undefined && addressJoined === t)) return address.id;
    }
    if (phones.length && phone.test(text)) {
      const lineDigits = digitsOf(text);
      for (const { tail, maxLength, id } of phones) {
        if (lineDigits.endsWith(tail) && lineDigits.length <= maxLength) return id;
      }
    }
    // The shapes first: most lines are neither an e-mail nor a web address line.
    if (mail !== undefined && email.test(text) && text.toLowerCase().includes(mail)) return email.id;
    if (host !== undefined && web.test(text) && text.toLowerCase().includes(host)) return web.id;
    return undefined;
  };
}

export { organization, tagline };

/** A line of a postal address: a street, a city line, or a postal code alone ("SW1A 2AH", "20006"). */
export function isPostalLine(text: string): boolean {
  const t = text.trim();
  return (
    address.test(t) ||
    /^(?:[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|\d{5}(?:-\d{4})?)$/.test(t) ||
    /^(?:[\p{Lu}][\p{L}.'-]*\s+){1,4}(?:Street|Road|Avenue|Square|Lane|Place|Way|Drive|Boulevard)$/u.test(t)
  );
}
