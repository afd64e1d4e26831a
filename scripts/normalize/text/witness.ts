/**
 * Who speaks in a statement or a testimony, as its title or a line under it names them:
 * "Testimony of Greg Nojeim before …", "Chris Calabrese’s Testimony Before …", "Statement of
 * Commissioner Michael O’Rielly", "Opening statement by Philippe Dufresne Privacy Commissioner
 * of Canada". The name comes without the honorific or office before it and the position after it.
 * Shared by the text readers and the PDF reader.
 */
import { personName } from './contacts.js';
import { organization } from './letterhead.js';
import { isAllCaps } from './title-case.js';

const LEAD = String.raw`(?:(?:opening|closing|prepared|written|oral)\s+)?(?:testimony|statement|remarks|address|written evidence)\s+(?:of|by|[–—])\s+`;

/** After a dash, a name needs its position after a comma ("Opening Statement – Jane Doe, Chairman"), or it is a topic. */
const DASHED = /^[^–—]*?\s[–—]\s+[^,]+,\s+(.+)$/;

const LEAD_AT = new RegExp(`^${LEAD}`, 'i');

/** "PREPARED STATEMENT OF", "Prepared Statement of:", "Testimony of" on a line of its own, over the name of who speaks. */
export const speakerLabel = /^\s*(?:(?:prepared|written|oral)\s+)?(?:statement|testimony)\s+of\s*:?\s*$/i;

/** A line or title that opens with who speaks: "Opening statement by …", "Testimony of …". */
export const SPEAKER_LINE = new RegExp(`^${LEAD}\\S`, 'i');

/** The honorific or office before a name ("Commissioner Michael O’Rielly", "Senator …"). */
const OFFICE_BEFORE =
  /^(?:(?:mr|ms|mrs|dr|prof|hon|the\s+honou?rable|commissioner|chair(?:man|woman)?|senator|sen|representative|rep|congress(?:man|woman)|secretary|ambassador|judge|justice|governor|gov|mayor|director|administrator)\.?\s+)+/i;

/** Words that start a position after the name ("… Privacy Commissioner of Canada", "… Executive Director"). */
const POSITION_AFTER =
  /^(?:privacy|information|data|chief|deputy|assistant|acting|executive|senior|general|vice|interim|policy|legal|managing|former|(?:\p{Lu}[\p{L}-]*\s+)?(?:commissioner|director|president|chair(?:man|woman|person)?|minister|secretary|counsel|officer|analyst|fellow|professor|manager|head|founder|ceo|attorney|senator|representative|ambassador|advis[eo]r|member|administrator))\b/iu;

/** The speaker a statement's or testimony's title or witness line names; undefined when it names no person. */
export function witnessName(text: string): string | undefined {
  const dashed = DASHED.exec(text.trim());
  if (LEAD_AT.exec(text.trim())?.[0].match(/[–—]/) && !(dashed && POSITION_AFTER.test(dashed[1]!))) return undefined;
  const found =
    new RegExp(`^${LEAD}(.+?)(?:\\s+(?:before|to|on|at|for)\\b|[,:–—]|$)`, 'i').exec(text.trim()) ??
    /^(.+?)[’']s?\s+(?:testimony|statement|remarks)\b/i.exec(text.trim());
  const words = (found?.[1] ?? '').trim().replace(OFFICE_BEFORE, '').split(/\s+/);
  // The name is the words before a position that follows it (at least two: "Philippe Dufresne").
  const end = words.findIndex((_, k) => k >= 2 && POSITION_AFTER.test(words.slice(k).join(' ')));
  const name = words.slice(0, end < 0 ? undefined : end).join(' ');
  // A nickname in parentheses is part of the name ("John D. (Jay) Rockefeller IV").
  const plain = name.replace(/\s+\(\p{Lu}[\p{L}'’.-]*\)(?=\s)/gu, '');
  return name && plain.split(/\s+/).length <= 5 && personName.test(plain) && !organization.looksLikeName(plain) && !/^the\b/i.test(name)
    ? name
    : undefined;
}

/**
 * A byline block on a report's cover or under an article's title: a person's name alone on its
 * line over the line naming their position ("Chris Jaikaran" / "Analyst in Cybersecurity
 * Policy", "Justin Brookman" / "Director, Privacy and Technology Policy"). The name, or undefined.
 */
export function bylineBlockName(lines: readonly string[]): string | undefined {
  const [name, position] = lines.map((l) => l.trim());
  if (lines.length !== 2 || !name || !position) return undefined;
  return name.split(/\s+/).length <= 4 &&
    !isAllCaps(name) &&
    personName.test(name) &&
    !organization.looksLikeName(name) &&
    !OFFICE_BEFORE.test(name) &&
    position.length <= 80 &&
    POSITION_AFTER.test(position) &&
    !/[.!?:;]$/.test(position)
    ? name
    : undefined;
}
