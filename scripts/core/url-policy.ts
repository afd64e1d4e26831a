/**
 * The one URL policy: every address that reaches an output (a brief's page and PDF, the
 * archive's pages, feed.xml, the sitemap, JSON-LD, the QR code) goes through here.
 *
 * Allowed: `http:` and `https:` with a host, `mailto:`, `tel:` (phone numbers of the
 * letterhead and contacts), and, where the caller says so, a relative address inside the
 * archive. Anything else (`javascript:`, `data:`, `file:`, `vbscript:`, unknown schemes,
 * protocol-relative `//host`) is refused: the caller prints the text without a link and,
 * where the address came from a source, warns at its line.
 *
 * Browsers ignore leading and trailing control characters and spaces in an `href`, and tabs
 * and newlines anywhere in it (`java\tscript:` is `javascript:`), so the address is judged the
 * way a browser would read it, and that cleaned form is what is returned.
 */

/** Schemes a link may have. */
export const ALLOWED_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const;

export type UrlVerdict = { ok: true; url: string } | { ok: false; reason: string };

export interface UrlPolicyOptions {
  /** Also allow an address relative to the page (`../tags/x.html`, `#id`): links inside the archive. */
  relative?: boolean;
}

// C0 controls and space at the ends, and tab/CR/LF anywhere, as the URL standard strips them.

const EDGES = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const TAB_OR_NEWLINE = /[\t\n\r]/g;
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/** Judge one address; `ok` gives the address as a browser would read it. */
export function checkUrl(value: unknown, options: UrlPolicyOptions = {}): UrlVerdict {
  if (typeof value !== 'string') return { ok: false, reason: 'is not an address' };
  const url = value.replace(EDGES, '').replace(TAB_OR_NEWLINE, '');
  if (url === '') return { ok: false, reason: 'is empty' };

  if (/[\u0000-\u001f\u007f]/.test(url)) return { ok: false, reason: 'has control characters' };
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    if (url.startsWith('//') || url.startsWith('\\\\') || url.startsWith('/\\') || url.startsWith('\\/'))
      return { ok: false, reason: 'has no scheme (write https://…)' };
    if (options.relative) return { ok: true, url };
    return { ok: false, reason: 'is not a full address (write https://…)' };
  }
  if (!(ALLOWED_SCHEMES as readonly string[]).includes(scheme)) return { ok: false, reason: `has the unsafe scheme \`${scheme}:\`` };
  if (scheme === 'http' || scheme === 'https') {
    if (!URL.canParse(url) || new URL(url).host === '') return { ok: false, reason: 'is not a valid web address' };
  }
  return { ok: true, url };
}

/** The address if the policy allows it, else undefined. */
export function safeUrl(value: unknown, options: UrlPolicyOptions = {}): string | undefined {
  const verdict = checkUrl(value, options);
  return verdict.ok ? verdict.url : undefined;
}

/** An absolute web address (`http:`/`https:`) the policy allows: for QR codes, canonical links and feed ids. */
export function safeWebUrl(value: unknown): string | undefined {
  const url = safeUrl(value);
  return url && /^https?:/i.test(url) ? url : undefined;
}

/** How an address is shown in a message: its scheme and start, never a whole payload. */
export function describeUrl(value: string): string {
  const shown = value.trim().replace(/[\u0000-\u001f\u007f]/g, '?');
  return `\`${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}\``;
}

/** The fields of a brief's front matter that hold addresses. */
interface LinkFields {
  source_url?: string;
  authors?: { name: string; url?: string }[];
}

/** Where an address of the front matter was refused. */
export interface RefusedUrl {
  /** `source_url` or `authors.N.url`. */
  key: string;
  value: string;
  reason: string;
}

/**
 * A brief's front matter with every address the policy refuses left out (an author keeps
 * their name, without a link), and what was refused. Used where sources enter (with a
 * warning for each) and again by every output, for briefs from older caches or shards.
 */
export function withSafeLinks<T extends LinkFields>(data: T): { data: T; refused: RefusedUrl[] } {
  const refused: RefusedUrl[] = [];
  let copy = data;
  if (data.source_url !== undefined) {
    const verdict = checkUrl(data.source_url);
    if (verdict.ok) {
      if (verdict.url !== data.source_url) copy = { ...copy, source_url: verdict.url };
    } else {
      refused.push({ key: 'source_url', value: data.source_url, reason: verdict.reason });
      const { source_url: _dropped, ...rest } = copy;
      copy = rest as T;
    }
  }
  if (data.authors?.some((a) => a.url !== undefined)) {
    const authors = data.authors.map((author, i) => {
      if (author.url === undefined) return author;
      const verdict = checkUrl(author.url);
      if (verdict.ok) return verdict.url === author.url ? author : { ...author, url: verdict.url };
      refused.push({ key: `authors.${i}.url`, value: author.url, reason: verdict.reason });
      const { url: _dropped, ...rest } = author;
      return rest;
    });
    copy = { ...copy, authors };
  }
  return { data: copy, refused };
}
