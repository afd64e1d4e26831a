/**
 * Every HTML page of the archive as a plan: for each page its path, a key and a function
 * that renders it, without touching the disk (`write-archive.ts` renders the pages whose
 * key changed and writes them one by one). Pure and deterministic: the same briefs and
 * configuration give the same keys and byte-identical pages.
 *
 * A page's key hashes exactly the data its template is given (with each brief's card
 * standing in by the card's own key), the page's path and template, and `salt` (the
 * configuration, templates and code). Everything else a page shows (title, description,
 * structured data) is made from that data and the configuration. So equal keys mean equal
 * bytes, and an edit re-renders only the pages that show what changed.
 */
import { createHash } from 'node:crypto';
import type nunjucks from 'nunjucks';
import { logoAsset } from '../assets.js';
import type { BuildConfig } from '../config.js';
import { accentColours } from './accent-colours.js';
import { archiveJsonLd, briefJsonLd, jsonLdScript } from './json-ld.js';
import type { RelatedBrief } from './related-briefs.js';
import type { BriefGroup, SiteBrief, SiteModel } from './site-model.js';
import { paths, siteUrls } from './site-urls.js';
import { addTemplateFilters } from './template-filters.js';

/** A brief as its card shows it on lists: the manifest entry, with links to its tag and author pages. */
export interface CardView extends Omit<SiteBrief, 'authors' | 'data' | 'headings' | 'bodyHash'> {
  authors: { name: string; url?: string; page: string }[];
  tagLinks: { name: string; page: string }[];
  tagSlugs: string[];
  canonical?: string;
}

/** A brief as its own page shows it: the card's data, front matter, headings and (when rendered) the body. */
export interface BriefView extends CardView, Pick<SiteBrief, 'data' | 'headings' | 'bodyHash'> {
  body?: string;
}

export interface PlannedPage {
  /** Relative to the output folder, forward slashes. */
  path: string;
  /** Hash of everything the page is made from: equal keys mean equal bytes. */
  key: string;
  /** ISO date of the newest brief the page shows, for the sitemap. */
  lastmod?: string;
  /** The brief whose body the page shows: read it and pass it to `render`. */
  bodyOf?: SiteBrief;
  render(body?: string): string;
}

interface PageMeta {
  title: string;
  description?: string;
  section?: string;
  bodyClass?: string;
  ogType?: string;
  ogExtra?: { property: string; content: string }[];
  jsonLd?: object;
  noindex?: boolean;
}

function siteTitle(config: BuildConfig): string {
  return config.site.title ?? `${config.organization.name} briefs`;
}

function shortName(config: BuildConfig): string {
  const org = config.organization;
  return org.short_name ?? (org.name.match(/\b[A-Z\d]/g)?.join('') || org.name.slice(0, 3)).slice(0, 6);
}

function why(r: RelatedBrief<SiteBrief>): string {
  const parts: string[] = [];
  if (r.reasons.links) parts.push(r.reasons.links === 1 ? 'cites the same source' : `cites ${r.reasons.links} of the same sources`);
  if (r.reasons.authors.length) parts.push(`also by ${r.reasons.authors.join(', ')}`);
  if (r.reasons.tags.length) parts.push(`${r.reasons.tags.length === 1 ? 'topic' : 'topics'}: ${r.reasons.tags.join(', ')}`);
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** Plan every page of the archive; `salt` hashes the configuration, templates and code. */
export function planPages(model: SiteModel, config: BuildConfig, env: nunjucks.Environment, salt: string): PlannedPage[] {
  addTemplateFilters(env, config.site.language);
  const title = siteTitle(config);
  const short = shortName(config);
  const site = {
    title,
    description: config.site.description,
    language: config.site.language,
    locale: config.site.language.replace('-', '_'),
    org: config.organization,
    shortName: short,
    wordmarkWidth: Math.max(56, 18 * short.length + 20),
    logo: logoAsset(config)?.url,
  };
  const colours = accentColours(config.print.accent);
  const rootUrls = siteUrls(paths.home, config);

  // Each brief's card, and the card's key: a card in a page's data hashes as its key.
  const cards = new Map<string, CardView>();
  const cardKeys = new Map<object, string>();
  for (const b of model.briefs) {
    const { data: _, headings: __, bodyHash: ___, ...entry } = b;
    const tagLinks = b.tags.map((name) => ({ name, page: paths.tag(model.tagSlug.get(name) ?? '') }));
    const card: CardView = {
      ...entry,
      authors: b.authors.map((a) => ({ ...a, page: paths.author(model.authorSlug.get(a.name) ?? '') })),
      tagLinks,
      tagSlugs: [...new Set(tagLinks.map((t) => t.page.slice(5, -5)))],
      canonical: rootUrls.absolute(b.html),
    };
    cards.set(b.slug, card);
    cardKeys.set(card, sha(JSON.stringify(card)));
  }
  const cardsOf = (briefs: SiteBrief[]) => briefs.map((b) => cards.get(b.slug)!);
  const keyOf = (path: string, template: string, data: object) =>
    sha(JSON.stringify([salt, path, template, data], (_, value: unknown) => (value !== null && typeof value === 'object' && cardKeys.get(value)) || value));

  const withPages = (groups: BriefGroup[], page: (slug: string) => string) => groups.map((g) => ({ slug: g.slug, name: g.name, briefs: cardsOf(g.briefs), page: page(g.slug) }));
  const tags = withPages(model.tags, paths.tag);
  const authors = withPages(model.authors, paths.author);
  const newest = model.briefs.find((b) => b.date)?.date;
  const dated = model.years.filter((y) => y.year !== 'undated');
  const yearRange = dated.length > 1 ? `${dated.at(-1)?.year}–${dated[0]?.year}` : dated[0]?.year;

  // A brief's card is the same on every list in the same folder: render it once per folder.
  const cardCache = new Map<string, string>();
  const cardFor = (href: (target: string) => string, where: string) => (slug: string, headingLevel: number) => {
    const key = `${where}\0${headingLevel}\0${slug}`;
    let html = cardCache.get(key);
    if (html === undefined) cardCache.set(key, (html = env.render('site/partials/brief-card.njk', { brief: cards.get(slug), headingLevel, u: href })));
    return html;
  };

  const pages: PlannedPage[] = [];
  const page = (
    path: string,
    template: string,
    data: object,
    meta: () => PageMeta,
    options: { anyDepth?: boolean; lastmod?: string; bodyOf?: SiteBrief } = {},
  ) => {
    const render = (body?: string) => {
      const urls = siteUrls(path, config, options);
      const canonical = options.anyDepth ? undefined : urls.absolute(path);
      const m = meta();
      const info = { ...m, path, canonical, description: m.description ?? config.site.description, jsonLd: canonical && m.jsonLd ? jsonLdScript(m.jsonLd) : undefined };
      const context = body === undefined ? data : withBody(data, body);
      return env.render(template, { site, colours, page: info, u: urls.href, card: cardFor(urls.href, `${urls.root}\0${path.split('/').slice(0, -1).join('/')}`), ...context });
    };
    pages.push({ path, key: keyOf(path, template, data), lastmod: options.lastmod, bodyOf: options.bodyOf, render });
  };

  pages.push({ path: 'assets/favicon.svg', key: keyOf('assets/favicon.svg', 'site/favicon.njk', {}), render: () => env.render('site/favicon.njk', { colours, initials: short.slice(0, 3) }) });

  const homeModel = { briefs: cardsOf(model.briefs), years: model.years.map((y) => ({ year: y.year, briefs: cardsOf(y.briefs) })), tags, authors, kinds: model.kinds };
  page(paths.home, 'site/home.njk', { model: homeModel, yearRange }, () => ({ title, section: 'home', bodyClass: 'page-home', jsonLd: archiveJsonLd(config, title, rootUrls.absolute(paths.home) ?? '') }), { lastmod: newest });

  for (const brief of model.briefs) {
    const { bodyHash, data, headings } = brief;
    const view: BriefView = { ...cards.get(brief.slug)!, data, headings, bodyHash };
    const related = (model.related.get(brief.slug) ?? []).map((r) => ({ brief: cards.get(r.brief.slug)!, score: r.score, reasons: r.reasons, why: why(r) }));
    const meta = (): PageMeta => ({
      title: brief.title,
      description: brief.summary,
      bodyClass: `page-brief page-brief--${brief.kind}`,
      ogType: 'article',
      ogExtra: [
        ...(brief.date ? [{ property: 'article:published_time', content: brief.date }] : []),
        ...brief.authors.map((a) => ({ property: 'article:author', content: a.name })),
        ...brief.tags.map((t) => ({ property: 'article:tag', content: t })),
      ],
      jsonLd: briefJsonLd(brief, config, { page: view.canonical ?? '', pdf: rootUrls.absolute(brief.pdf) ?? '' }),
    });
    page(brief.html, 'site/brief.njk', { brief: view, related }, meta, { lastmod: brief.date, bodyOf: brief });
  }

  const groupPages = (groups: typeof tags, kicker: string, indexPage: string, section: string) => {
    for (const group of groups) {
      const description = `${kicker}: ${group.name}. ${group.briefs.length} publications from ${config.organization.name}.`;
      page(group.page, 'site/list.njk', { group: { ...group, kicker, indexPage } }, () => ({ title: group.name, section, bodyClass: 'page-list', description }), { lastmod: group.briefs.find((b) => b.date)?.date });
    }
  };
  groupPages(tags, 'Topic', 'tags/index.html', 'tags');
  groupPages(authors, 'Author', 'authors/index.html', 'authors');
  page('tags/index.html', 'site/index-list.njk', { groups: tags, noun: tags.length === 1 ? 'topic' : 'topics' }, () => ({ title: 'Topics', section: 'tags', bodyClass: 'page-index' }), { lastmod: newest });
  page('authors/index.html', 'site/index-list.njk', { groups: authors, noun: authors.length === 1 ? 'author' : 'authors' }, () => ({ title: 'Authors', section: 'authors', bodyClass: 'page-index' }), { lastmod: newest });
  page(paths.search, 'site/search.njk', { total: model.briefs.length }, () => ({ title: 'Search', section: 'search', bodyClass: 'page-search' }));
  page(paths.notFound, 'site/404.njk', { latest: cardsOf(model.briefs.slice(0, 3)) }, () => ({ title: 'Page not found', bodyClass: 'page-404', noindex: true }), { anyDepth: true });
  return pages;
}

/** A brief page's data with the body in its view. */
function withBody(data: object, body: string): object {
  const { brief, ...rest } = data as { brief: BriefView };
  return { ...rest, brief: { ...brief, body } };
}
