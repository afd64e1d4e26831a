/**
 * Letterhead in a PDF: the configured organization's details and end marks anywhere, and
 * above the title on its page the letterhead's shapes (address, contacts), document labels,
 * the organization's name and kickers or slogans: lines taken out of the body.
 */
import * as documentLabel from '../rules/document-label.js';
import * as endMark from '../rules/end-mark.js';
import { letterheadShape, organization, tagline, type ConfiguredMatcher } from '../text/letterhead.js';
import { isAllCaps } from '../text/title-case.js';
import type { PdfLine } from './layout-lines.js';
import type { RemovedLines } from './removed-lines.js';

export function removeLetterhead(
  lines: readonly PdfLine[],
  title: { indexes: ReadonlySet<number>; start: number; page: number },
  configured: ConfiguredMatcher,
  removed: RemovedLines,
): void {
  lines.forEach((line, i) => {
    if (removed.has(i) || title.indexes.has(i)) return;
    const id = configured(line.text) ?? (endMark.test(line.text) ? endMark.id : undefined);
    if (id) removed.remove(i, id);
    else if (i < title.start && line.page === title.page) {
      const shape = letterheadShape(line.text);
      if (shape) removed.remove(i, shape);
      else if (documentLabel.test(line.text)) removed.remove(i, documentLabel.id);
      else if (organization.test(line.text) || organization.looksLikeName(line.text)) removed.remove(i, organization.id);
      else if ((isAllCaps(line.text) && line.text.split(/\s+/).length <= 8) || tagline.hasSeparators(line.text))
        removed.remove(i, tagline.id); // a kicker, a slogan
    }
  });
}
