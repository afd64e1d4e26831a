/**
 * The page stage: a rendered brief → the full HTML document that is printed to PDF, from
 * `templates/brief.njk` and its partials. Everything from a source or the configuration
 * is escaped by Nunjucks (HTML) or by the `cssString` filter (inside `<style>`); only
 * the sanitized body fragment is inserted as is. Assets are referenced by their relative
 * `Asset.url`, so the page resolves them from the output folder's root.
 */
import nunjucks from 'nunjucks';
import { longDate } from './template-filters.js';
import { ASSETS_DIR, logoAsset } from './assets.js';
import type { BuildConfig } from '../core/config.js';
import { briefPageUrl, qrCode, type QrCode } from './qr-code.js';
import { taglineLines } from './tagline-lines.js';
import { createTemplateEngine } from './template-engine.js';
import type { RenderedBrief } from '../core/types.js';
import { wordmark } from './wordmark.js';
import { safeWebUrl, withSafeLinks } from '../core/url-policy.js';

/** The stylesheets every printed page loads, in order. */
export const PRINT_STYLESHEETS = [
  `${ASSETS_DIR}/styles/fonts.css`,
  `${ASSETS_DIR}/styles/fallback-fonts.css`,
  `${ASSETS_DIR}/styles/brief.css`,
];

/** Page area height (paper height minus the first page's top and bottom margins in brief.css). */
export const PAPER = {
  letter: { size: 'letter', width: '8.5in', height: '11in' },
  a4: { size: 'A4', width: '210mm', height: '297mm' },
} as const;

export function createPageRenderer(config: BuildConfig): { printPage(brief: RenderedBrief): string } {
  const env = createTemplateEngine(config.templatesDir);
  env.addFilter('cssString', cssString);
  const org = organizationContext(config);
  return {
    printPage(brief) {
      return env.render('brief.njk', pageContext(config, org, brief));
    },
  };
}

/** The organization as the letterhead partials show it. */
export function organizationContext(config: BuildConfig) {
  const o = config.organization;
  const logo = logoAsset(config);
  return {
    ...o,
    url: safeWebUrl(o.url),
    shortName: o.short_name ?? wordmark(config).text,
    taglineLines: taglineLines(o.tagline ?? ''),
    webText: safeWebUrl(o.url) ? o.url!.replace(/^https?:\/\//, '').replace(/\/$/, '') : undefined,
    phoneHref: o.phone ? `tel:${o.phone.replace(/[^\d+]/g, '')}` : undefined,
    logoUrl: logo?.url,
    wordmark: wordmark(config),
  };
}

function pageContext(config: BuildConfig, org: ReturnType<typeof organizationContext>, brief: RenderedBrief) {
  const data = withSafeLinks(brief.data).data;
  const paper = data.paper ?? config.print.paper;
  const language = config.site.language;
  const pageUrl = briefPageUrl(config.site, brief.slug);
  const mentioned = new Set([...brief.html.matchAll(/href="mailto:([^"?]*)/g)].map((m) => safeDecode(m[1]!).toLowerCase()));
  const qr: QrCode | undefined = pageUrl ? qrCode(pageUrl) : undefined;
  return {
    page: { lang: language, paper, ...PAPER[paper], accent: config.print.accent, stylesheets: PRINT_STYLESHEETS },
    org,
    qr,
    brief: {
      ...data,
      slug: brief.slug,
      html: new nunjucks.runtime.SafeString(brief.html),
      shortTitle: shortTitle(data.title),
      dateText: data.date ? longDate(data.date, language) : undefined,
      authors: data.authors ?? [],
      tags: data.tags ?? [],
      // Contacts the body does not already give (with their e-mail) go in a closing block.
      contacts: (data.contacts ?? []).filter((c) => !c.email || !mentioned.has(c.email.toLowerCase())),
      sourceUrl: safeWebUrl(data.source_url),
      pageUrl,
    },
  };
}

/** The running-header title: before a colon or dash if that leaves enough, else cut at a word. */
export function shortTitle(title: string, max = 60): string {
  const t = title.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const head = /^(.{12,}?)\s*(?::|\s[–—-]\s)/u.exec(t)?.[1];
  if (head && head.length <= max) return head;
  const cut = t
    .slice(0, max + 1)
    .replace(/\s+\S*$/, '')
    .replace(/[\s,;:.–—-]+$/u, '');
  return `${cut}…`;
}

/**
 * A quoted CSS string for `content:` inside `<style>`: every character that is not a
 * letter, digit or space is written as a CSS escape, so nothing can end the string, the
 * rule or the `<style>` element.
 */
export function cssString(value: unknown): nunjucks.runtime.SafeString {
  const escaped = [...String(value ?? '')]
    .map((ch) => (/^[\p{L}\p{N} ]$/u.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `))
    .join('');
  return new nunjucks.runtime.SafeString(`"${escaped}"`);
}

/** `decodeURIComponent`, or the text as it is when it holds a `%` that starts no escape. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
