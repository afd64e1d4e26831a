/**
 * Rule `site-section`: the name of the site's section on a line of its own right above a
 * saved page's title ("Posts", "News", "Press Releases"): the site's navigation, as a
 * breadcrumb of one step, no text of the page. It is removed from the body; what kind of
 * text the page is, is decided elsewhere (a blog's section, "Blog Posts", makes it a post).
 *
 *   in:  Posts
 *        Groups call on TTB for alcohol labeling – National Consumers League
 *   out: (removed from the body)
 */
import { defineRule } from '../../core/rules.js';
import { isBlogSection, isBriefSection } from './document-label.js';
export const { id, summary } = defineRule('site-section');

/** The names sites give the sections that list their pages. */
const sectionName =
  /^(?:(?:all\s+|latest\s+|recent\s+)?(?:posts|articles|stories|news(?:\s+(?:&|and)\s+(?:events|updates|media))?|newsroom|media(?:\s+(?:centre|center|room))?|press(?:\s+room)?|in\s+the\s+news|latest|resources|publications))$/i;

export function test(text: string): boolean {
  const t = text.trim();
  return t.length <= 40 && !isBlogSection(t) && (sectionName.test(t) || isBriefSection(t));
}
