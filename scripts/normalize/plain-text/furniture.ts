/**
 * Lines that are the page's, not the text's: a copied web page's furniture, the configured
 * organization's details, an end mark ("###"), and letterhead at the end of the text.
 */
import type { NormalizeOptions } from '../reader.js';
import { isBlank } from '../text/source-lines.js';
import {
  findWebFurniture,
  isButtonLine,
  isDocumentHostLine,
  isFormatOffer,
  isImageCredit,
  readingTimeLine,
} from '../text/web-furniture.js';
import { configuredMatcher, letterheadShape, organization } from '../text/letterhead.js';
import * as endMark from '../rules/end-mark.js';
import * as tableOfContents from '../rules/table-of-contents.js';
import type { Page } from './page.js';

/**
 * Web furniture (sign-up boxes, "Skip Navigation", "More Press Releases", a reading time, an
 * offer of the publication's formats); the organization's
 * details and end marks, anywhere. Returns how many lines of web furniture there were.
 */
export function removeFurniture(page: Page, org: NormalizeOptions['organization']): number {
  const web = findWebFurniture(page.lines);
  for (const i of web) page.remove(i, 'web-furniture');
  for (const i of tableOfContents.find(page.lines, page.removed)) if (!isBlank(page.lines[i])) page.remove(i, tableOfContents.id);
  const configured = configuredMatcher(org);
  page.lines.forEach((line, i) => {
    const id = !isBlank(line) ? configured(line.text) : undefined;
    const reading = !id && !isBlank(line) ? readingTimeLine(line.text) : undefined;
    if (id) page.remove(i, id);
    else if (
      (reading && !reading.before) ||
      (!isBlank(line) && (isFormatOffer(line.text) || isButtonLine(line.text) || isDocumentHostLine(line.text)))
    )
      page.remove(i, 'web-furniture');
    else if (!isBlank(line) && endMark.test(line.text)) page.remove(i, endMark.id);
    else if (!isBlank(line) && isImageCredit(line.text)) page.remove(i, 'image-credit');
  });
  // Navigation every page has ("Skip to main content") says nothing of what kind of page it is: only the site's boxes count.
  return [...web].filter((i) => !/^\s*skip\s+(?:to|navigation)\b/i.test(page.lines[i]!.text)).length;
}

/**
 * Trailing letterhead: final groups made only of letterhead-shaped lines, and the
 * organization's name right above them (below line `from`, the end of the top).
 */
export function removeTrailingLetterhead(page: Page, from: number): void {
  const { lines, removed } = page;
  let lastRemoved = -1;
  for (let i = lines.length - 1; i >= from; i--) {
    if (isBlank(lines[i]) || removed.has(i)) continue;
    const shape = letterheadShape(lines[i]!.text);
    if (!shape) {
      if (lastRemoved === i + 1 && organization.looksLikeName(lines[i]!.text) && isBlank(lines[i - 1])) page.remove(i, organization.id);
      break;
    }
    page.remove(i, shape);
    lastRemoved = i;
  }
}
