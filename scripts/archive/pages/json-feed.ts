/**
 * `feed.json`, a JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the same briefs as
 * `feed.xml`: the newest `site.feed_entries` (every brief when 0), each with its full body,
 * summary, dates, authors, topics and the PDF as an attachment. Addresses are the public
 * ones (public-url.ts) with `site.url`, else relative to the feed, as in the Atom feed.
 * Dates come from the briefs, never the clock. Bodies are read one at a time, and only those
 * the last feed.json does not hold already: each item names its body's hash in a
 * `_briefpress` extension (JSON Feed's way to add fields), so an edit reads one body.
 */
import { readFileSync } from 'node:fs';
import type { BuildConfig } from '../../core/config.js';
import { shortHash } from '../../core/short-hash.js';
import { safeWebUrl } from '../../core/url-policy.js';
import type { SiteBrief } from '../model/site-model.js';
import { paths, siteUrls } from '../model/site-urls.js';

export const JSON_FEED = 'feed.json';

const rfc3339 = (iso: string) => `${iso}T00:00:00Z`;

export interface PlannedJsonFeed {
  key: string;
  /** `previous`: the last feed.json, to take unchanged bodies from. */
  render(body: (i: number) => Promise<string>, previous?: string): Promise<string>;
}

export function planJsonFeed(
  archive: SiteBrief[],
  digest: Map<string, string>,
  config: BuildConfig,
  siteTitle: string,
  salt: string,
): PlannedJsonFeed {
  const limit = config.site.feed_entries;
  const briefs = limit > 0 ? archive.slice(0, limit) : archive;
  const urls = siteUrls(JSON_FEED, config);
  const link = (target: string) => urls.absolute(target) ?? urls.href(target);
  const org = config.organization;
  const orgUrl = safeWebUrl(org.url);
  const person = (a: { name: string; url?: string }) => {
    const url = safeWebUrl(a.url);
    return { name: a.name, ...(url ? { url } : {}) };
  };
  const head = {
    version: 'https://jsonfeed.org/version/1.1',
    title: siteTitle,
    ...(urls.absolute(paths.home) ? { home_page_url: urls.absolute(paths.home) } : {}),
    ...(urls.absolute(JSON_FEED) ? { feed_url: urls.absolute(JSON_FEED) } : {}),
    ...(config.site.description ? { description: config.site.description } : {}),
    language: config.site.language,
    authors: [{ name: org.name, ...(orgUrl ? { url: orgUrl } : {}) }],
  };
  const key = shortHash(JSON.stringify([salt, JSON_FEED, head, briefs.map((b) => [digest.get(b.slug), b.bodyHash])]));
  return {
    key,
    async render(body, previous) {
      const held = heldBodies(previous);
      const items = [];
      for (const [i, b] of briefs.entries()) {
        items.push({
          id: urls.absolute(b.html) ?? `urn:briefpress:brief:${b.slug}`,
          url: link(b.html),
          title: b.title,
          content_html: held.get(b.bodyHash) ?? (await body(i)),
          ...(b.summary ? { summary: b.summary } : {}),
          ...(b.date ? { date_published: rfc3339(b.date) } : {}),
          ...(b.updated ? { date_modified: rfc3339(b.updated) } : {}),
          authors: (b.authors.length ? b.authors : [org]).map(person),
          ...(b.tags.length ? { tags: b.tags } : {}),
          attachments: [{ url: link(b.pdf), mime_type: 'application/pdf', title: 'PDF', size_in_bytes: b.pdf_bytes }],
          _briefpress: { body: b.bodyHash },
        });
      }
      return `${JSON.stringify({ ...head, items }, null, 2)}\n`;
    },
  };
}

/** The bodies the last feed.json holds, by hash; none when it is missing or not ours. */
function heldBodies(file: string | undefined): Map<string, string> {
  const held = new Map<string, string>();
  if (!file) return held;
  try {
    const feed = JSON.parse(readFileSync(file, 'utf8')) as { items?: { content_html?: unknown; _briefpress?: { body?: unknown } }[] };
    for (const item of feed.items ?? []) {
      const hash = item._briefpress?.body;
      if (typeof hash === 'string' && typeof item.content_html === 'string') held.set(hash, item.content_html);
    }
  } catch {
    // No last feed, or one made otherwise: every body is read.
  }
  return held;
}
