/**
 * The Atom feed `feed.xml` (RFC 4287): the newest `site.feed_entries` briefs (every brief
 * when 0), newest first, each with its full body and the PDF as an enclosure, rendered
 * from `templates/site/feed.njk` (escaped by Nunjucks). With `site.url` every link and id
 * is absolute; without it links are relative to the feed (valid Atom) and ids are `urn:`
 * names. Dates come from the briefs only, never the clock, so rebuilding gives the same bytes.
 *
 * Planned like the pages: a key from everything the feed shows (each body by its hash),
 * rendered only when the key changed. Then the template is rendered once with a
 * placeholder for each body, and the file is streamed with the escaped bodies in their
 * place: a body the last feed already had is copied from the last feed.xml (where it is
 * kept in a layout beside the keys), the others are read and escaped, one at a time.
 * So an edit reads one body, and a feed of every brief (`feed_entries: 0`) never holds
 * every body.
 * The placeholders are checked first: one entry rendered both ways must come out the same
 * (the template escapes the body once, as the stock one does); if not, the feed is
 * rendered whole, with every body, and no layout is kept.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type nunjucks from 'nunjucks';
import type { BuildConfig } from '../../core/config.js';
import type { SiteBrief } from '../model/site-model.js';
import { paths, siteUrls } from '../model/site-urls.js';
import { shortHash } from '../../core/short-hash.js';
import { safeWebUrl } from '../../core/url-policy.js';

const atomDate = (iso: string) => `${iso}T00:00:00Z`;

/** Where the last feed.xml has each body, escaped: to copy them instead of reading and escaping them again. */
export interface FeedLayout {
  /** What the template's escaping made of a probe text, so a layout is used only with the same escaping. */
  escape: string;
  /** Bytes of feed.xml as written. */
  size: number;
  /** Body hash → byte offset and length of its escaped text in feed.xml. */
  bodies: Record<string, [number, number]>;
}

export interface RenderedFeed {
  content: string | AsyncIterable<Uint8Array>;
  /** Filled in as `content` is written; undefined when the feed was rendered whole. */
  layout?: FeedLayout;
}

export interface PlannedFeed {
  key: string;
  /**
   * The feed, whole or in pieces. `body(i)` reads the body of the i-th brief the feed was
   * planned with; `previous` is the last feed.xml and its layout, to copy bodies from.
   */
  render(body: (i: number) => Promise<string>, previous?: { file: string; layout: FeedLayout }): Promise<RenderedFeed>;
}

const TEMPLATE = 'site/feed.njk';
/** Size of the pieces written. */
const PIECE = 1 << 20;
const ESCAPE_PROBE = `<a href="x?a=1&b='2'">\\</a>`;

/**
 * `archive`: every brief, in archive order (newest first), of which the feed takes the
 * first `site.feed_entries`; `digest` gives each brief's digest by slug (see SiteModel), of
 * which, with the bodies and `salt` (configuration, templates and code), the feed is made.
 */
export function planFeed(
  archive: SiteBrief[],
  digest: Map<string, string>,
  config: BuildConfig,
  siteTitle: string,
  env: nunjucks.Environment,
  salt: string,
): PlannedFeed {
  const limit = config.site.feed_entries;
  const briefs = limit > 0 ? archive.slice(0, limit) : archive;
  const urls = siteUrls(paths.feed, config);
  const link = (target: string) => urls.absolute(target) ?? urls.href(target);
  const newest = briefs.find((b) => b.date)?.date ?? '1970-01-01';
  // The feed changed last when its newest entry was published or any entry was updated.
  const lastUpdate = briefs.reduce((last, b) => (b.updated && b.updated > last ? b.updated : last), newest);
  const org = config.organization;
  const feed = {
    id: urls.absolute(paths.feed) ?? `urn:briefpress:feed:${encodeURIComponent(siteTitle)}`,
    title: siteTitle,
    subtitle: config.site.description,
    language: config.site.language,
    updated: atomDate(lastUpdate),
    self: link(paths.feed),
    home: urls.absolute(paths.home) ?? urls.href(paths.home),
    org: { ...org, url: safeWebUrl(org.url) },
  };
  let made: ReturnType<typeof entriesNow> | undefined;
  const entries = () => (made ??= entriesNow());
  const entriesNow = () => briefs.map((b) => feedEntry(b, urls, org, newest));
  const key = shortHash(JSON.stringify([salt, feed, briefs.map((b) => [digest.get(b.slug), b.bodyHash])]));
  const render = (bodies: string[]) => env.render(TEMPLATE, { feed, entries: entries().map((e, i) => ({ ...e, body: bodies[i] })) });
  return {
    key,
    async render(body, previous) {
      if (briefs.length === 0) return { content: render([]) };
      const nonce = randomBytes(12).toString('hex');
      const token = (i: number) => `briefpress${nonce}body${i}x`;
      const escape = (text: string) => String(env.getFilter('escape')(text));
      const first = await body(0);
      const entry = entries()[0];
      const probe = env.render(TEMPLATE, { feed, entries: [{ ...entry, body: token(0) }] });
      if (probe.split(token(0)).join(escape(first)) !== env.render(TEMPLATE, { feed, entries: [{ ...entry, body: first }] })) {
        return { content: render(await Promise.all(briefs.map((_, i) => body(i)))) };
      }
      // Alternately text and the index of the body that goes after it.
      const parts = render(briefs.map((_, i) => token(i))).split(new RegExp(`briefpress${nonce}body(\\d+)x`));
      const layout: FeedLayout = { escape: escape(ESCAPE_PROBE), size: 0, bodies: {} };
      const old = previous?.layout.escape === layout.escape ? previous : undefined;
      const escaped = async (i: number) => Buffer.from(escape(await body(i)));
      return { content: pieces(parts, (i) => briefs[i]!.bodyHash, escaped, layout, old), layout };
    },
  };
}

/**
 * The Atom feed of one topic's or author's briefs (`tags/<slug>.xml`, `authors/<slug>.xml`):
 * the newest `site.feed_entries` of them (all when 0), each with its summary, link and PDF
 * (no body, so the hundreds of these feeds cost no reading); addresses as in `feed.xml`.
 */
export function groupFeedXml(
  briefs: SiteBrief[],
  config: BuildConfig,
  env: nunjucks.Environment,
  feed: { path: string; page: string; title: string; subtitle: string },
): string {
  const limit = config.site.feed_entries;
  const shown = limit > 0 ? briefs.slice(0, limit) : briefs;
  const urls = siteUrls(feed.path, config);
  const link = (target: string) => urls.absolute(target) ?? urls.href(target);
  const org = config.organization;
  const newest = shown.find((b) => b.date)?.date ?? '1970-01-01';
  const lastUpdate = shown.reduce((last, b) => (b.updated && b.updated > last ? b.updated : last), newest);
  return env.render(TEMPLATE, {
    feed: {
      id: urls.absolute(feed.path) ?? `urn:briefpress:feed:${feed.path}`,
      title: feed.title,
      subtitle: feed.subtitle,
      language: config.site.language,
      updated: atomDate(lastUpdate),
      self: link(feed.path),
      home: link(feed.page),
      org: { ...org, url: safeWebUrl(org.url) },
    },
    // Group feeds carry no bodies: an entry's summary stands for it.
    entries: shown.map((b) => ({ ...feedEntry(b, urls, org, newest), summary: b.summary ?? b.title })),
  });
}

/** One brief as a feed entry; its addresses as the feed at `urls` links them. */
function feedEntry(b: SiteBrief, urls: ReturnType<typeof siteUrls>, org: BuildConfig['organization'], newest: string) {
  const link = (target: string) => urls.absolute(target) ?? urls.href(target);
  return {
    id: urls.absolute(b.html) ?? `urn:briefpress:brief:${b.slug}`,
    title: b.title,
    link: link(b.html),
    pdf: link(b.pdf),
    pdfBytes: b.pdf_bytes,
    date: atomDate(b.date ?? newest),
    updated: atomDate(b.updated && b.updated > (b.date ?? '') ? b.updated : (b.date ?? newest)),
    authors: (b.authors.length ? b.authors : [{ name: org.name, url: org.url }]).map((a) => ({ name: a.name, url: safeWebUrl(a.url) })),
    tags: b.tags,
    summary: b.summary,
  };
}

/** The last feed.xml open for copying bodies, if it is the file its layout describes. */
function openPrevious(previous: { file: string; layout: FeedLayout } | undefined): number | undefined {
  if (!previous) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(previous.file, 'r');
    if (fstatSync(fd).size === previous.layout.size) return fd;
  } catch {
    // No last feed: every body is read.
  }
  if (fd !== undefined) closeSync(fd);
  return undefined;
}

/**
 * The feed's bytes: the skeleton's parts with each body in its place, copied from the last
 * feed when it had it, in pieces of about 1 MB; `layout` records where each body went.
 */
async function* pieces(
  parts: string[],
  hashOf: (i: number) => string,
  escaped: (i: number) => Promise<Buffer>,
  layout: FeedLayout,
  previous: { file: string; layout: FeedLayout } | undefined,
): AsyncIterable<Uint8Array> {
  const fd = openPrevious(previous);
  try {
    let piece: Buffer[] = [];
    let pieceSize = 0;
    const add = (bytes: Buffer) => {
      piece.push(bytes);
      pieceSize += bytes.length;
      layout.size += bytes.length;
    };
    for (let k = 0; k < parts.length; k++) {
      if (k % 2 === 0) add(Buffer.from(parts[k]!));
      else {
        const hash = hashOf(Number(parts[k]));
        const at = fd === undefined ? undefined : previous!.layout.bodies[hash];
        let bytes: Buffer | undefined;
        if (at) {
          bytes = Buffer.allocUnsafe(at[1]);
          if (readSync(fd!, bytes, 0, at[1], at[0]) !== at[1]) bytes = undefined;
        }
        bytes ??= await escaped(Number(parts[k]));
        layout.bodies[hash] ??= [layout.size, bytes.length];
        add(bytes);
      }
      if (pieceSize >= PIECE) {
        yield Buffer.concat(piece);
        piece = [];
        pieceSize = 0;
      }
    }
    if (pieceSize > 0) yield Buffer.concat(piece);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
