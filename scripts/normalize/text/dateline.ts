/**
 * A press release's dateline ("WASHINGTON, D.C. – January 15, 2020 – …", "Geneva 31.01.11 – …",
 * "Paris, 9 June 2015 – …", "WASHINGTON (Friday, November 14, 2014) – …"):
 * the date a text gives itself at the start of its first paragraph, as every reader finds it.
 */
import type { VFile } from 'vfile';
import { findDate, type FoundDate } from './dates.js';
import type { Block } from './blocks.js';
import { placeOf } from './source-lines.js';
import { reportGuess } from './guessed.js';

/**
 * The brief's date from a dateline at the start of its text, reported as a guessed date at the
 * paragraph it is in; `plain` gives a paragraph's words as the reader wrote them (the PDF reader
 * keeps links and spans as placeholders). Paragraphs of fewer than eight words (a kicker, a
 * byline, a one-line standfirst) are not where a dateline stands.
 */
export function guessDatelineDate(
  file: VFile,
  blocks: readonly Block[],
  plain: (text: string) => string = (text) => text,
): string | undefined {
  const paragraphs = blocks.filter(
    (b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph' && plain(b.text).split(/\s+/).length >= 8,
  );
  const found = datelineDate(paragraphs.map((b) => plain(b.text)));
  if (!found) return undefined;
  reportGuess(
    file,
    'date',
    found.date.iso,
    'the date of the dateline at the start of the text',
    placeOf(paragraphs[found.paragraph]!.line),
  );
  return found.date.iso;
}

/**
 * The dateline's date at the start of the first paragraph or of the one after it (under a
 * one-sentence standfirst), and which of `paragraphs` it is in; a date inside a sentence
 * ("… became operational on May 25th 2018") is what the text tells of, not its date.
 */
export function datelineDate(paragraphs: readonly string[]): { date: FoundDate; paragraph: number } | undefined {
  for (const [k, text] of paragraphs.slice(0, 2).entries()) {
    const found = findDate(text.slice(0, 120));
    const dashAfter = found && found.index <= 60 && /^\s*[–—-]{1,2}\s/.test(text.slice(found.index + found.text.length));
    if (found && (found.index === 0 || dashAfter || withoutDateline(text) !== text)) return { date: found, paragraph: k };
  }
  return undefined;
}

/** A press release's dateline ("WASHINGTON, D.C. – January 15, 2020 – ") has no place in a summary. */
export function withoutDateline(text: string): string {
  const found = findDate(text.slice(0, 100));
  if (!found) return text;
  const after = text.slice(found.index + found.text.length);
  // The date may stand in parentheses after the place: "WASHINGTON (Friday, November 14, 2014) – ".
  const dash = (found.text.startsWith('(') ? /^\)\s*[–—-]{1,2}\s*/ : /^\s*[–—-]{1,2}\s*/).exec(after);
  // The place before the date: "WASHINGTON, D.C.", "San Francisco, CA", "Brussels, Belgium (Reuters)",
  // two places of a joint release ("BOSTON, MA and WASHINGTON, DC").
  const place = text.slice(0, found.index).replace(/[\s–—-]*$/, '');
  const isPlace =
    place === '' ||
    // The publisher's web address in the place's stead: "http://www.w3.org/ —23 February 2012— ".
    /^(?:https?:\/\/)?(?:www\.)?[\w-]+(?:\.[\w-]+)+\/?$/i.test(place) ||
    // Capitalized words with a separator between each two (words that could also be read as
    // several adjacent ones made the test exponential in the length of the text before the date).
    (place.length <= 60 &&
      /^\p{Lu}[\p{L}.'’-]*(?:(?:\s+|,\s*|\s*\/\s*|,?\s+and\s+)\p{Lu}[\p{L}.'’-]*)*(?:\s+|,\s*|\s*\/\s*)?(?:\([^)]{1,30}\))?$/u.test(place));
  return dash && isPlace ? after.slice(dash[0].length) : text;
}
