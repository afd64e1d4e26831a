/**
 * Rule `document-label`: a line above the title that names the kind of document, not
 * its subject: "FOR IMMEDIATE RELEASE", "Fact Sheet", "Policy One-Pager No. 14",
 * "ISSUE BRIEF #3", "Embargoed until 10 a.m. EST". It is never the title; in a brief it
 * is removed from the body (the template prints the brief's own kind).
 *
 *   in:  Policy One-Pager No. 14
 *   out: (removed from the body)
 */
import { defineRule } from '../../core/rules.js';
export const { id, summary } = defineRule('document-label');

const kind = String.raw`(?:(?:policy|issue|research|legislative|legal|briefing|technical|discussion|working|position|white|background|data|information)\s+)?(?:brief|briefing|paper|one[- ]?pager|memo|memorandum|note|analysis|update|alert|backgrounder|fact\s*sheet|primer|explainer|q\s*&\s*a|faq)s?`;
const release = String.raw`(?:for\s+(?:immediate\s+)?release|(?:immediate|press|news|media)\s+(?:release|advisory|statement|alert)|(?:joint\s+)?statement|testimony|op-ed|(?:(?:advocacy|public|reply|written)\s+)?comments|embargoed\b.*|under\s+embargo\b.*)`;
const number = String.raw`(?:\s*[,:–—-]?\s*(?:no\.?|number|#|vol\.?|volume|issue|series)\s*[\w.-]+)*`;
const shape = new RegExp(String.raw`^(?:${kind}|${release})${number}(?:\s*[,:–—-]\s*(?:19|20)\d{2})?\s*[:.]?$`, 'i');

export function test(text: string): boolean {
  // A site's label set as a one-item list ("• Press Release", a US agency's page) is a label still.
  const t = text.trim().replace(/^[•▪◦‣*-]\s+/, '');
  return t.length <= 60 && shape.test(t);
}

/** A blog's section named above a post's title: "UPDATES" (EPIC), "Deeplinks Blog" (EFF), "Blog Posts" (D.C. Open Government Coalition), "Insights", "Opinion". */
const blogSection = /^(?:[\p{L}'’]+\s+){0,2}(?:blog(?:\s+posts)?|updates|insights|opinion|commentary)$/iu;

export function isBlogSection(text: string): boolean {
  const t = text.trim();
  return t.length <= 40 && blogSection.test(t);
}

/**
 * A site's section that holds briefs, not blog posts, named in a breadcrumb trail ("Home > News >
 * Press Releases > …", "Home > Reports > …") or as a label over a page's title ("Press Release").
 */
const briefSection =
  /^(?:(?:press|news|media)\s+(?:releases?|statements?|advisor(?:y|ies))|statements?|reports?|research\s+reports?|testimon(?:y|ies)|letters?|submissions?|consultation\s+responses?|policy\s+(?:papers?|briefs?|submissions?)|briefings?)$/i;

export function isBriefSection(text: string): boolean {
  return briefSection.test(text.trim());
}
