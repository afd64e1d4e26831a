/**
 * Every HTML page of the archive as a plan: for each page its path, a key and a function
 * that renders it, without touching the disk (`write-archive.ts` renders the pages whose
 * key changed and writes them one by one). Pure and deterministic: the same briefs and
 * configuration give the same keys and byte-identical pages.
 *
 * A page's key hashes what the page is made from: the digests of the briefs it shows (a
 * hash of everything the archive knows of a brief), the groups and relations it shows them
 * in, the page's path and template, and `salt` (the configuration, templates and code).
 * What its template is given, and everything else it shows (title, description,
 * structured data), is made from those alone, and only when the page is rendered. So equal
 * keys mean equal bytes, and an edit re-renders only the pages that show what changed.
 */
import type nunjucks from 'nunjucks';
import { logoAsset } from '../../render/assets.js';
import type { BuildConfig } from '../../core/config.js';
import type { PacketEntry } from '../../core/types.js';
import { accentColours } from '../model/accent-colours.js';
import type { CardCache } from '../caches/card-cache.js';
import { type Citation, citationOf } from '../model/citation.js';
import { archiveJsonLd, breadcrumbJsonLd, briefJsonLd, jsonLdScript } from '../model/json-ld.js';
import type { RelatedBrief } from '../model/related-briefs.js';
import type { StoredRelation } from '../caches/related-cache.js';
import type { GoneBrief } from '../archive-index.js';
import { briefKeys, fieldDescriptors } from '../model/brief-keys.js';
import type { BriefGroup, SiteBrief, SiteModel } from '../model/site-model.js';
import { nameSlug, paths, siteUrls } from '../model/site-urls.js';
import { addTemplateFilters } from '../../render/template-filters.js';
import { shortHash } from '../../core/short-hash.js';
import { taglineLines } from '../../render/tagline-lines.js';
import { FAVICON_ICO, TOUCH_ICON } from './favicons.js';
import { groupFeedXml } from './atom-feed.js';
import { safeWebUrl } from '../../core/url-policy.js';

/** Briefs on the home page, newest first; the year pages list the rest. */
export const HOME_BRIEFS = 50;

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
  /** Atom feeds of this page's briefs, besides the archive's (`<link rel="alternate">`). */
  feeds?: { title: string; target: string }[];
  /** The picture of page 1 for link previews (`og:image`): an absolute URL, so only with `site.url`. */
  ogImage?: { url: string; width: number; height: number; alt: string };
  /** `<meta name content>` pairs: the citation tags scholarly indexers read. */
  metaNames?: { name: string; content: string }[];
  /** Structured data: each object its own script, in this order. */
  jsonLd?: object | object[];
  noindex?: boolean;
  /** Paper of the page's print stylesheet, when not the configuration's. */
  paper?: string;
}

/** Characters of a window title that tabs, bookmarks and search results show (html-validate's `long-title`). */
const TAB_TITLE = 70;

/** Length of `text` as written in the page, escaped (as html-validate measures it). */
const ENTITY_LENGTH: Record<string, number> = { '&': 5, '<': 4, '>': 4, '"': 6, "'": 5 };
const writtenLength = (text: string) => text.length + [...text.matchAll(/[&<>"']/g)].reduce((n, [c]) => n + ENTITY_LENGTH[c]! - 1, 0);

/** A page's window title: its own and the archive's when both fit, else its own, shortened at a word if need be. */
export function tabTitle(title: string, site: string): string {
  const both = title === site ? title : `${title} · ${site}`;
  if (writtenLength(both) <= TAB_TITLE) return both;
  if (writtenLength(title) <= TAB_TITLE) return title;
  let cut = title;
  while (writtenLength(cut) > TAB_TITLE - 1) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  return `${(space > TAB_TITLE / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, '')}…`;
}

function siteTitle(config: BuildConfig): string {
  return config.site.title ?? `${config.organization.name} briefs`;
}

function shortName(config: BuildConfig): string {
  const org = config.organization;
  return org.short_name ?? (org.name.match(/\b[A-Z\d]/g)?.join('') || org.name.slice(0, 3)).slice(0, 6);
}

/** The brief's picture of page 1 for link previews, when it has one and the archive has a public address. */
function ogImageOf(brief: SiteBrief, absolute: (target: string) => string | undefined): PageMeta['ogImage'] {
  const url = brief.cover ? absolute(brief.cover) : undefined;
  if (!url || !brief.cover_width || !brief.cover_height) return undefined;
  return { url, width: brief.cover_width, height: brief.cover_height, alt: `Page 1 of the PDF: ${brief.title}` };
}

function why(r: RelatedBrief<SiteBrief>): string {
  const parts: string[] = [];
  if (r.reasons.links) parts.push(r.reasons.links === 1 ? 'cites the same source' : `cites ${r.reasons.links} of the same sources`);
  if (r.reasons.authors.length) parts.push(`also by ${r.reasons.authors.join(', ')}`);
  if (r.reasons.tags.length) parts.push(`${r.reasons.tags.length === 1 ? 'topic' : 'topics'}: ${r.reasons.tags.join(', ')}`);
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The last build's keys, for the pages an edit does not touch: `files` as saved for the
 * briefs of `slugs` (in archive order), `changed` the slugs of this build's briefs whose
 * records differ from then (edited or added), `gone` what the last build's briefs that this
 * build does not keep as they were (edited or removed) were filed under, and `relatedBefore`
 * the related briefs of then when the model's are not those (undefined: they are). Given
 * only when all of that holds (write-archive.ts).
 */
export interface KeptKeys {
  files: Readonly<Record<string, string>>;
  slugs: readonly string[];
  changed: ReadonlySet<string>;
  gone: readonly GoneBrief[];
  relatedBefore?: ReadonlyMap<string, StoredRelation[]> | undefined;
  /** Without `relatedBefore`: the briefs whose related briefs may name a changed one (related-cache.ts `listing`). */
  listing?: ReadonlySet<string> | undefined;
}

/**
 * Plan every page of the archive; `salt` hashes the configuration, templates and code.
 * Cards come from `cache` when it has them (and go into it when rendered). With `kept`, a
 * brief page whose inputs cannot have changed takes its last key instead of hashing them.
 */
export function planPages(
  model: SiteModel,
  config: BuildConfig,
  env: nunjucks.Environment,
  salt: string,
  cache?: CardCache,
  packets: readonly PacketEntry[] = [],
  kept?: KeptKeys,
): { pages: PlannedPage[]; cardKeys: Set<string>; keptKeys: number } {
  addTemplateFilters(env, config.site.language);
  const title = siteTitle(config);
  const short = shortName(config);
  const site = {
    title,
    description: config.site.description,
    language: config.site.language,
    locale: config.site.language.replace('-', '_'),
    org: {
      ...config.organization,
      url: safeWebUrl(config.organization.url),
      taglineLines: taglineLines(config.organization.tagline ?? ''),
    },
    shortName: short,
    wordmarkWidth: Math.max(56, 18 * short.length + 20),
    logo: logoAsset(config)?.url,
    icons: { ico: FAVICON_ICO, touch: TOUCH_ICON, svg: logoAsset(config) ? undefined : 'assets/favicon.svg' },
    paper: config.print.paper,
  };
  const colours = accentColours(config.print.accent);
  const rootUrls = siteUrls(paths.home, config);

  // Every page is made from briefs, their groups and relations, and the salt, so a page's
  // key hashes the digests of the briefs it shows (see SiteModel) and the groups and
  // relations it shows them in; a brief's own page adds its front matter, headings and body.
  const digests = model.digest;
  const digestsOf = (briefs: SiteBrief[]) => briefs.map((b) => digests.get(b.slug)!);
  const keyOf = (path: string, template: string, inputs: unknown) => shortHash(JSON.stringify([salt, path, template, inputs]));

  // Cards and views are made only for the pages that are rendered.
  const cards = new Map<string, CardView>();
  const cardOf = (slug: string): CardView => {
    let card = cards.get(slug);
    if (!card) {
      const b = model.bySlug.get(slug)!;
      const slugs = b.tags.map((name) => model.tagSlug.get(name) ?? '');
      const tagLinks = b.tags.map((name, i) => ({ name, page: paths.tag(slugs[i]!) }));
      card = Object.assign(entryView(b), {
        authors: b.authors.map((a) => ({ ...a, page: paths.author(model.authorSlug.get(a.name) ?? '') })),
        tagLinks,
        tagSlugs: [...new Set(slugs)],
        canonical: rootUrls.absolute(b.html),
      }) as CardView;
      cards.set(slug, card);
    }
    return card;
  };
  const cardsOf = (briefs: SiteBrief[]) => briefs.map((b) => cardOf(b.slug));
  const groupsOf = (groups: BriefGroup[], page: (slug: string) => string) =>
    groups.map((g) => ({ slug: g.slug, name: g.name, briefs: cardsOf(g.briefs), page: page(g.slug) }));
  const groupInputs = (groups: BriefGroup[]) => groups.map((g) => [g.slug, g.name, digestsOf(g.briefs)]);
  const newest = lastChange(model.briefs);
  const dated = model.years.filter((y) => y.year !== 'undated');
  const yearRange = dated.length > 1 ? `${dated.at(-1)?.year}–${dated[0]?.year}` : dated[0]?.year;

  // A brief's card is the same on every list in the same folder: render it once per folder and level.
  const cardFor = (href: (target: string) => string, folder: string) => (slug: string, headingLevel: number) => {
    const where = `${folder}\0${headingLevel}`;
    const key = digests.get(slug);
    let html = key === undefined ? undefined : cache?.get(where, key);
    if (html === undefined) {
      html = env.render('site/partials/brief-card.njk', { brief: cardOf(slug), headingLevel, u: href });
      if (key !== undefined) cache?.set(where, key, html);
    }
    return html;
  };

  const pages: PlannedPage[] = [];
  /** Pages whose last key was taken without hashing what they are made from. */
  let keptKeys = 0;
  /** A page: its key from `inputs` (or a function giving them), or `options.key` kept from the last build; `data` (what the template is given) is made from the same inputs, when rendered. */
  const page = (
    path: string,
    template: string,
    inputs: unknown,
    data: () => object,
    meta: () => PageMeta,
    options: { anyDepth?: boolean; lastmod?: string; bodyOf?: SiteBrief; key?: string | undefined } = {},
  ) => {
    const render = (body?: string) => {
      const urls = siteUrls(path, config, options);
      const canonical = options.anyDepth ? undefined : urls.absolute(path);
      const m = meta();
      const info = {
        ...m,
        path,
        canonical,
        root404: urls.root404,
        tabTitle: tabTitle(m.title, title),
        description: m.description ?? config.site.description,
        jsonLd: canonical && m.jsonLd ? [m.jsonLd].flat().map(jsonLdScript) : undefined,
      };
      const context = body === undefined ? data() : withBody(data(), body);
      return env.render(template, {
        site,
        colours,
        page: info,
        u: urls.href,
        card: cardFor(urls.href, `${urls.root}\0${path.split('/').slice(0, -1).join('/')}`),
        ...context,
      });
    };
    if (options.key !== undefined) keptKeys += 1;
    const key = options.key ?? keyOf(path, template, typeof inputs === 'function' ? (inputs as () => unknown)() : inputs);
    pages.push({ path, key, lastmod: options.lastmod, bodyOf: options.bodyOf, render });
  };

  const faviconKey = keyOf('assets/favicon.svg', 'site/favicon.njk', null);
  pages.push({
    path: 'assets/favicon.svg',
    key: faviconKey,
    render: () => env.render('site/favicon.njk', { colours, initials: short.slice(0, 3) }),
  });
  const untouched = untouchedPages(model, kept, faviconKey);

  // The home page shows the newest briefs by year; every year has a page of its own with all
  // of its briefs, so that no page grows with the archive.
  const recent = model.briefs.slice(0, HOME_BRIEFS);
  const yearName = (year: string) => (year === 'undated' ? 'Undated' : year);
  const years = model.years.map((y) => ({ year: y.year, name: yearName(y.year), count: y.briefs.length, page: paths.year(y.year) }));
  const inRecent = new Set(recent);
  const recentYears = model.years
    .map((y, i) => ({ ...years[i]!, briefs: y.briefs.filter((b) => inRecent.has(b)) }))
    .filter((y) => y.briefs.length > 0);
  // Its filters choose among every brief (filter-data.ts), so their counts are the archive's.
  const allTags = model.tags.map((t) => ({ slug: t.slug, name: t.name, count: t.briefs.length, page: paths.tag(t.slug) }));
  const allAuthors = model.authors.map((a) => ({ slug: a.slug, name: a.name, count: a.briefs.length }));
  page(
    paths.home,
    'site/home.njk',
    [yearRange, model.briefs.length, years, recentYears.map((y) => [y.year, digestsOf(y.briefs)]), model.kinds, allTags, allAuthors],
    () => ({
      total: model.briefs.length,
      shown: recent.length,
      recentYears: recentYears.map((y) => ({ ...y, briefs: cardsOf(y.briefs) })),
      years,
      kinds: model.kinds,
      tags: allTags,
      authors: allAuthors,
      yearRange,
      linkRoot: config.site.base_path ?? '',
    }),
    () => ({ title, section: 'home', bodyClass: 'page-home', jsonLd: archiveJsonLd(config, title, rootUrls.absolute(paths.home) ?? '') }),
    { lastmod: newest },
  );

  model.briefs.forEach((brief, i) => {
    // Read (from the related briefs' cache) only for a page made or hashed again.
    let relatedOnes: RelatedBrief<SiteBrief>[] | undefined;
    const relations = () => (relatedOnes ??= model.related.get(brief.slug) ?? []);
    // Archive order, newest first: the brief before in the list is the newer one.
    const [newer, older] = [model.briefs[i - 1], model.briefs[i + 1]];
    const year = brief.date?.slice(0, 4) ?? 'undated';
    const crumbs = [
      { name: 'Home', page: paths.home },
      { name: yearName(year), page: paths.year(year) },
    ];
    const view = (): BriefView => ({ ...cardOf(brief.slug), data: brief.data, headings: brief.headings, bodyHash: brief.bodyHash });
    let cited: Citation | undefined;
    const citation = () =>
      (cited ??= citationOf(brief, config, { page: rootUrls.absolute(brief.html), pdf: rootUrls.absolute(brief.pdf) }));
    const meta = (): PageMeta => ({
      title: brief.title,
      description: brief.summary,
      bodyClass: `page-brief page-brief--${brief.kind}`,
      paper: brief.data.paper,
      ogType: 'article',
      ogImage: ogImageOf(brief, rootUrls.absolute),
      metaNames: citation().meta,
      ogExtra: [
        ...(brief.date ? [{ property: 'article:published_time', content: brief.date }] : []),
        ...(brief.updated ? [{ property: 'article:modified_time', content: brief.updated }] : []),
        ...brief.authors.map((a) => ({ property: 'article:author', content: a.name })),
        ...brief.tags.map((t) => ({ property: 'article:tag', content: t })),
      ],
      jsonLd: [
        briefJsonLd(brief, config, { page: rootUrls.absolute(brief.html) ?? '', pdf: rootUrls.absolute(brief.pdf) ?? '' }),
        breadcrumbJsonLd([...crumbs.map((c) => ({ name: c.name, url: rootUrls.absolute(c.page) ?? '' })), { name: brief.title }]),
      ],
    });
    page(
      brief.html,
      'site/brief.njk',
      // Worked out only when the page's key is not the one kept.
      () => [
        digests.get(brief.slug),
        briefKeys(brief).details,
        brief.bodyHash,
        relations().map((r) => [digests.get(r.brief.slug), r.score, r.reasons]),
        digests.get(newer?.slug ?? ''),
        digests.get(older?.slug ?? ''),
      ],
      () => ({
        brief: view(),
        cite: citation(),
        crumbs,
        newer: newer && cardOf(newer.slug),
        older: older && cardOf(older.slug),
        related: relations().map((r) => ({ brief: cardOf(r.brief.slug), score: r.score, reasons: r.reasons, why: why(r) })),
      }),
      meta,
      { lastmod: brief.updated ?? brief.date, bodyOf: brief, key: untouched?.briefs.has(brief.slug) ? kept!.files[brief.html] : undefined },
    );
  });

  /** `years`: on a year's page, the other years and the years before and after it. */
  const groupPages = (
    groups: BriefGroup[],
    pageOf: (slug: string) => string,
    kicker: string,
    indexPage: string,
    section: string,
    yearNav = false,
    withFeed = false,
    keep?: ReadonlySet<string>,
  ) => {
    groups.forEach((group, i) => {
      // A group the edit does not touch: its page and feed keep their last keys (when there are).
      const keptKey = (path: string) => (keep?.has(group.slug) ? kept!.files[path] : undefined);
      const description = `${kicker}: ${group.name}. ${group.briefs.length} publications from ${config.organization.name}.`;
      // Years run newest first: the one after in the list is the year before.
      const nav = yearNav ? { newer: years[i - 1], older: years[i + 1], years } : undefined;
      const listPage = pageOf(group.slug);
      // A topic's or author's own Atom feed, beside its page.
      const feedPath = withFeed ? listPage.replace(/\.html$/, '.xml') : undefined;
      const feedTitle = `${group.name} · ${title}`;
      if (feedPath) {
        const feedKey = keptKey(feedPath);
        if (feedKey !== undefined) keptKeys += 1;
        const shown = config.site.feed_entries > 0 ? group.briefs.slice(0, config.site.feed_entries) : group.briefs;
        pages.push({
          path: feedPath,
          // Its subtitle counts all of the group's briefs, not only those shown.
          key:
            keptKey(feedPath) ?? keyOf(feedPath, 'site/feed.njk', [group.slug, group.name, kicker, group.briefs.length, digestsOf(shown)]),
          render: () =>
            groupFeedXml(group.briefs, config, env, { path: feedPath, page: listPage, title: feedTitle, subtitle: description }),
        });
      }
      page(
        listPage,
        'site/list.njk',
        () => [group.slug, group.name, kicker, indexPage, digestsOf(group.briefs), nav, feedPath],
        () => ({
          group: { slug: group.slug, name: group.name, briefs: cardsOf(group.briefs), page: listPage, kicker, indexPage, feed: feedPath },
          yearNav: nav,
        }),
        () => ({
          title: group.name,
          section,
          bodyClass: 'page-list',
          description,
          ...(feedPath ? { feeds: [{ title: feedTitle, target: feedPath }] } : {}),
        }),
        { lastmod: lastChange(group.briefs), key: keptKey(listPage) },
      );
    });
  };
  groupPages(model.tags, paths.tag, 'Topic', 'tags/index.html', 'tags', false, true, untouched?.tags);
  groupPages(model.authors, paths.author, 'Author', 'authors/index.html', 'authors', false, true, untouched?.authors);
  groupPages(
    model.years.map((y) => ({ slug: y.year, name: yearName(y.year), briefs: y.briefs })),
    paths.year,
    'Year',
    paths.home,
    'home',
    true,
    false,
    untouched?.years,
  );
  // A packet's page: its download and its briefs, in packet order (briefs it names that are not in the archive are left out).
  for (const packet of packets) {
    const shown = packet.briefs.filter((b) => model.bySlug.has(b.slug));
    page(
      packet.html,
      'site/packet.njk',
      [packet, digestsOf(shown.map((b) => model.bySlug.get(b.slug)!))],
      () => ({ packet: { ...packet, briefs: shown } }),
      () => ({
        title: packet.title,
        bodyClass: 'page-list page-packet',
        description: `Briefing packet${packet.event ? ` for ${packet.event}` : ''}: ${packet.briefs.length} publications from ${config.organization.name}, one PDF to print on both sides.`,
      }),
      { lastmod: packet.date },
    );
  }
  const noun = (groups: BriefGroup[], one: string, many: string) => (groups.length === 1 ? one : many);
  page(
    'tags/index.html',
    'site/index-list.njk',
    groupInputs(model.tags),
    () => ({ groups: groupsOf(model.tags, paths.tag), noun: noun(model.tags, 'topic', 'topics') }),
    () => ({ title: 'Topics', section: 'tags', bodyClass: 'page-index' }),
    { lastmod: newest },
  );
  page(
    'authors/index.html',
    'site/index-list.njk',
    groupInputs(model.authors),
    () => ({ groups: groupsOf(model.authors, paths.author), noun: noun(model.authors, 'author', 'authors') }),
    () => ({ title: 'Authors', section: 'authors', bodyClass: 'page-index' }),
    { lastmod: newest },
  );
  page(
    paths.search,
    'site/search.njk',
    model.briefs.length,
    () => ({ total: model.briefs.length }),
    () => ({ title: 'Search', section: 'search', bodyClass: 'page-search' }),
  );
  page(
    paths.notFound,
    'site/404.njk',
    digestsOf(model.briefs.slice(0, 3)),
    () => ({ latest: cardsOf(model.briefs.slice(0, 3)) }),
    () => ({ title: 'Page not found', bodyClass: 'page-404', noindex: true }),
    { anyDepth: true },
  );
  return { pages, cardKeys: new Set(digests.values()), keptKeys };
}

/** The pages an edit touches: the brief pages (by slug) to keep, and the groups (by slug) whose pages are made again. */
interface Untouched {
  briefs: Set<string>;
  tags: Set<string>;
  authors: Set<string>;
  years: Set<string>;
}

const yearOf = (date: string | undefined) => date?.slice(0, 4) ?? 'undated';

/**
 * What an edit touches, found from the briefs it changed, added and removed (`kept`) rather
 * than by hashing every page: with the same salt (the favicon's key, which hashes nothing
 * else, is the one saved), a page is made from what it was made from at the last build,
 * so its last key holds, unless
 * - a brief page: it is a changed brief's own; its newer or older neighbour is another brief
 *   than then, or a changed one; or its related briefs are other than then, or changed;
 * - a topic's or author's page and feed: it lists, or listed, a changed or gone brief (the
 *   briefs of a group that lists none keep their order, so the group its first brief's name);
 * - a year's page: it lists, or listed, one (every year's page when a year's count changed,
 *   as each shows them all).
 * The other pages (home, the indexes of topics and authors, search, 404, packets) are made
 * from the whole archive's groups and counts, and are always hashed. Undefined: hash them all.
 */
function untouchedPages(model: SiteModel, kept: KeptKeys | undefined, faviconKey: string): Untouched | undefined {
  if (!kept || kept.files['assets/favicon.svg'] !== faviconKey) return undefined;
  const { briefs } = model;
  const { changed, relatedBefore, listing } = kept;
  const at = new Map(kept.slugs.map((slug, i) => [slug, i]));
  const isChanged = (slug: string | undefined) => slug !== undefined && changed.has(slug);
  const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  const sameRelated = (slug: string) => {
    if (!relatedBefore && listing) return !listing.has(slug);
    const now = model.related.get(slug) ?? [];
    if (!relatedBefore) return !now.some((r) => isChanged(r.brief.slug));
    const then = relatedBefore.get(slug) ?? [];
    return (
      now.length === then.length &&
      now.every((r, i) => {
        const [other, score, links, authors, tags] = then[i]!;
        return (
          r.brief.slug === other &&
          !isChanged(other) &&
          r.score === score &&
          r.reasons.links === links &&
          sameList(r.reasons.authors, authors) &&
          sameList(r.reasons.tags, tags)
        );
      })
    );
  };
  const untouched: Untouched = { briefs: new Set(), tags: new Set(), authors: new Set(), years: new Set() };
  briefs.forEach((brief, i) => {
    const was = at.get(brief.slug);
    if (was === undefined || isChanged(brief.slug) || kept.files[brief.html] === undefined) return;
    const [newer, older] = [briefs[i - 1]?.slug, briefs[i + 1]?.slug];
    if (newer !== kept.slugs[was - 1] || older !== kept.slugs[was + 1] || isChanged(newer) || isChanged(older)) return;
    if (sameRelated(brief.slug)) untouched.briefs.add(brief.slug);
  });

  // The groups that list, or listed, a changed or gone brief; a year's count that moved touches every year.
  const touched = { tags: new Set<string>(), authors: new Set<string>(), years: new Set<string>() };
  const counts = new Map<string, number>();
  const file = (b: { date?: string | undefined; tags: readonly string[]; authors: readonly string[] }, count: number) => {
    for (const tag of b.tags) touched.tags.add(nameSlug(tag));
    for (const author of b.authors) touched.authors.add(nameSlug(author));
    const year = yearOf(b.date);
    touched.years.add(year);
    counts.set(year, (counts.get(year) ?? 0) + count);
  };
  for (const brief of briefs) if (changed.has(brief.slug)) file({ ...brief, authors: brief.authors.map((a) => a.name) }, 1);
  for (const brief of kept.gone) file(brief, -1);
  const yearsMoved = [...counts.values()].some((n) => n !== 0);
  for (const group of model.tags) if (!touched.tags.has(group.slug)) untouched.tags.add(group.slug);
  for (const group of model.authors) if (!touched.authors.has(group.slug)) untouched.authors.add(group.slug);
  if (!yearsMoved) for (const year of model.years) if (!touched.years.has(year.year)) untouched.years.add(year.year);
  return untouched;
}

/**
 * A brief's manifest entry as a card's data: its fields as the brief has them, so the fields
 * a brief from the archive index reads from its record on first use (archive-index.ts) are
 * read only if the page's template shows them (the stock lists show cards from the card cache).
 */
function entryView(brief: SiteBrief): Omit<SiteBrief, 'data' | 'headings' | 'bodyHash'> {
  const fields = fieldDescriptors(brief) as Record<string, PropertyDescriptor>;
  delete fields.data;
  delete fields.headings;
  delete fields.bodyHash;
  for (const [key, field] of Object.entries(fields)) {
    // A field read on first use: read from the brief, when the view's is.
    if (field.get) fields[key] = { enumerable: true, configurable: true, get: () => brief[key as keyof SiteBrief] };
  }
  return Object.defineProperties({}, fields) as Omit<SiteBrief, 'data' | 'headings' | 'bodyHash'>;
}

/** The newest date (published or updated) among `briefs`, for the sitemap. */
function lastChange(briefs: SiteBrief[]): string | undefined {
  let last: string | undefined;
  for (const b of briefs) {
    const when = b.updated && (!b.date || b.updated > b.date) ? b.updated : b.date;
    if (when && (!last || when > last)) last = when;
  }
  return last;
}

/** A brief page's data with the body in its view. */
function withBody(data: object, body: string): object {
  const { brief, ...rest } = data as { brief: BriefView };
  return { ...rest, brief: { ...brief, body } };
}
