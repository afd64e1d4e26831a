/**
 * The metadata a printed brief shows: a title, a date, and who it is from (its authors,
 * or the organization whose letterhead it carries).
 *
 * - `missing-title` (error), `missing-date` (error), `missing-author` (error).
 * - `post-without-author` (warning): a blog post usually has a byline; it is credited to the organization.
 */
import type { VFile } from 'vfile';
import { report as reportRule, type RuleId } from '../core/rules.js';
import type { SiteConfig } from '../core/config.js';
import type { NormalizedBrief } from '../core/types.js';

export function checkMetadata(brief: NormalizedBrief, organization: SiteConfig['organization'], file: VFile = brief.file): void {
  const { data } = brief;
  const report = (reason: string, ruleId: RuleId, fatal: boolean) => {
    reportRule(file, ruleId, reason, { place: { line: 1, column: 1 }, severity: fatal ? 'error' : 'warning' });
  };
  if (!data.title?.trim()) report('no title: add `title:` to the front matter', 'missing-title', true);
  if (!data.date) report('no date: a printed brief shows its date; add `date: YYYY-MM-DD` to the front matter', 'missing-date', true);
  const authors = (data.authors ?? []).filter((a) => a.name.trim());
  if (authors.length === 0 && !organization.name.trim()) {
    report('no authors and no organization in briefpress.config.yaml: nobody to credit', 'missing-author', true);
  } else if (authors.length === 0 && data.kind === 'post') {
    report(`a post without authors is credited to ${organization.name}; add \`authors:\` if it has a byline`, 'post-without-author', false);
  }
}
