/**
 * Contacts from contact sentences and blocks: "contact Emma Llansó, Policy Counsel,
 * ellanso@cdt.org, or Jim Dempsey, VP for Public Policy, jdempsey@cdt.org" → two
 * contacts {name, role, email}. The text stays in the body.
 */
import type { Contact } from '../../core/types.js';

const emailPattern = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const keyword = /\b(?:contact(?:ing)?|reach|write to|e-?mail|call|questions|inquiries|information)\b\s*:?/giu;
export const personName =
  /^(?:(?:dr|mr|mrs|ms|prof)\.?\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|da|del|der|di|la|le|du|bin|al)){1,4}$/u;
const phonePattern = /(?:(?:tel|phone|ph|p|t|call|at)\.?:?\s*)?\+?\(?\d[\d\s().–-]{6,}\d/giu;

/** The text with its phone numbers taken out. */
export const withoutPhones = (text: string): string => text.replace(phonePattern, '');

/** Contacts named in one paragraph (or a contact block joined with commas). */
export function contactsIn(text: string, isBlock = false): Contact[] {
  if (!text.includes('@')) return [];
  const emails = [...text.matchAll(emailPattern)];
  if (emails.length === 0) return [];
  const before = text.slice(0, emails[0]!.index);
  const keywords = [...before.matchAll(keyword)];
  if (keywords.length === 0 && !isBlock) return [];
  let start = keywords.length ? keywords.at(-1)!.index + keywords.at(-1)![0].length : 0;
  const contacts: Contact[] = [];
  for (const match of emails) {
    const email = match[0].replace(/\.+$/, '');
    const contact = parseChunk(text.slice(start, match.index));
    start = match.index + match[0].length;
    if (contact) contacts.push({ ...contact, email });
  }
  return contacts;
}

/** The capitalized words at the end of a phrase: "may be sent to Luis Ortega" → "Luis Ortega". */
const trailingName = (text: string) => /(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})$/u.exec(text)?.[1];

function parseChunk(chunk: string): Omit<Contact, 'email'> | undefined {
  let rest = chunk
    .replace(phonePattern, ' ')
    .replace(/^[\s,;:.()\-–—]*(?:(?:or|and|&|please)\s+)*(?:contact\s+)?/i, '')
    .replace(/[\s,;:(<\-–—]*(?:\b(?:at|via|by|on|e-?mail|email|mail|to)\b[\s:]*)*[\s,;:(<\-–—]*$/i, '')
    .trim();
  let role: string | undefined;
  const parenthetical = /^(.*?)\s*\(([^)]+)\)$/.exec(rest);
  if (parenthetical) [rest, role] = [parenthetical[1]!, parenthetical[2]!];
  const parts = rest.split(/\s*,\s*/).filter(Boolean);
  let name = parts.shift()?.trim();
  // "Jane Doe of the Acme Institute" → name and role.
  // "… may be sent to Luis Ortega of the Center's policy team" → the name before "of" and the rest.
  const of = name ? /^(.*?)\s+(?:of|from|with)\s+(.+)$/.exec(name) : null;
  const who = of ? (personName.test(of[1]!) ? of[1]! : trailingName(of[1]!)) : undefined;
  if (of && who && personName.test(who)) [name, role] = [who, role ?? of[2]!.replace(/^the\s+/i, '')];
  // "… may be sent to Luis Ortega" → the capitalized words at the end.
  if (name && !personName.test(name)) name = trailingName(name);
  if (!name || !personName.test(name)) return undefined;
  role ??= parts.join(', ').trim() || undefined;
  return role ? { name, role } : { name };
}

/** Contacts across paragraphs, without duplicates. */
export function findContacts(paragraphs: readonly { text: string; block: boolean }[]): Contact[] {
  const seen = new Set<string>();
  const contacts: Contact[] = [];
  for (const { text, block } of paragraphs) {
    for (const contact of contactsIn(text, block)) {
      const key = `${contact.name}|${contact.email}`.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        contacts.push(contact);
      }
    }
  }
  return contacts;
}

/** "Media contact:", "Press Contacts:", "CONTACT:", "For more information contact:" (rest of the line optional). */
export const contactLabel = /^\s*(?:(?:media|press|news|for\s+media|for\s+press)\s+)?(?:contacts?|inquiries|enquiries)\s*:\s*(.*)$/i;
export const emailOnly = /^(?:e-?mail\s*:?\s*)?<?([\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,})>?$/u;
/** An address the page hid from its saved text ("[email protected]", a CDN's e-mail obfuscation): an e-mail, never a role. */
const hiddenEmail = /^\[email\s+protected\]$/i;
export const phoneOnly =
  /^(?:(?:tel|phone|ph|p|t|m|mobile|cell|office|o|fax|f)\.?\s*:?\s*)?\+?\(?\d[\d\s().–-]{6,}\d(?:\s*(?:ext\.?|x)\s*\d+)?$/iu;

/**
 * A contact block: the label line's rest and the lines under it (a name, a role, a phone,
 * an e-mail; several people one after another) → contacts. A new person starts at each
 * name once the previous one has one.
 */
export function contactBlock(parts: readonly string[]): Contact[] {
  const people: { name: string; roles: string[]; email?: string; detail: boolean }[] = [];
  const current = () => people.at(-1);
  for (const raw of parts.flatMap((p) => p.split(/\s+[|•·]\s+|\s*;\s*/))) {
    const part = raw.trim().replace(/[,;]$/, '');
    if (!part) continue;
    const pieces = part.split(/\s*,\s*/);
    const email = pieces.map((p) => emailOnly.exec(p)?.[1]).find(Boolean);
    const phone = pieces.some((p) => phoneOnly.test(p) || hiddenEmail.test(p));
    const words = pieces.filter((p) => p && !emailOnly.test(p) && !phoneOnly.test(p) && !hiddenEmail.test(p)); // "Name,, phone": an empty piece
    // A name starts a person, unless the person before has no phone or e-mail yet (then it is a role).
    if (words[0] && personName.test(words[0]) && (!current() || current()!.detail))
      people.push({ name: words.shift()!, roles: [], detail: false });
    const person = current();
    if (!person) continue;
    person.roles.push(...words);
    if (email && !person.email) person.email = email;
    if (email || phone) person.detail = true;
  }
  return people.map(({ name, roles, email }) => ({
    name,
    ...(roles.length ? { role: roles.join(', ') } : {}),
    ...(email ? { email } : {}),
  }));
}
