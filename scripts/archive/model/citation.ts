/**
 * How to cite a brief: the `citation_*` meta tags that scholarly indexers (Google Scholar,
 * Zotero) read, and the "Cite this brief" block in plain text, BibTeX and RIS. Every value
 * comes from a source and is untrusted: each format escapes what it must (BibTeX's special
 * characters and braces, RIS's line structure), and the page escapes the result as text.
 * Addresses are the archive's public ones (public-url.ts), or left out without `site.url`.
 */
import type { BuildConfig } from '../../core/config.js';
import type { ArchiveBrief } from '../../core/types.js';
import { safeWebUrl } from '../../core/url-policy.js';
import { invertedName, splitName } from './person-name.js';

export type CitedBrief = Pick<ArchiveBrief, 'slug' | 'title' | 'date' | 'kind' | 'authors'>;

export interface Citation {
  meta: { name: string; content: string }[];
  plain: string;
  bibtex: string;
  ris: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const BIB_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** One line of text: control characters and line breaks become spaces. */
const oneLine = (text: string) =>
  text
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const BIBTEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\^{}',
  '~': '\\~{}',
};

/** Text for a braced BibTeX field: LaTeX's special characters escaped, so braces always balance. */
export function bibtexText(text: string): string {
  return oneLine(text).replace(/[\\{}&%$#_^~]/g, (c) => BIBTEX_ESCAPES[c]!);
}

/** A URL for a BibTeX `url` field: only what could break the field (braces, backslashes, spaces) is encoded. */
const bibtexUrl = (url: string) => url.replace(/[{}\\\s]/g, (c) => encodeURIComponent(c));

/** A RIS value: one line, so no value can start a tag of its own. */
export const risText = (text: string) => oneLine(text);

function kindName(kind: CitedBrief['kind']): string {
  return kind === 'post' ? 'Blog post' : 'Policy brief';
}

/** `A`, `A and B`, `A, B, and C`, the first inverted (`Núñez, José, Zoë Brontë, and …`). */
function plainAuthors(names: string[]): string {
  const shown = names.map((n, i) => (i === 0 ? invertedName(n) : oneLine(n)));
  if (shown.length <= 1) return shown.join('');
  if (shown.length === 2) return `${shown[0]}, and ${shown[1]}`;
  return `${shown.slice(0, -1).join(', ')}, and ${shown.at(-1)}`;
}

export function citationOf(brief: CitedBrief, config: Pick<BuildConfig, 'organization'>, urls: { page?: string; pdf?: string }): Citation {
  const publisher = oneLine(config.organization.name);
  const names = brief.authors.map((a) => oneLine(a.name)).filter(Boolean);
  const title = oneLine(brief.title);
  const page = safeWebUrl(urls.page);
  const pdf = safeWebUrl(urls.pdf);
  const [year, month, day] = (brief.date ?? '').split('-').map(Number) as [number?, number?, number?];

  const meta = [
    { name: 'citation_title', content: title },
    ...(names.length ? names : [publisher]).map((n) => ({ name: 'citation_author', content: n })),
    ...(brief.date ? [{ name: 'citation_publication_date', content: brief.date.replace(/-/g, '/') }] : []),
    { name: 'citation_publisher', content: publisher },
    ...(brief.kind === 'brief' ? [{ name: 'citation_technical_report_institution', content: publisher }] : []),
    ...(pdf ? [{ name: 'citation_pdf_url', content: pdf }] : []),
    ...(page ? [{ name: 'citation_abstract_html_url', content: page }] : []),
  ];

  const when = brief.date ? `${MONTHS[month! - 1]} ${day}, ${year}` : 'n.d.';
  const quoted = /[.?!]$/.test(title) ? title : `${title}.`;
  const plain = [
    names.length ? `${plainAuthors(names)}.` : '',
    `“${quoted}”`,
    `${kindName(brief.kind)}.`,
    `${publisher}, ${when}.`,
    page ? `${page}.` : '',
  ]
    .filter(Boolean)
    .join(' ');

  const bibAuthors = (names.length ? names : [publisher]).map((n) => (splitName(n) ? bibtexText(invertedName(n)) : `{${bibtexText(n)}}`));
  const fields: [string, string][] = [
    ['title', `{${bibtexText(title)}}`],
    ['author', bibAuthors.join(' and ')],
    ...(brief.kind === 'brief'
      ? ([
          ['institution', bibtexText(publisher)],
          ['type', kindName(brief.kind)],
        ] as [string, string][])
      : ([['howpublished', `${kindName(brief.kind)}, ${bibtexText(publisher)}`]] as [string, string][])),
    ...(year ? ([['year', String(year)]] as [string, string][]) : []),
    ...(page ? ([['url', bibtexUrl(page)]] as [string, string][]) : []),
  ];
  const monthField = month ? `,\n  month = ${BIB_MONTHS[month - 1]}` : '';
  const bibtex =
    `@${brief.kind === 'brief' ? 'techreport' : 'misc'}{${brief.slug},\n` +
    fields.map(([key, value]) => `  ${key} = {${value}}`).join(',\n') +
    `${monthField}\n}`;

  const ris = [
    ['TY', brief.kind === 'brief' ? 'RPRT' : 'BLOG'],
    ['TI', risText(title)],
    ...(names.length ? names : [publisher]).map((n) => ['AU', risText(invertedName(n))]),
    ...(year ? [['PY', String(year)]] : []),
    ...(brief.date ? [['DA', `${brief.date.replace(/-/g, '/')}/`]] : []),
    ['PB', risText(publisher)],
    ...(brief.kind === 'brief' ? [['M3', kindName(brief.kind)]] : []),
    ...(page ? [['UR', page]] : []),
    ...(pdf ? [['L1', pdf]] : []),
    ['ER', ''],
  ]
    .map(([tag, value]) => `${tag}  - ${value}`)
    .join('\n');

  return { meta, plain, bibtex, ris };
}
