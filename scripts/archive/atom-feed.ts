/**
 * The Atom feed `feed.xml` (RFC 4287): one entry per brief, newest first, with the full
 * body and the PDF as an enclosure, rendered from `templates/site/feed.njk` (escaped by
 * Nunjucks). With `site.url` every link and id is absolute; without it links are relative
 * to the feed (valid Atom) and ids are `urn:` names. Dates come from the briefs only,
 * never the clock, so rebuilding gives the same bytes.
 */
import type nunjucks from 'nunjucks';
import type { BuildConfig } from '../config.js';
import type { ArchiveBrief } from '../types.js';
import { paths, siteUrls } from './site-urls.js';

const atomDate = (iso: string) => `${iso}T00:00:00Z`;

/** `briefs` in archive order. */
export function atomFeed(briefs: ArchiveBrief[], config: BuildConfig, siteTitle: string, env: nunjucks.Environment): string {
  const urls = siteUrls(paths.feed, config);
  const link = (target: string) => urls.absolute(target) ?? urls.href(target);
  const newest = briefs.find((b) => b.date)?.date ?? '1970-01-01';
  const org = config.organization;
  const feed = {
    id: urls.absolute(paths.feed) ?? `urn:briefpress:feed:${encodeURIComponent(siteTitle)}`,
    title: siteTitle,
    subtitle: config.site.description,
    language: config.site.language,
    updated: atomDate(newest),
    self: link(paths.feed),
    home: urls.absolute(paths.home) ?? urls.href(paths.home),
    org,
  };
  const entries = briefs.map((b) => ({
    id: urls.absolute(b.html) ?? `urn:briefpress:brief:${b.slug}`,
    title: b.title,
    link: link(b.html),
    pdf: link(b.pdf),
    pdfBytes: b.pdf_bytes,
    date: atomDate(b.date ?? newest),
    authors: b.authors.length ? b.authors : [{ name: org.name, url: org.url }],
    tags: b.tags,
    summary: b.summary,
    body: b.body,
  }));
  return env.render('site/feed.njk', { feed, entries });
}
