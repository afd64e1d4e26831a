/**
 * A hearing testimony's cover block, as a Word document sets it, one field a line: who speaks
 * ("Statement of" / "Justin Brookman", or "Testimony of David J. Redl"), the witness's position
 * and organization, before whom ("Before the" / the committee), on what ("On" / the topic, or
 * "On Reauthorization of NTIA") and the date. Read from the lines' texts alone, so that the
 * text readers and the PDF reader find it alike.
 */
import { personName } from './contacts.js';

/** "Statement of", "Prepared Testimony of Jane Doe", "Written Statement of". */
const speaker = /^\s*(?:(?:prepared|written|oral)\s+)?(?:statement|testimony|remarks)\s+(?:of|by)\b\s*(.*)$/i;
/** The field that names the topic: "On", "On Reauthorization of NTIA", "Regarding …", "Hearing on …". */
const topicField = /^\s*(?:on|regarding|concerning|(?:(?:a|public)\s+)?hearing\s+(?:on|entitled))\b\s*(.*)$/i;
/** A line naming the committee without "Before the" ("Council of the District of Columbia Committee on Government"). */
const committeeLine = /\b(?:sub)?committee\b/i;
/** The field that names the committee: "Before the", "Before the Subcommittee on …". */
const beforeField = /^\s*before\b/i;
/** Where the topic ends: another field, or a line naming the house or the date. */
const fieldEnd = /^\s*(?:before|on|at|to|submitted|delivered|presented|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)/i;

export interface CoverFields {
  /** The topic's lines: `from` (inclusive) to `end` (exclusive); the topic is the title. */
  from: number;
  end: number;
  /** The field's line ("On", or "On Reauthorization of NTIA"). */
  field: number;
  /** The topic's words on the field's own line ("Reauthorization of NTIA"), if any. */
  inline: string;
  /** The witness's name without the position, and the line it is on. */
  witness?: { name: string; index: number };
  /** A second witness, on the next line after "…, and" ("Natasha Duarte, Senior Policy Analyst, and" / "Tinuola Dada, …"). */
  second?: { name: string; index: number };
}

/** The cover's fields among `texts` (a block's lines, one field a line), when they open with who speaks and name a committee and a topic. */
export function coverFields(texts: readonly string[]): CoverFields | undefined {
  const opener = speaker.exec(texts[0] ?? '');
  if (!opener || texts.length < 4) return undefined;
  const field = texts.findIndex((t, n) => n > 0 && topicField.test(t));
  if (field < 0) return undefined;
  // Before whom: "Before the" …, or a committee's name on a line of its own above a "Public Hearing on" line.
  const before =
    texts.some((t) => beforeField.test(t)) || (/hearing/i.test(texts[field]!) && texts.slice(1, field).some((t) => committeeLine.test(t)));
  if (!before) return undefined;
  const inline = topicField.exec(texts[field]!)![1]!.trim();
  let end = field + 1;
  while (end < texts.length && !fieldEnd.test(texts[end]!)) end++;
  const from = inline ? field : field + 1;
  if (from >= end) return undefined;
  const fields: CoverFields = { from, end, field, inline };
  // The witness: the rest of the opening line, else the next line ("Statement of" / "Justin Brookman").
  const named = opener[1]!.trim() ? { text: opener[1]!.trim(), index: 0 } : { text: texts[1]!, index: 1 };
  const name = named.text.replace(/,.*$/, '').trim();
  const isName = (text: string) => personName.test(text) && text.split(/\s+/).length <= 5;
  if (isName(name)) fields.witness = { name, index: named.index };
  const next = /[,\s]and$/i.test(named.text) && named.index + 1 < from ? texts[named.index + 1]!.replace(/,.*$/, '').trim() : '';
  if (fields.witness && isName(next)) fields.second = { name: next, index: named.index + 1 };
  return fields;
}

/** The topic line's text without the field's word ("On Reauthorization of NTIA" → "Reauthorization of NTIA"). */
export const withoutFieldWord = (text: string) =>
  text.replace(/^(\s*)(?:(?:(?:a|public)\s+)?hearing\s+(?:on|entitled)|\S+(?:\s+(?:on|entitled))?)\s+/i, '$1');
