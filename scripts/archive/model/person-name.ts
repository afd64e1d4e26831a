/**
 * People's names as indexes and citations write them: family name first. A name is read as
 * `Given Family` (with suffixes such as `Jr.` kept after it, and particles such as `van`
 * with the given names, as English indexes file them), or is already `Family, Given`. A name
 * with a lower-case word other than a particle, an ampersand or more than five words is an
 * organization's (`Center for Democracy & Technology`): it has no family name.
 */

/** Suffixes that follow a family name (`Martin Luther King Jr.`). */
const SUFFIX = /^(?:jr|sr|i{1,3}|iv|v|phd|md|esq)\.?$/i;
const PARTICLE = /^(?:van|von|der|den|de|del|della|di|da|du|la|le|dos|das|bin|ibn|al|ter|ten|y)$/;

export interface PersonName {
  family: string;
  /** Given names, with particles (`Ludwig van`). */
  given: string;
  /** `Jr.`, `III`. */
  suffix?: string;
}

/** The parts of a person's name, or undefined for an organization or a single name. */
export function splitName(name: string): PersonName | undefined {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  const comma = /^([^,]+),\s*([^,]+?)(?:,\s*(\S+))?$/.exec(trimmed);
  if (comma && !SUFFIX.test(comma[2]!)) return { family: comma[1]!, given: comma[2]!, ...(comma[3] ? { suffix: comma[3] } : {}) };
  const words = trimmed.replace(/,/g, '').split(' ');
  if (words.length < 2 || words.length > 5 || trimmed.includes('&')) return undefined;
  if (words.some((w, i) => i > 0 && /^\p{Ll}/u.test(w) && !PARTICLE.test(w))) return undefined;
  let end = words.length;
  while (end > 1 && SUFFIX.test(words[end - 1]!)) end -= 1;
  if (end < 2) return undefined;
  const suffix = words.slice(end).join(' ');
  return { family: words[end - 1]!, given: words.slice(0, end - 1).join(' '), ...(suffix ? { suffix } : {}) };
}

/** The key a name is filed under: `Núñez José`; an organization's name as written. */
export function familyNameKey(name: string): string {
  const parts = splitName(name);
  return parts ? [parts.family, parts.given, parts.suffix].filter(Boolean).join(' ') : name.trim();
}

/** `Núñez, José` (`King, Martin Luther, Jr.`); an organization's name as written. */
export function invertedName(name: string): string {
  const parts = splitName(name);
  return parts ? [parts.family, parts.given, parts.suffix].filter(Boolean).join(', ') : name.trim();
}
