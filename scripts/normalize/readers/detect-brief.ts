/**
 * Is a plain text the extraction of a letterhead one-pager? Near its top it has
 * letterhead lines (phone, fax, e-mail, web address, street address, the configured
 * organization's details, an organization's name in capitals, a genre label such as
 * "Issue Brief"), at least two of them.
 */
import type { SiteConfig } from '../../core/config.js';
import { configuredMatcher, letterheadKinds, organization as organizationRule } from '../text/letterhead.js';
import * as documentLabel from '../rules/document-label.js';

export function looksLikePdfBrief(text: string, organization?: SiteConfig['organization']): boolean {
  const top = text
    .split(/\r\n|\r|\n|\f/)
    .filter((line) => line.trim() !== '')
    .slice(0, 30);
  const kinds = new Set<string>();
  let hits = 0;
  const configuredAs = configuredMatcher(organization);
  for (const line of top) {
    const configured = configuredAs(line);
    const shapes = configured ? [configured] : letterheadKinds(line);
    if (!shapes.length && organizationRule.test(line)) shapes.push(organizationRule.id); // "CENTER FOR RURAL HEALTH POLICY"
    if (!shapes.length && documentLabel.test(line)) shapes.push(documentLabel.id); // "Issue Brief", "FACT SHEET"
    for (const id of shapes) {
      kinds.add(id);
      hits++;
    }
  }
  return hits >= 2 && kinds.size >= 1 && (kinds.size >= 2 || hits >= 3);
}
