/**
 * Every rule of the normalizer, with the id used in messages and in `--explain`.
 * Line rules decide by a line's shape; text rules repair characters; reader rules
 * report what a reader moved into the front matter or guessed.
 */
import * as dehyphenate from './dehyphenate.js';
import * as letterheadAddress from './letterhead-address.js';
import * as letterheadEmail from './letterhead-email.js';
import * as letterheadOrganization from './letterhead-organization.js';
import * as letterheadPhone from './letterhead-phone.js';
import * as letterheadTagline from './letterhead-tagline.js';
import * as letterheadWeb from './letterhead-web.js';
import * as ocrIll from './ocr-ill.js';
import * as documentLabel from './document-label.js';
import * as endMark from './end-mark.js';
import * as extractionCharacters from './extraction-characters.js';
import * as pageNumber from './page-number.js';
import * as repairMojibake from './repair-mojibake.js';
import * as runningHeader from './running-header.js';

export interface RuleInfo {
  id: string;
  summary: string;
}

export const RULES: readonly RuleInfo[] = [
  { id: 'empty-file', summary: 'fatal: the file is empty or holds only white space' },
  { id: 'binary-file', summary: 'fatal: the file is binary (PDF, image, archive, NUL bytes), not text' },
  { id: 'decode-utf16', summary: 'UTF-16 without a byte order mark, decoded as such' },
  { id: 'decode-windows-1252', summary: 'warning: not valid UTF-8, decoded as Windows-1252' },
  repairMojibake,
  extractionCharacters,
  ocrIll,
  letterheadOrganization,
  letterheadTagline,
  letterheadAddress,
  letterheadPhone,
  letterheadEmail,
  letterheadWeb,
  documentLabel,
  {
    id: 'contact-block',
    summary: 'a contact block at the top ("Media contact:" and the name, role, phone, e-mail under it) becomes `contacts`',
  },
  endMark,
  pageNumber,
  runningHeader,
  dehyphenate,
  { id: 'date-line', summary: 'the date line becomes `date` in the front matter' },
  { id: 'date-month-only', summary: 'a date line with a month and year only ("March 2013") becomes the first of that month, with a note' },
  { id: 'no-title', summary: 'fatal: no line can be the title' },
  { id: 'generic-reader', summary: 'warning: the text was read by the generic reader; title and date were guessed' },
  { id: 'web-site-header', summary: 'the print header "Published on <site> (<url>)" of a web export is removed' },
  { id: 'web-breadcrumb', summary: 'a breadcrumb trail above the title ("Home > Blog > …") is removed' },
  { id: 'web-byline', summary: 'the byline of a web export becomes `authors`' },
  { id: 'web-tags', summary: 'tag lines (and the lone `-` before them) become `tags`' },
  { id: 'web-rights', summary: 'the copyright line becomes `rights`' },
  { id: 'web-source-url', summary: 'the `Source URL:` line becomes `source_url`' },
  { id: 'web-links-list', summary: 'the `Links:` list is folded into the references and removed' },
  { id: 'web-reference', summary: 'warning: a `[text](#) [n]` reference whose number is not in the Links list' },
  { id: 'dead-link', summary: 'a `[text](#)` link that points nowhere keeps its text only' },
  { id: 'front-matter-yaml', summary: 'fatal: the front matter is not valid YAML' },
  { id: 'front-matter-unknown-key', summary: 'fatal: a front matter key that is not known (with a "did you mean")' },
  { id: 'front-matter-date', summary: 'fatal: a front matter date that is not a date' },
  { id: 'front-matter-schema', summary: 'fatal: a front matter value of the wrong type' },
].map(({ id, summary }) => ({ id, summary }));

export const ruleSummary = (id: string): string | undefined => RULES.find((rule) => rule.id === id)?.summary;
