/** What a line's text and roles say, as several steps of the PDF reader ask it. */

/** Letters and digits only, lower case: two texts that differ only in case, spaces and punctuation are alike. */
export { squash } from '../text/squash.js';

/** The text ends a sentence (or a clause that stands alone: a colon, a semicolon). */
export const endsSentence = (text: string) => /[.!?:;]["”’)\]]*$/.test(text.trim());

/** A tagged PDF's heading roles (H, H1–H6). */
export const HEADING_ROLE = /^H[1-6]?$/;
