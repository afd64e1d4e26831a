/** The Nunjucks filters the archive's templates use: dates, sizes, labels. All deterministic. */
import type nunjucks from 'nunjucks';

const KIND_LABELS: Record<string, [string, string]> = {
  brief: ['Policy brief', 'Policy briefs'],
  post: ['Blog post', 'Blog posts'],
};

export function kindLabel(kind: string, plural = false): string {
  const labels = KIND_LABELS[kind];
  if (labels) return labels[plural ? 1 : 0];
  return kind.charAt(0).toUpperCase() + kind.slice(1) + (plural ? 's' : '');
}

/** `2012-10-04` → "October 4, 2012" in the site's language; always UTC, never the machine's zone. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A formatter per language, made once: creating an Intl.DateTimeFormat costs far more than using one. */
function dateFormat(language: string): Intl.DateTimeFormat {
  let format = dateFormats.get(language);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
    } catch {
      format = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });
    }
    dateFormats.set(language, format);
  }
  return format;
}

export function longDate(iso: string, language: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(language).format(date);
}

/** 10000 → "10,000" in the site's language. */
export function count(n: number, language: string): string {
  try {
    return new Intl.NumberFormat(language).format(n);
  } catch {
    return new Intl.NumberFormat('en').format(n);
  }
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const pageCount = (pages: number) => `${pages} ${pages === 1 ? 'page' : 'pages'}`;

/** `https://www.cdt.org/` → `www.cdt.org`, for link text. */
export const displayUrl = (url: string) => url.replace(/^https?:\/\//, '').replace(/\/$/, '');

export function addTemplateFilters(env: nunjucks.Environment, language: string): void {
  env.addFilter('kindLabel', kindLabel);
  env.addFilter('longDate', (iso: string) => longDate(iso, language));
  env.addFilter('count', (n: number) => count(n, language));
  env.addFilter('fileSize', fileSize);
  env.addFilter('pageCount', pageCount);
  env.addFilter('displayUrl', displayUrl);
  env.addFilter('basename', (p: string) => p.split('/').pop() ?? p);
}
