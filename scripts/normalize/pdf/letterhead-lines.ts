/**
 * Letterhead in a PDF: the configured organization's details and end marks anywhere, and
 * above the title on its page the letterhead's shapes (address, contacts), document labels,
 * the organization's name (known by its shape, or a name the body uses: "Fight for the Future
 * launched …") and kickers or slogans: lines taken out of the body.
 */
import * as documentLabel from '../rules/document-label.js';
import * as endMark from '../rules/end-mark.js';
import { letterheadShape, organization, tagline, type ConfiguredMatcher } from '../text/letterhead.js';
import { isAllCaps } from '../text/title-case.js';
import { contactsIn } from '../text/contacts.js';
import { SPEAKER_LINE } from '../text/witness.js';
import type { PdfLine } from './layout-lines.js';
import type { RemovedLines } from './removed-lines.js';

export function removeLetterhead(
  lines: readonly PdfLine[],
  title: { indexes: ReadonlySet<number>; start: number; page: number },
  configured: ConfiguredMatcher,
  removed: RemovedLines,
): void {
  const after = lines
    .slice(title.start + title.indexes.size)
    .map((l) => l.text)
    .join(' ');
  // Letterhead heads the page: after a line above the title that is none of it (the inside address of a letter
  // whose subject line is its title), an address is the addressee's.
  let headed = false;
  lines.forEach((line, i) => {
    if (removed.has(i) || title.indexes.has(i)) return;
    const id = configured(line.text) ?? (endMark.test(line.text) ? endMark.id : undefined);
    if (id) removed.remove(i, id);
    else if (i < title.start && line.page === title.page && !headed) {
      const shape = letterheadShape(line.text);
      if (shape) removed.remove(i, shape);
      else if (documentLabel.test(line.text)) removed.remove(i, documentLabel.id);
      else if (organization.test(line.text) || organization.looksLikeName(line.text) || namedInBody(line.text, after))
        removed.remove(i, organization.id);
      else if ((isAllCaps(line.text) && line.text.split(/\s+/).length <= 8) || tagline.hasSeparators(line.text))
        removed.remove(i, tagline.id); // a kicker, a slogan
      else if (!dateOnly(line.text)) headed = true;
    }
  });
}

/**
 * What is left above a title set in larger type on its page, once the letterhead, labels, dates and
 * byline are read: the page's head (a site's name and links, "‹ Back", a topic kicker, a stamp such
 * as "Received through the CRS Web", the letterhead's second language). Larger type says where the
 * text begins; running text (a sentence of eight words or more), contact lines and a hearing's
 * header above it stay.
 */
export function removePageHead(
  lines: readonly PdfLine[],
  title: { indexes: ReadonlySet<number>; start: number; page: number },
  removed: RemovedLines,
): void {
  lines.forEach((line, i) => {
    if (i >= title.start || line.page !== title.page || removed.has(i) || title.indexes.has(i) || line.artifact) return;
    const text = line.text.trim();
    const running = text.split(/\s+/).length >= 8 && /[.!?]["”’)]?$/.test(text);
    if (!running && !dateOnly(text) && !hearingLine(text) && !contactsIn(text).length && !/@|\+?\d[\d ().-]{7,}\d/.test(text))
      removed.remove(i, 'page-head');
  });
}

/** A hearing header's line: who speaks, before whom, at which hearing. It stays, as the text readers keep it. */
const hearingLine = (text: string) =>
  SPEAKER_LINE.test(text) || /^(?:before\s+(?:the\s+)?|(?:a\s+|joint\s+)?hearing\b|(?:sub)?committee\s+on\b)/i.test(text);

/** A short name in capitalized words ("Fight for the Future") that the text after the title uses as it is. */
function namedInBody(text: string, body: string): boolean {
  const name = text.trim();
  const words = name.split(/\s+/);
  return (
    words.length >= 2 &&
    words.length <= 6 &&
    /^\p{Lu}/u.test(name) &&
    words.every((w) => /^(?:\p{Lu}[\p{L}'’&.-]*|of|for|the|and|on|in|to)$/u.test(w)) &&
    body.includes(name)
  );
}

/** A date line alone ("March 28, 2019"), which may stand between letterhead lines. */
const dateOnly = (text: string) => /^\s*(?:\d{1,2}\s+)?\p{L}+\.?\s+(?:\d{1,2},?\s+)?\d{4}\s*$/u.test(text);
