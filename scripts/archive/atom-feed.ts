/**
 * The Atom feed `feed.xml` (RFC 4287): one entry per brief, newest first, with the full
 * body and the PDF as an enclosure, rendered from `templates/site/feed.njk` (escaped by
 * Nunjucks). With `site.url` every link and id is absolute; without it links are relative
 * to the feed (valid Atom) and ids are `urn:` names. Dates come from the briefs only,
 * never the clock, so rebuilding gives the same bytes.
 *
 * Planned like the pages: a key from everything the feed shows (each body by its hash),
 * rendered only when the key changed. Then the template is rendered once with a
 * placeholder for each body, and the file is streamed with the escaped bodies read one
 * by one in their place, so the feed of ten thousand briefs never holds every body. The
 * placeholders are checked first: one entry rendered both ways must come out the same
 * (the template escapes the body once, as the stock one does); if not, the feed is
 * rendered whole, with every body.
 */
import { createHash, randomBytes } from 'node:crypto';
import type nunjucks from 'nunjucks';
import type { BuildConfig } from '../config.js';
import type { SiteBrief } from './site-model.js';
import { paths, siteUrls } from './site-urls.js';

const atomDate = (iso: string) => `${iso}T00:00:00Z`;

export interface PlannedFeed {
  key: string;
  /** The feed's text, whole or in pieces; `body(i)` reads the body of the i-th brief the feed was planned with. */
  render(body: (i: number) => Promise<string>): Promise<string | AsyncIterable<string>>;
}

const TEMPLATE = 'site/feed.njk';
/** Bodies read ahead of the writer while the feed streams, and the size of the pieces written. */
const READ_AHEAD = 16;
const PIECE = 1 << 16;

/** `briefs` in archive order; `salt` hashes the configuration, templates and code. */
export function planFeed(briefs: SiteBrief[], config: BuildConfig, siteTitle: string, env: nunjucks.Environment, salt: string): PlannedFeed {
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
  }));
  const key = createHash('sha256').update(JSON.stringify([salt, feed, entries, briefs.map((b) => b.bodyHash)])).digest('hex').slice(0, 32);
  const render = (bodies: string[]) => env.render(TEMPLATE, { feed, entries: entries.map((e, i) => ({ ...e, body: bodies[i] })) });
  return {
    key,
    async render(body) {
      if (entries.length === 0) return render([]);
      const nonce = randomBytes(12).toString('hex');
      const token = (i: number) => `briefpress${nonce}body${i}x`;
      const escape = (text: string) => String(env.getFilter('escape')(text));
      const first = await body(0);
      const probe = env.render(TEMPLATE, { feed, entries: [{ ...entries[0], body: token(0) }] });
      if (probe.split(token(0)).join(escape(first)) !== env.render(TEMPLATE, { feed, entries: [{ ...entries[0], body: first }] })) {
        return render(await Promise.all(entries.map((_, i) => body(i))));
      }
      const skeleton = render(entries.map((_, i) => token(i)));
      // Alternately text and the index of the body that goes after it.
      const parts = skeleton.split(new RegExp(`briefpress${nonce}body(\\d+)x`));
      return pieces(parts, (i) => body(i).then(escape));
    },
  };
}

/** The feed's text: the skeleton's parts with each body in its place, read a few ahead, in pieces of about 64 KB. */
async function* pieces(parts: string[], body: (i: number) => Promise<string>): AsyncIterable<string> {
  const wanted = parts.filter((_, k) => k % 2 === 1).map(Number);
  const reads: Promise<string>[] = [];
  const read = (n: number) => {
    while (reads.length < Math.min(wanted.length, n + READ_AHEAD)) {
      const pending = body(wanted[reads.length]!);
      pending.catch(() => {}); // reported when awaited
      reads.push(pending);
    }
    return reads[n]!;
  };
  let piece = '';
  for (let k = 0; k < parts.length; k++) {
    if (k % 2 === 0) piece += parts[k];
    else {
      const n = (k - 1) / 2;
      piece += await read(n);
      delete reads[n];
    }
    if (piece.length >= PIECE) {
      yield piece;
      piece = '';
    }
  }
  if (piece) yield piece;
}
