/**
 * An e-mailed text pasted with its mail header ("From: Consumer Federation of America" /
 * "Date: Thursday, January 17, 2019" / "Subject: …"): the header is the message's, not the
 * text's. Its date is the text's date; its subject names the text, and when a headline under
 * the header says it again, the headline is the title (the subject is not said twice).
 */
import { isBlank } from '../text/source-lines.js';
import { findDate, type FoundDate } from '../text/dates.js';
import type { Page } from './page.js';

/** A header field of a mail, as a mail client prints or forwards it. */
const field = /^\s*(from|to|cc|bcc|date|sent|subject|reply-to|organization)\s*:\s*(\S.*)$/i;

export interface MailHeader {
  /** The header's date ("Date:" or Outlook's "Sent:"). */
  date?: FoundDate;
  /** The line the date was on. */
  dateIndex: number;
  /** The subject, without "Re:" / "Fwd:". */
  subject?: string;
  /** The first line of the headline that says the subject again: the title. */
  headline?: number;
}

/**
 * The mail header at the top of a text (three fields or more, among them From and Subject,
 * each on its own line, before any other text), removed (rule `mail-header`); undefined when there is none.
 */
export function readMailHeader(page: Page): MailHeader | undefined {
  const { lines } = page;
  const start = lines.findIndex((line) => !isBlank(line));
  if (start < 0) return undefined;
  const fields: { name: string; value: string; index: number }[] = [];
  for (let i = start; i < lines.length; i++) {
    const m = field.exec(lines[i]!.text);
    if (!m) break;
    fields.push({ name: m[1]!.toLowerCase(), value: m[2]!.trim(), index: i });
  }
  const names = new Set(fields.map((f) => f.name));
  if (fields.length < 3 || !names.has('from') || !names.has('subject')) return undefined;
  const header: MailHeader = { dateIndex: -1 };
  for (const { name, value, index } of fields) {
    if ((name === 'date' || name === 'sent') && !header.date) {
      const date = findDate(value);
      if (date) [header.date, header.dateIndex] = [date, index];
    }
    if (name === 'subject') {
      // Without "Re:" / "Fwd:" and a mailing list's tag ("[FSF] …").
      header.subject = value.replace(/^(?:(?:re|fwd?|aw|wg)\s*:\s*|\[[^\]]{1,30}\]\s*)+/i, '').trim();
      // A subject no headline says again stays: it is the text's only title (a letter's subject line).
      const headline = saidAgain(page, fields.at(-1)!.index + 1, header.subject);
      if (headline === undefined) continue;
      header.headline = headline;
    }
    page.remove(index, 'mail-header');
  }
  return header;
}

const comparable = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Does a headline say a subject again: the same words, or (a subject in short, "Day Against DRM:
 * May 4" for "Day Against DRM: Tuesday, May 4th 2010") at least three words, four in five of
 * them the headline's, in its first words?
 */
function saysAgain(headline: string, subject: string): boolean {
  if (headline === subject) return true;
  const words = subject.split(' ');
  const said = new Set(headline.split(' '));
  return words.length >= 3 && headline.startsWith(words[0]!) && words.filter((w) => said.has(w)).length >= words.length * 0.8;
}

/** The first line of the group, among the first three from `from`, that says `subject` again (a headline, wrapped or not). */
function saidAgain({ lines }: Page, from: number, subject: string): number | undefined {
  const wanted = comparable(subject);
  let group: string[] = [];
  for (let i = from, groups = 0; i <= lines.length && groups < 3; i++) {
    if (i < lines.length && !isBlank(lines[i])) {
      group.push(lines[i]!.text);
      continue;
    }
    if (!group.length) continue;
    if (saysAgain(comparable(group.join(' ')), wanted)) return i - group.length;
    group = [];
    groups++;
  }
  return undefined;
}
