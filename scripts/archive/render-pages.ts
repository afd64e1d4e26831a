/**
 * Render every HTML page of the archive as records `{path, content}`, without touching
 * the disk (`write-archive.ts` persists them). Pure and deterministic: the same briefs
 * and configuration give byte-identical pages.
 */
import { createHash } from 'node:crypto';
import type nunjucks from 'nunjucks';
import { logoAsset } from '../assets.js';
import type { BuildConfig } from '../config.js';
import { createTemplateEngine } from '../templates.js';
import type { ArchiveBrief } from '../types.js';
import { accentColours } from './accent-colours.js';
import { archiveJsonLd, briefJsonLd, jsonLdScript } from './json-ld.js';
import type { RelatedBrief } from './related-briefs.js';
import type { BriefGroup, SiteModel } from './site-model.js';
import { paths, siteUrls } from './site-urls.js';
import { addTemplateFilters } from './template-filters.js';

export interface OutputFile {
  /** Relative to the output folder, forward slashes. */
  path: string;
  /** Undefined when the page was not rendered because its key matched (the file on disk is current). */
  content?: string;
  /** Hash of everything the page is made from, for brief pages; equal keys mean equal bytes. */
  key?: string;
  /** ISO date of the newest brief the page shows, for the sitemap. */
  lastmod?: string;
}

/** A brief as the templates see it: with links to its tag and author pages. */
export interface BriefView extends Omit<ArchiveBrief, 'authors'> {
  authors: { name: string; url?: string; page: string }[];
  tagLinks: { name: string; page: string }[];
  tagSlugs: string[];
  canonical?: string;
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

function why(r: RelatedBrief): string {
  const parts: string[] = [];
  if (r.reasons.links) parts.push(r.reasons.links === 1 ? 'cites the same source' : `cites ${r.reasons.links} of the same sources`);
  if (r.reasons.authors.length) parts.push(`also by ${r.reasons.authors.join(', ')}`);
  if (r.reasons.tags.length) parts.push(`${r.reasons.tags.length === 1 ? 'topic' : 'topics'}: ${r.reasons.tags.join(', ')}`);
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Brief pages whose inputs did not change need no rendering: `salt` hashes the
 * configuration, templates and code; `previous` maps page paths (present on disk) to
 * the keys they were written with.
 */
export interface ReuseOptions {
  salt: string;
  previous: Map<string, string>;
}

export function renderPages(model: SiteModel, config: BuildConfig, env: nunjucks.Environment = createTemplateEngine(config.templatesDir), reuse?: ReuseOptions): OutputFile[] {
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

  const cards: Record<string, BriefView> = {};
  for (const b of model.briefs) {
    const tagLinks = b.tags.map((name) => ({ name, page: paths.tag(model.tagSlug.get(name) ?? '') }));
    cards[b.slug] = {
      ...b,
      authors: b.authors.map((a) => ({ ...a, page: paths.author(model.authorSlug.get(a.name) ?? '') })),
      tagLinks,
      tagSlugs: [...new Set(tagLinks.map((t) => t.page.slice(5, -5)))],
      canonical: rootUrls.absolute(b.html),
    };
  }
  const withPages = (groups: BriefGroup[], page: (slug: string) => string) => groups.map((g) => ({ ...g, page: page(g.slug) }));
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
    if (html === undefined) cardCache.set(key, (html = env.render('site/partials/brief-card.njk', { brief: cards[slug], headingLevel, u: href })));
    return html;
  };

  const files: OutputFile[] = [];
  const render = (path: string, template: string, meta: PageMeta, data: object, options: { anyDepth?: boolean; lastmod?: string; key?: string } = {}) => {
    const urls = siteUrls(path, config, options);
    const canonical = options.anyDepth ? undefined : urls.absolute(path);
    const page = {
      ...meta,
      path,
      canonical,
      description: meta.description ?? config.site.description,
      jsonLd: canonical && meta.jsonLd ? jsonLdScript(meta.jsonLd) : undefined,
    };
    const content = env.render(template, { site, colours, page, u: urls.href, card: cardFor(urls.href, `${urls.root}\0${path.split('/').slice(0, -1).join('/')}`), model: { ...model, tags }, ...data });
    files.push({ path, content, lastmod: options.lastmod, key: options.key });
  };

  files.push({ path: 'assets/favicon.svg', content: env.render('site/favicon.njk', { colours, initials: short.slice(0, 3) }) });
  render(paths.home, 'site/home.njk', { title, section: 'home', bodyClass: 'page-home', jsonLd: archiveJsonLd(config, title, rootUrls.absolute(paths.home) ?? '') }, { yearRange }, { lastmod: newest });

  for (const brief of model.briefs) {
    const view = cards[brief.slug]!;
    const related = (model.related.get(brief.slug) ?? []).map((r) => ({ ...r, why: why(r) }));
    const pdfUrl = rootUrls.absolute(brief.pdf) ?? '';
    let key: string | undefined;
    if (reuse) {
      const relatedKey = related.map((r) => [r.brief.html, r.brief.title, r.brief.kind, r.brief.date, r.why]);
      key = createHash('sha256').update(reuse.salt).update(JSON.stringify([view, relatedKey])).digest('hex').slice(0, 32);
      if (reuse.previous.get(brief.html) === key) {
        files.push({ path: brief.html, key, lastmod: brief.date });
        continue;
      }
    }
    render(
      brief.html,
      'site/brief.njk',
      {
        title: brief.title,
        description: brief.summary,
        bodyClass: `page-brief page-brief--${brief.kind}`,
        ogType: 'article',
        ogExtra: [
          ...(brief.date ? [{ property: 'article:published_time', content: brief.date }] : []),
          ...brief.authors.map((a) => ({ property: 'article:author', content: a.name })),
          ...brief.tags.map((t) => ({ property: 'article:tag', content: t })),
        ],
        jsonLd: briefJsonLd(brief, config, { page: view.canonical ?? '', pdf: pdfUrl }),
      },
      { brief: view, related },
      { lastmod: brief.date, key },
    );
  }

  const groupPages = (groups: typeof tags, kicker: string, indexPage: string, section: string) => {
    for (const group of groups) {
      render(group.page, 'site/list.njk', { title: group.name, section, bodyClass: 'page-list', description: `${kicker}: ${group.name}. ${group.briefs.length} publications from ${config.organization.name}.` }, { group: { ...group, kicker, indexPage } }, { lastmod: group.briefs.find((b) => b.date)?.date });
    }
  };
  groupPages(tags, 'Topic', 'tags/index.html', 'tags');
  groupPages(authors, 'Author', 'authors/index.html', 'authors');
  render('tags/index.html', 'site/index-list.njk', { title: 'Topics', section: 'tags', bodyClass: 'page-index' }, { groups: tags, noun: tags.length === 1 ? 'topic' : 'topics' }, { lastmod: newest });
  render('authors/index.html', 'site/index-list.njk', { title: 'Authors', section: 'authors', bodyClass: 'page-index' }, { groups: authors, noun: authors.length === 1 ? 'author' : 'authors' }, { lastmod: newest });
  render(paths.search, 'site/search.njk', { title: 'Search', section: 'search', bodyClass: 'page-search' }, { total: model.briefs.length });
  render(paths.notFound, 'site/404.njk', { title: 'Page not found', bodyClass: 'page-404', noindex: true }, { latest: model.briefs.slice(0, 3) }, { anyDepth: true });
  return files;
}
