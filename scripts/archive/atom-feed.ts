/**
 * The Atom feed `feed.xml`: one entry per brief, newest first, with the full body.
 * Dates come from the briefs only (never the clock), so rebuilding gives the same bytes.
 */
import { Feed } from 'feed';
import type { BuildConfig } from '../config.js';
import type { ArchiveBrief } from '../types.js';
import { paths, siteUrls } from './site-urls.js';

function toDate(iso: string | undefined, fallback: Date): Date {
  return iso ? new Date(`${iso}T00:00:00Z`) : fallback;
}

/** `briefs` in archive order. */
export function atomFeed(briefs: ArchiveBrief[], config: BuildConfig, siteTitle: string): string {
  const urls = siteUrls(paths.feed, config);
  const link = (target: string) => urls.absolute(target) ?? urls.href(target);
  const newest = toDate(briefs.find((b) => b.date)?.date, new Date(0));
  const org = config.organization;
  const feed = new Feed({
    id: urls.absolute(paths.feed) ?? `urn:briefpress:feed:${encodeURIComponent(siteTitle)}`,
    title: siteTitle,
    description: config.site.description,
    link: link(paths.home),
    language: config.site.language,
    updated: newest,
    generator: 'briefpress',
    feedLinks: { atom: link(paths.feed) },
    author: { name: org.name, link: org.url, email: org.email },
    copyright: `© ${org.name}`,
  });
  for (const brief of briefs) {
    const date = toDate(brief.date, newest);
    feed.addItem({
      title: brief.title,
      id: urls.absolute(brief.html) ?? `urn:briefpress:brief:${brief.slug}`,
      link: link(brief.html),
      date,
      published: date,
      description: brief.summary,
      content: brief.body,
      author: (brief.authors.length ? brief.authors : [{ name: org.name, url: org.url }]).map((a) => ({ name: a.name, link: a.url })),
      category: brief.tags.map((tag) => ({ name: tag, term: tag })),
      enclosure: { url: link(brief.pdf), type: 'application/pdf', length: brief.pdf_bytes, title: `${brief.title} (PDF)` },
    });
  }
  return feed.atom1();
}
