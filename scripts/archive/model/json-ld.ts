/**
 * Structured data for a brief's page: schema.org `Report` for policy briefs,
 * `BlogPosting` for posts. Returned as text ready for a `<script type="application/ld+json">`
 * (`<` escaped, so a brief's text can never end the script element).
 */
import type { BuildConfig } from '../../core/config.js';
import type { ArchiveBrief } from '../../core/types.js';
import { safeUrl, safeWebUrl } from '../../core/url-policy.js';

export function jsonLdScript(data: object): string {
  return JSON.stringify(data, null, 2).replace(/</g, '\\u003c');
}

export interface BriefUrls {
  page: string;
  pdf: string;
}

export function briefJsonLd(brief: Omit<ArchiveBrief, 'body'>, config: BuildConfig, urls: BriefUrls): object {
  const publisher = organization(config);
  const authors = brief.authors.length
    ? brief.authors.map((a) => ({ '@type': 'Person', name: a.name, ...(safeUrl(a.url) ? { url: safeUrl(a.url) } : {}) }))
    : [publisher];
  return {
    '@context': 'https://schema.org',
    '@type': brief.kind === 'post' ? 'BlogPosting' : 'Report',
    headline: brief.title,
    name: brief.title,
    url: urls.page,
    mainEntityOfPage: urls.page,
    ...(brief.date ? { datePublished: brief.date } : {}),
    ...(brief.updated ? { dateModified: brief.updated } : {}),
    ...(brief.summary ? { description: brief.summary } : {}),
    ...(brief.tags.length ? { keywords: brief.tags.join(', ') } : {}),
    inLanguage: config.site.language,
    author: authors,
    publisher,
    ...(safeUrl(brief.source_url) ? { isBasedOn: safeUrl(brief.source_url) } : {}),
    ...(brief.links.some((l) => safeWebUrl(l)) ? { citation: brief.links.filter((l) => safeWebUrl(l)) } : {}),
    encoding: { '@type': 'MediaObject', contentUrl: urls.pdf, encodingFormat: 'application/pdf', contentSize: `${brief.pdf_bytes} B` },
  };
}

function organization(config: BuildConfig) {
  const url = safeWebUrl(config.organization.url);
  return { '@type': 'Organization', name: config.organization.name, ...(url ? { url } : {}) };
}

export function archiveJsonLd(config: BuildConfig, title: string, url: string): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    name: title,
    url,
    ...(config.site.description ? { description: config.site.description } : {}),
    inLanguage: config.site.language,
    publisher: organization(config),
  };
}

/** schema.org `BreadcrumbList`: the trail to a page; the last crumb (the page itself) has no URL. */
export function breadcrumbJsonLd(crumbs: { name: string; url?: string }[]): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, ...(c.url ? { item: c.url } : {}) })),
  };
}
