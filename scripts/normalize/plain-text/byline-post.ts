/**
 * A blog's article signed by its byline. Blogs and online publications sign an article with a
 * line under its title naming who wrote it and when ("Lawrence Lessig, December 16th, 2014",
 * "Justin Hendrix / Mar 2, 2023", "Defend the Defenders, November 7, 2019"); a press release is
 * dated by its dateline and carries its press office's furniture (a media contact, spokespeople
 * available for interview, "For immediate release", notes to editors), even where its site
 * prints a byline over it ("Big Brother Watch Team / October 19, 2023" over an offer of
 * spokespeople and a media line). A plain text with such a byline and none of that is a post.
 */
import type { Block } from '../text/blocks.js';
import { opensWithDateline } from './date.js';

/** A press office's furniture in a release's text. */
const pressFurniture =
  /\b(?:for immediate release|(?:media|press) (?:contacts?|line|office|enquiries|inquiries|team)|(?:spokes(?:person|people|man|woman)|experts?) (?:is |are )?available (?:for|to) (?:interviews?|comment)|available for (?:interviews?|comment)|notes? (?:to|for) editors|editors[’']? notes?)\b/i;

const textOf = (block: Block): string =>
  block.type === 'lines'
    ? block.texts.join(' ')
    : block.type === 'list'
      ? block.items.map((i) => i.text).join(' ')
      : 'text' in block
        ? block.text
        : '';

/** Does the text show a press release's dateline or furniture (its contacts found, or in its words)? */
export function showsPressRelease(blocks: readonly Block[], contactsFound: boolean): boolean {
  return contactsFound || opensWithDateline(blocks) || blocks.some((block) => pressFurniture.test(textOf(block)));
}
