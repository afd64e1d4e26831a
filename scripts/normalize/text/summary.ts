/**
 * A summary for the front matter: the first real sentence of the body. Not a pull quote,
 * a byline or affiliation line, a heading, the title again, or a lead-in ending in a
 * colon; without the dateline in front of it ("WASHINGTON, DC – ", "San Francisco - ")
 * and without note markers ("safeguards2", "[12]", "[^12]").
 */
import { pictureCreditLabel } from './web-furniture.js';

/** Abbreviations that stand before what they name: titles and offices ("Sen.", "Mr."), "U.S.", "e.g.". */
const BEFORE_A_NAME =
  'mr|mrs|ms|messrs|dr|prof|st|sen|rep|gov|gen|sec|secy|amb|hon|rev|fr|pres|atty|adm|capt|col|lt|maj|sgt|supt|u\\.s|u\\.k|e\\.g|i\\.e|vs';
/** Abbreviations of a numbered part ("art. 42", "para. 3", "p. 85", "ch. 2", "cl. 4"). */
const NUMBERED_PART = 'arts?|paras?|pp?|secs?|ch|chap|cl|figs?|nos?|vols?|pts?|regs?|sch|ann|recital|recs?';
/** Abbreviations that end a name or a phrase ("Inc.", "Jr.", "etc."), months, "No." and "Vol.". */
const OTHER = 'jr|sr|inc|ltd|co|corp|etc|approx|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|no|vol';
const ending = (words: string) => new RegExp(String.raw`(?:^|[\s(])(?:${words})\.$`, 'iu');

/** An abbreviation or an initial: its full stop ends no sentence (a numbered part's only before its number). */
const abbreviation = new RegExp(String.raw`(?:^|[\s(])(?:\p{L}\.)*(?:${BEFORE_A_NAME}|${OTHER}|\p{Lu})\.$`, 'iu');

/** A numbered part's abbreviation: before a number it ends no sentence ("It ended. 42 came." does). */
const numberedPart = ending(NUMBERED_PART);

/**
 * Does a text end on the full stop of an abbreviation that stands before what it names ("… U.S.
 * Sen.", "… Mr.", "… art.")? Then the line goes on. One that ends a name ("Inc.", "Jr.",
 * "M.D.") may end a line of an address or a letterhead.
 */
const prefixAbbreviation = ending(`${BEFORE_A_NAME}|arts?|paras?|pp?|vol|ch|fig`);
export const endsWithAbbreviation = (text: string): boolean => prefixAbbreviation.test(text.trimEnd());

/** Markdown inline text → plain text (links to their text, escapes removed). */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\][]*)\]\([^()]*\)/g, '$1') // no nested brackets: each attempt stops at the next `[`
    .replace(/<((?:https?:\/\/|mailto:)[^>]+)>/g, (_, url: string) => url.replace(/^mailto:/, ''))
    .replace(/\\([\\`*_{}[\]()#+\-.!<>~|&])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Split plain text into sentences, not at abbreviations or initials. */
export function sentences(text: string): string[] {
  const result: string[] = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?]["”’)]?\s+(?=["“‘(]?[\p{Lu}\p{N}])/gu)) {
    const end = match.index + match[0].trimEnd().length;
    if (abbreviation.test(text.slice(start, match.index + 1))) continue;
    if (numberedPart.test(text.slice(start, match.index + 1)) && /^\p{N}/u.test(text.slice(match.index + match[0].length))) continue;
    result.push(text.slice(start, end).trim());
    start = match.index + match[0].length;
  }
  if (start < text.length) result.push(text.slice(start).trim());
  return result.filter(Boolean);
}

/**
 * Note markers: "[12]", "[^12]", digits glued to the end of a lower-case word ("safeguards2."),
 * and digits after the quotation mark or parenthesis that closes one ("(“FTC” or
 * “Commission”).1 I appreciate", "Afghanistan.”2").
 */
const markers = /\s?\[\^?\d{1,3}\]|(?<=\p{Ll}{3}[.,;:!?”’"]?|\p{Ll}[.,;:!?]?[”’"')\]]{1,2}[.,;:!?]?)\d{1,3}(?=[\s.,;:!?”’")]|$)/gu;

/**
 * A dateline at the start of a press release's first paragraph: a place in capitals
 * ("WASHINGTON, DC", "San Francisco", "LEAVENWORTH, KS", "Global") and a dash.
 */
const placeDash =
  /^(?:\p{Lu}[\p{L}.'’]*\.?(?:,?\s+(?:\p{Lu}[\p{L}.'’]*\.?|D\.C\.))*,?)\s*(?:\([^)]{1,30}\)\s*)?(?:[–—]{1,2}|-{1,2})\s*(?=[\p{Lu}“"‘'(\p{N}])/u;

/** Does a text open with a dateline whose place is in capitals ("WASHINGTON, D.C. — U.S. Sen. …")? */
export function opensWithCapitalsDateline(text: string): boolean {
  const found = placeDash.exec(text.trim());
  if (!found) return false;
  const place = found[0].replace(/\([^)]*\)/, '').replace(/[\s–—-]+$/, '');
  // The text after it is running text, in ordinary case ("U.S. Sen."), never more capitals ("HERE’S OUR").
  const rest = text.trim().slice(found[0].length);
  return /\p{Lu}{3}/u.test(place) && place === place.toUpperCase() && /\p{Ll}/u.test(rest) && withoutPlaceDash(text.trim()) !== text.trim();
}

/**
 * A dateline in capitals whose dash the page lost, glued to the first word of the sentence
 * ("WASHINGTONThe Leadership Conference …", the dash set apart in the page's markup): a
 * capitals place of four letters or more, then a function word that opens sentences (never
 * a place of two words read apart, "SANTA MONICA, CA —" as "SANT" glued to "A MONICA").
 */
const gluedPlace =
  /^\p{Lu}{4,}(?:,\s*\p{Lu}[\p{Lu}.]+)*(?=(?:The|A|An|This|These|Today|Yesterday|Last|On|In|At|As|After|Before|For|With|Following|We|Our)\s(?!\p{Lu}+,))/u;

export function withoutPlaceDash(text: string): string {
  const glued = gluedPlace.exec(text);
  if (glued) return text.slice(glued[0].length);
  const found = placeDash.exec(text);
  if (!found) return text;
  const place = found[0].replace(/[\s–—-]+$/, '');
  // At most four words, and a dash with space around it unless the place is in capitals ("NEW YORK-The").
  const spaced = /\s[–—-]{1,2}\s*$|[–—]{1,2}\s*$/.test(found[0]) || /\s[–—-]/.test(found[0]);
  const caps = place === place.toUpperCase();
  return place.split(/\s+/).length <= 4 && (spaced || caps) ? text.slice(found[0].length) : text;
}

const editorialNote = /^(?:update[ds]?|editor['’]?s\s+note|correction|clarification)\b[^:.!?]{0,40}:/i;

/**
 * A picture's credit, as a caption ends in it: the work's name and its author with its licence
 * ("“Spock Monroe” by Ludovic Bertron, freely licensed under CC-by-2.0."), or a label
 * ("Photo: …", "Photograph by …", "Image courtesy of …").
 */
const pictureCredit = new RegExp(
  String.raw`^(?:${pictureCreditLabel})|^["“][^"”]{1,80}["”],?\s+by\s+\p{Lu}[^.!?]{0,80}\b(?:licen[cs]ed|CC[- ]?BY|CC0|public\s+domain|via\s+(?:flickr|wikimedia))`,
  'iu',
);

/** Does a paragraph end in a picture's credit (it is the picture's caption)? */
export const endsInPictureCredit = (text: string): boolean => pictureCredit.test(sentences(plainText(text)).at(-1) ?? '');

/** Is this paragraph running text a summary can come from? */
export function isSummaryText(text: string, title = ''): boolean {
  const plain = plainText(text).replace(markers, '');
  const words = plain.split(/\s+/).length;
  if (words < 8 || !/[.!?]["”’)\]]*$/.test(plain)) return false;
  // An editor's note added to the page later ("UPDATE: Since this letter was sent, …", "Editor's note (May 3): …").
  if (editorialNote.test(plain)) return false;
  // A picture's caption, closed by its credit ("… “Spock Monroe” by Ludovic Bertron, freely licensed under CC-by-2.0.").
  if (endsInPictureCredit(plain)) return false;
  // A pull quote: the paragraph is a quotation and nothing else, or a short label and one
  // ("State of Play: “The debate … is over.”").
  const quote = plain.replace(/^\p{Lu}[^:“"]{0,30}:\s+(?=["“])/u, '');
  if (/^["“‘']/.test(quote) && /["”’']$/.test(quote.replace(/[.!?]+$/, '')) && !/["”’'][^"”’']*\s\p{Ll}+\s/u.test(quote.slice(1, -2)))
    return false;
  const simplified = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return !(title && simplified(plain).startsWith(simplified(title)) && words <= title.split(/\s+/).length + 3);
}

/** The longest sentence a summary keeps whole; a longer one is cut at a word near `CUT`. */
const LONGEST = 520;
const CUT = 500;

/**
 * A lead-in ending in a colon and the quotation it leads in to, read as one sentence ("… issued
 * the following statement …: “While there was …, it is incumbent upon Congress … to codify
 * reforms to FISA Section 702."): two sentences of two speakers, each held to the limit.
 */
const ledInQuotation = /^([^“”"]+:)\s+([“"][^]*)$/u;

/** The first sentence (about 500 characters at most), without a leading dateline or note markers. */
/** A numbered paragraph's number ("1.1. The purpose of this report …", "2.3 We …"): no word of its sentence. */
const paragraphNumber = /^\d{1,2}(?:\.\d{1,2})+\.?\s+(?=\p{Lu})/u;

export function summarize(paragraph: string): string | undefined {
  const [first] = sentences(withoutPlaceDash(plainText(paragraph).replace(markers, '').replace(paragraphNumber, '')));
  if (!first) return undefined;
  if (first.length <= LONGEST) return first;
  const parts = ledInQuotation.exec(first);
  if (parts && parts[1]!.length <= LONGEST && parts[2]!.length <= LONGEST) return first;
  return `${first.slice(0, CUT).replace(/\s+\S*$/, '')}…`;
}
