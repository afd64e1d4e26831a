/**
 * The lines above the title: a blog's section (the text is a post), genre labels, the
 * organization's name and its slogan, kept whole when they are a hearing's header.
 */
import type { SourceLine } from '../text/source-lines.js';
import { organization, tagline } from '../text/letterhead.js';
import { isAllCaps } from '../text/title-case.js';
import * as documentLabel from '../rules/document-label.js';
import * as siteSection from '../rules/site-section.js';
import { aboveSalutation, hearingLine, placeLine } from './letter-lines.js';
import { isFurnitureLine } from '../text/web-furniture.js';
import type { Candidate } from './candidates.js';
import { isSectionHeading } from './choose-title.js';
import type { Page } from './page.js';

/** The blog's section over the title ("UPDATES", "Deeplinks Blog"), when there is one: the text is a post. */
export function blogSection(candidates: readonly Candidate[], titleAt: number): SourceLine | undefined {
  return candidates
    .slice(0, Math.max(0, titleAt))
    .flatMap((c) => c.lines)
    .find((l) => documentLabel.isBlogSection(l.text));
}

/** Remove the genre label under the title, and the labels, names and slogans above it. */
export function removeAboveTitle(page: Page, candidates: readonly Candidate[], titleAt: number, mode: 'brief' | 'generic'): void {
  candidates.forEach((candidate, k) => {
    // A genre label between the title and the text ("For immediate release" under the date) is no heading,
    // nor when it heads a group of lines ("Press Release" over the issuer's name and the headline said again).
    if (k > titleAt && documentLabel.test(candidate.lines[0]!.text)) {
      page.remove(candidate.indexes[0]!, documentLabel.id);
      if (candidate.lines.length === 1) return;
    }
    // A theme's byline with no name, only the post's category ("By | Press Release").
    const only = candidate.lines.length === 1 ? candidate.lines[0]!.text.trim() : '';
    if (
      k > titleAt &&
      /^by\s*[|/·•]\s*/i.test(only) &&
      only
        .split(/\s*[|/·•]\s*/)
        .slice(1)
        .every((f) => documentLabel.test(f) || documentLabel.isBriefSection(f) || documentLabel.isBlogSection(f))
    ) {
      page.remove(candidate.indexes[0]!, documentLabel.id);
      return;
    }
    // The last line of the top, under the title: a dateline's place over the date line ("Abuja, Nigeria").
    if (k > titleAt && k === candidates.length - 1 && placeLine.test(only)) {
      page.remove(candidate.indexes[0]!, 'date-line');
      return;
    }
    if (k >= titleAt) return;
    // The site's section named alone right above the title ("Posts", "Press Releases"): its navigation.
    if (k === titleAt - 1 && candidate.lines.length === 1 && siteSection.test(candidate.lines[0]!.text)) {
      page.remove(candidate.indexes[0]!, siteSection.id);
      return;
    }
    // Whom a letter is to, right above its "Dear …": the letter's text, not its letterhead.
    if (aboveSalutation(page.lines, candidate.indexes.at(-1)!)) return;
    const joined = candidate.lines.map((l) => l.text).join(' ');
    const isName = candidate.lines.some((l) => organization.test(l.text)) || organization.looksLikeName(joined);
    if (isName || isAllCaps(joined)) {
      const id = isName ? organization.id : tagline.id;
      candidate.indexes.forEach((index) =>
        page.remove(index, id, documentLabel.test(page.lines[index]!.text) ? documentLabel.id : undefined),
      );
      return;
    }
    // Line by line: a genre label; in a brief, an organization's name and the slogan under it
    // (a hearing's header stays whole: who testified, before whom, on what).
    let named = candidate.belowName === true;
    const hearing = candidate.lines.some((l) => hearingLine.test(l.text));
    candidate.lines.forEach((line, n) => {
      const index = candidate.indexes[n]!;
      if (documentLabel.test(line.text)) page.remove(index, documentLabel.id);
      // A button's words above the title ("View Original", "Share"): the page's.
      else if (isFurnitureLine(line.text)) page.remove(index, 'web-furniture');
      else if (hearing) return;
      else if (mode === 'brief' && organization.looksLikeName(line.text)) {
        page.remove(index, organization.id);
        named = true;
      } else if (mode === 'brief' && named && !/[.!?]$/.test(line.text.trim()) && line.text.trim().split(/\s+/).length <= 12)
        page.remove(index, tagline.id);
    });
  });
}

/**
 * A page's links to its neighbours, as a saved page's text keeps them: the title between two
 * short lines, each alone, that the text never names ("Privacy Shield" / the title / "Police
 * hacking": the previous and next dossiers). They are the site's, removed as web furniture.
 */
export function removeNeighbourLinks(page: Page, candidates: readonly Candidate[], titleAt: number): void {
  const [before, after] = [candidates[titleAt - 1], candidates[titleAt + 1]];
  if (!before || !after || titleAt - 1 !== 0) return;
  const body = page.lines
    .filter((_, i) => !page.removed.has(i))
    .map((l) => l.text)
    .join(' ')
    .toLowerCase()
    .replace(/\s+/g, ' ');
  const titleText = candidates[titleAt]!.lines.map((l) => l.text.trim())
    .join(' ')
    .toLowerCase();
  const isLink = (candidate: Candidate) => {
    const text = candidate.lines[0]!.text.trim();
    return (
      candidate.lines.length === 1 &&
      text.split(/\s+/).length <= 4 &&
      /^\p{Lu}/u.test(text) &&
      !/[.!?:;,]$/.test(text) &&
      !documentLabel.test(text) &&
      // A document's first section ("Introduction", "Summary") under the title: its heading, no link.
      !isSectionHeading([text]) &&
      // A breadcrumb ("Home / Lawful Access") says the title; a link to another page does not.
      !text.toLowerCase().includes(titleText) &&
      body.split(text.toLowerCase()).length === 2 // said once: on its own line
    );
  };
  if (!isLink(before) || !isLink(after)) return;
  for (const candidate of [before, after]) page.remove(candidate.indexes[0]!, 'web-furniture');
}
