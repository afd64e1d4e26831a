/**
 * Rule `glued-blocks`: a page's text copied or saved without the line breaks between its
 * blocks, so that one block's end runs into the next one's start: a byline's date into the
 * first sentence ("Justin Hendrix / Mar 2, 2023The House …"), a photo's caption into the
 * dateline ("… manufacturing in America.WASHINGTON, D.C.—This is …"). A year glued to a
 * capitalized word, a sentence's full stop glued to a dateline in capitals, or a picture's text in
 * lower case glued to a paragraph's first word at the start of a line ("which oneThe Information
 * Commissioner’s Office has …") is such a seam: a line break goes there, and no character is lost.
 *
 *   in:  Justin Hendrix / Mar 2, 2023The House Energy and Commerce Subcommittee …
 *   out: Justin Hendrix / Mar 2, 2023
 *        The House Energy and Commerce Subcommittee …
 */
import { defineRule } from '../../core/rules.js';
export const { id, summary } = defineRule('glued-blocks');

const seam = new RegExp(
  [
    // A year, then a capitalized word of the next block ("2023The House").
    String.raw`(?<=\b(?:19|20)\d{2})(?=\p{Lu}\p{Ll}+\s)`,
    // A sentence's end, then a dateline's place in capitals and its dash ("America.WASHINGTON, D.C.—").
    String.raw`(?<=\p{Ll}{2}[.!?])(?=\p{Lu}{3,}(?:[\s,.]+\p{Lu}[\p{Lu}.]*){0,3}\s*(?:[–—]|--))`,
    // A picture's text in lower case at the start of a line, then a paragraph's first word ("which oneThe Information
    // Commissioner’s Office has …"): a few lower-case words (the first of three letters or more: no "iPhone"), then a capitalized word and a long sentence.
    String.raw`(?<=^\p{Ll}{3,}(?: \p{Ll}+){0,5})(?=\p{Lu}\p{Ll}+(?:\s+\S+){9})`,
  ].join('|'),
  'gmu',
);

/** The text with a line break at each seam, and where the seams were (offsets in the input). */
export function splitGluedBlocks(text: string): { text: string; offsets: number[] } {
  const offsets: number[] = [];
  const result = text.replace(seam, (_match: string, offset: number) => {
    offsets.push(offset);
    return '\n';
  });
  return { text: result, offsets };
}
