/**
 * Every rule of briefpress, in one catalogue: the id a message or a removed line carries,
 * the stage that reports it, and what it does (as `--explain` prints it). `RuleId` is
 * derived from it, so a message can only name a rule that is here. A rule reports
 * through `defineRule(id)` (remark-lint's `lintRule` shape), which stamps the id and the
 * source `briefpress` on every message, so no call site types either by hand.
 */
import type { VFile } from 'vfile';
import type { Options as MessageOptions, VFileMessage } from 'vfile-message';

type Stage = 'normalize' | 'render' | 'check' | 'build';

export const RULE_CATALOGUE = {
  // Decoding the bytes of a source.
  'empty-file': { stage: 'normalize', summary: 'fatal: the file is empty or holds only white space' },
  'binary-file': { stage: 'normalize', summary: 'fatal: the file is binary (PDF, image, archive, NUL bytes), not text' },
  'source-too-large': { stage: 'normalize', summary: 'fatal: the source is larger than a brief can be' },
  'decode-utf16': { stage: 'normalize', summary: 'UTF-16 without a byte order mark, decoded as such' },
  'decode-windows-1252': { stage: 'normalize', summary: 'warning: not valid UTF-8, decoded as Windows-1252' },
  'control-characters': {
    stage: 'normalize',
    summary: 'warning: control characters (ESC, BEL, …) that no page, feed or PDF may hold are removed where text enters',
  },
  'source-link-skipped': {
    stage: 'normalize',
    summary: 'warning: a symbolic link in the sources that leads outside them, to a folder or nowhere is not read',
  },
  'read-error': { stage: 'normalize', summary: 'error: the source could not be read (permissions, removed, a folder)' },
  'normalize-failed': {
    stage: 'normalize',
    summary: 'error: normalizing the source failed; the other briefs still build',
  },
  'normalize-timeout': {
    stage: 'normalize',
    summary: 'error: normalizing the source took longer than its time budget (30 s) and was stopped; the other briefs still build',
  },
  'repair-mojibake': { stage: 'normalize', summary: 'repair UTF-8 text that was decoded as Windows-1252 (â€™ → ’)' },
  'extraction-characters': {
    stage: 'normalize',
    summary: 'replace ligatures (ﬁ → fi), drop soft hyphens, turn non-breaking spaces into spaces',
  },
  'ocr-ill': { stage: 'normalize', summary: 'fix "III" misread for "Ill" (III-suited → Ill-suited), leaving real Roman numerals' },
  // Letterhead and page furniture.
  'letterhead-organization': {
    stage: 'normalize',
    summary: 'remove the organization name of the letterhead (configured, or shaped like one)',
  },
  'letterhead-tagline': { stage: 'normalize', summary: 'remove the letterhead tagline (all-capitals slogan lines above the title)' },
  'letterhead-address': {
    stage: 'normalize',
    summary: 'remove letterhead street-address lines (number + Street/Avenue/NW, Suite, City, ST 12345)',
  },
  'letterhead-phone': { stage: 'normalize', summary: 'remove letterhead phone/fax lines (P +1-202-…, Tel., Fax)' },
  'letterhead-email': { stage: 'normalize', summary: 'remove letterhead e-mail lines (E info@…, Email: …)' },
  'letterhead-web': { stage: 'normalize', summary: 'remove letterhead web-address lines (www.…, https://…)' },
  'page-head': {
    stage: 'normalize',
    summary:
      'remove what heads page 1 of a PDF above a title set in larger type: a site name and its links, a kicker, a stamp, a letterhead in a second language (never a date, byline or contact line)',
  },
  'reference-number': {
    stage: 'normalize',
    summary: "remove a document's reference number from the header above the title (BEUC-PR-2014-007, Ref No: MS20-000279)",
  },
  'document-label': {
    stage: 'normalize',
    summary: 'remove a genre label above the title (FOR IMMEDIATE RELEASE, Fact Sheet, Issue Brief No. 3)',
  },
  'site-section': {
    stage: 'normalize',
    summary:
      'remove the name of the site\'s section on its own line right above a saved page\'s title ("Posts", "News", "Press Releases"): navigation, no text',
  },
  'summary-label': {
    stage: 'normalize',
    summary:
      'remove a "Summary" or "Abstract" label over the first paragraph of a text with no other headings: the page\'s label, no section',
  },
  'contact-block': {
    stage: 'normalize',
    summary: 'a contact block at the top ("Media contact:" and the name, role, phone, e-mail under it) becomes `contacts`',
  },
  'end-mark': { stage: 'normalize', summary: 'remove the closing mark of a press release (###, -30-, END)' },
  'page-number': { stage: 'normalize', summary: 'remove bare page numbers and "Page 2 of 3" lines' },
  'hearing-cover': {
    stage: 'normalize',
    summary:
      'a testimony\'s cover block (Statement of / witness / Before the committee / On topic / date): the topic is the title, the witness the author; the word "On" of its field is removed',
  },
  'mail-header': {
    stage: 'normalize',
    summary:
      'remove the mail header of an e-mailed text (From, Date, Subject …): its date is the date; a subject that the headline says again is not said twice',
  },
  'browser-print': {
    stage: 'normalize',
    summary:
      "remove a browser's print header and footer (print date and time, page title, address, page counter); the print date is never the text's date",
  },
  'running-header': {
    stage: 'normalize',
    summary: 'remove running headers/footers repeated across pages (never the title itself); a paragraph cut by the page break is joined',
  },
  'logo-fragments': {
    stage: 'normalize',
    summary: 'a logo\'s letters that a text extraction broke into short fragments ("NE DES A" / "IEN VO") are removed: no title, no text',
  },
  'title-repeated': {
    stage: 'normalize',
    summary:
      'remove a line near the title that repeats it with a site, section or organization name ("Title - Civic Space", "Org | Title", a page header beside the title)',
  },
  dehyphenate: {
    stage: 'normalize',
    summary: 'undo end-of-line hyphenation by an English dictionary and the text’s own words, keeping real compounds (decision-makers)',
  },
  footnotes: {
    stage: 'normalize',
    summary:
      'closing numbered notes whose numbers the text carries in order ("safeguards2", "law.3", "[12]", "¹") become GFM footnotes; their "Notes" heading is removed',
  },
  // Front matter found in a plain text.
  'date-line': { stage: 'normalize', summary: 'the date line (or a dateline, or a "Posted on" line) becomes `date` in the front matter' },
  'date-month-only': {
    stage: 'normalize',
    summary: 'a date with a month and year only ("March 2013") becomes the first of that month, with a note',
  },
  'date-missing': { stage: 'normalize', summary: 'note: the text gives no date; add `date:` to the front matter before printing' },
  'no-title': { stage: 'normalize', summary: 'fatal: the text has no words at all to make a title of' },
  'generic-reader': {
    stage: 'normalize',
    summary: 'note: the text was read by the generic reader (not a PDF one-pager, a web export or Markdown)',
  },
  'guessed-metadata': {
    stage: 'normalize',
    summary:
      'warning: the title, date or kind was guessed (a line at the top, the subject line, the first sentence, a date in the first paragraph, the generic reader), at the line it came from; review it (--strict: an error)',
  },
  // PDFs (readers/pdf.ts): layout evidence instead of guesses.
  'pdf-artifact': {
    stage: 'normalize',
    summary: "a tagged PDF's content outside its structure (running headers, page numbers) is removed",
  },
  'letterhead-column': {
    stage: 'normalize',
    summary: "a PDF's narrow column of short lines beside the body on page 1 is letterhead, removed",
  },
  byline: {
    stage: 'normalize',
    summary:
      'a PDF\'s "By Name · Date" line under the title, a name over its position under a plain text\'s title ("Chris Jaikaran" / "Analyst in …"), or a person\'s name alone above a web page\'s headline ("Brian Sims"), becomes `authors` (and `date`)',
  },
  'pdf-tags': { stage: 'normalize', summary: 'a PDF\'s closing "Tags a · b" line becomes `tags`' },
  'pdf-source-url': { stage: 'normalize', summary: 'a PDF\'s closing "Source <url>" or "Published at <url>" line becomes `source_url`' },
  'pdf-rights': { stage: 'normalize', summary: "a PDF's closing copyright line becomes `rights`" },
  'pdf-contacts': { stage: 'normalize', summary: 'a PDF\'s closing "Contact" list of names with e-mail addresses becomes `contacts`' },
  'pdf-footnotes-heading': {
    stage: 'normalize',
    summary: 'the "Footnotes" heading over a PDF\'s notes is removed: the notes become footnotes',
  },
  'pdf-images': { stage: 'normalize', summary: 'note: the images of a PDF are ignored' },
  'pdf-title-guessed': {
    stage: 'normalize',
    summary: "warning: no larger type for a title on page 1; the title is the PDF's Title or its first short line, check it",
  },
  'pdf-encrypted': { stage: 'normalize', summary: 'fatal: the PDF needs a password' },
  'pdf-damaged': { stage: 'normalize', summary: 'fatal: the PDF cannot be read' },
  'pdf-no-text': { stage: 'normalize', summary: 'fatal: the PDF has no text layer (scanned pages): run OCR first' },
  'pdf-too-large': { stage: 'normalize', summary: 'fatal: the PDF is over the size or page limit of a brief' },
  'pdf-not-read': { stage: 'normalize', summary: 'fatal (internal): a PDF reached the normalizer without its layout read first' },
  // Web exports.
  'web-site-header': { stage: 'normalize', summary: 'the print header "Published on <site> (<url>)" of a web export is removed' },
  'web-shortcodes': {
    stage: 'normalize',
    summary:
      'a WordPress page\'s shortcodes leaked into its text ("[vc_row css=…]", "[/vc_column_text]", "[caption id=…]") are removed; what they wrapped is kept',
  },
  'glued-blocks': {
    stage: 'normalize',
    summary:
      'a page copied without the line breaks between its blocks ("… Mar 2, 2023The House …", "… America.WASHINGTON, D.C.—", a picture\'s text "which oneThe Information …") gets a line break at the seam',
  },
  'site-name-suffix': {
    stage: 'normalize',
    summary:
      'the site\'s name after a saved page\'s title ("Headline – National Consumers League") is removed when the text names the organization again',
  },
  'web-breadcrumb': { stage: 'normalize', summary: 'a breadcrumb trail above the title ("Home > Blog > …") is removed' },
  'web-furniture': {
    stage: 'normalize',
    summary:
      'a web page\'s furniture at the top or foot of a text (sign-up box and its consent line, "Skip Navigation", "Related Content", "More Press Releases"), a reading time and an offer of the publication\'s formats ("This publication is available in the following format:") are removed',
  },
  'table-of-contents': {
    stage: 'normalize',
    summary:
      'remove a table of contents: a "Contents" line over its entries up to the section its first entry names, or a contents list run into one line ("CONTENTS 4 Foreword 6 Introduction …")',
  },
  'image-credit': {
    stage: 'normalize',
    summary:
      'remove a picture\'s credit on a line of its own, where the picture was ("Photo Credit: Getty", "Image: CC Licensed …", "Photo by … on Unsplash")',
  },
  'web-byline': { stage: 'normalize', summary: 'the byline of a web export becomes `authors`' },
  'web-tags': { stage: 'normalize', summary: 'tag lines (and the lone `-` before them) become `tags`' },
  'web-rights': { stage: 'normalize', summary: 'the copyright line becomes `rights`' },
  'web-source-url': { stage: 'normalize', summary: 'the `Source URL:` line becomes `source_url`' },
  'web-links-list': { stage: 'normalize', summary: 'the `Links:` list is folded into the references and removed' },
  'web-reference': { stage: 'normalize', summary: 'warning: a `[text](#) [n]` reference whose number is not in the Links list' },
  'dead-link': { stage: 'normalize', summary: 'a `[text](#)` link that points nowhere keeps its text only' },
  // Markdown sources.
  'front-matter-yaml': { stage: 'normalize', summary: 'fatal: the front matter is not valid YAML' },
  'front-matter-unknown-key': { stage: 'normalize', summary: 'fatal: a front matter key that is not known (with a "did you mean")' },
  'front-matter-date': { stage: 'normalize', summary: 'fatal: a front matter date that is not a date' },
  'markdown-too-deep': {
    stage: 'normalize',
    summary: 'fatal: a line nests block quotes or lists deeper than 32 levels, which no Markdown parser renders in reasonable time',
  },
  'front-matter-schema': { stage: 'normalize', summary: 'fatal: a front matter value of the wrong type' },
  'front-matter-shorthand': {
    stage: 'normalize',
    summary: 'a static-site generator’s shorthand (`author: Jane Doe`, `authors: [Jane Doe]`) becomes `authors: [{name}]`',
  },
  'front-matter-ignored': {
    stage: 'normalize',
    summary: 'a static-site generator’s key briefpress does not use (`categories`, `layout`, `draft`…) is left out, with a note',
  },
  'unsafe-url': {
    stage: 'normalize',
    summary: 'warning: a front matter address (source_url, an author’s url) that is not http, https or mailto is left out',
  },
  'missing-title': { stage: 'normalize', summary: 'fatal: a Markdown source without a title' },
  'already-markdown': { stage: 'normalize', summary: 'normalize --write: the source is Markdown already; nothing to write' },
  'write-refused': { stage: 'normalize', summary: 'normalize --write: the target exists or was edited since; nothing is overwritten' },
  // Rendering (remark-content-warnings).
  'raw-html': { stage: 'render', summary: 'warning: raw HTML in Markdown is never rendered' },
  'unsafe-link': {
    stage: 'render',
    summary: 'warning: an address that is not http, https, mailto or tel (javascript:, data:, file:…); the link becomes text',
  },
  'empty-link': { stage: 'render', summary: 'a link with no address, or only `#`' },
  'relative-link': { stage: 'render', summary: 'warning: an address relative to another site, meaningless on paper' },
  'empty-link-text': { stage: 'render', summary: 'warning: a link with nothing to click on' },
  'image-not-printed': { stage: 'render', summary: 'warning: images are not embedded; a remote image becomes a link' },
  'no-glyph': {
    stage: 'render',
    summary: 'warning: a character no shipped font has (fonts.css, fallback-fonts.css); it prints as an empty box',
  },
  // Checks before printing (npm run check).
  'unresolved-reference': { stage: 'check', summary: 'error: `[text](#) [3]` whose number the Links list did not give' },
  'missing-anchor': { stage: 'check', summary: 'error: a `#id` link where no heading has that id' },
  'missing-target': { stage: 'check', summary: 'error: a relative link to a file that does not exist' },
  'bad-url': { stage: 'check', summary: 'error: an http(s) address that is not a valid URL' },
  'missing-image': { stage: 'check', summary: 'error: an image whose file does not exist' },
  'image-alt': { stage: 'check', summary: 'error: an image without alt text' },
  placeholder: { stage: 'check', summary: 'warning: `TODO` left in the text' },
  'missing-date': { stage: 'check', summary: 'error: a printed brief shows its date; the front matter has none' },
  'missing-author': { stage: 'check', summary: 'error: no authors and no organization to credit' },
  'post-without-author': { stage: 'check', summary: 'warning: a post without authors is credited to the organization' },
  // The build.
  'page-budget': { stage: 'build', summary: 'a brief prints on more pages than its budget (an error with --strict and in check)' },
  'duplicate-slug': { stage: 'build', summary: 'two briefs claim the same slug; the later one gets another' },
  'print-failed': { stage: 'build', summary: 'error: the browser could not print the brief' },
  'packet-missing-brief': {
    stage: 'build',
    summary: 'warning: a packet lists a slug no brief has, or a brief whose PDF is missing; the packet is printed without it',
  },
  'packet-empty': { stage: 'build', summary: "warning: a packet's selection matches no brief; no packet is printed" },
} as const satisfies Record<string, { stage: Stage; summary: string }>;

export type RuleId = keyof typeof RULE_CATALOGUE;

export const RULE_IDS = Object.keys(RULE_CATALOGUE) as RuleId[];

export const isRuleId = (id: string): id is RuleId => Object.hasOwn(RULE_CATALOGUE, id);

/** What `--explain` says about a rule id: its summary, or nothing for ids of other tools. */
export const ruleSummary = (id: string | undefined | null): string | undefined =>
  id && isRuleId(id) ? RULE_CATALOGUE[id].summary : undefined;

type Place = MessageOptions['place'];

export interface ReportOptions {
  place?: Place;
  /** `info` (a note, fatal undefined), `warning` (fatal false, the default) or `error` (fatal true, not thrown). */
  severity?: 'info' | 'warning' | 'error';
}

export interface Rule<Id extends RuleId> {
  id: Id;
  summary: string;
  /** Add a message of this rule to `file`. */
  report(file: VFile, reason: string, options?: ReportOptions): VFileMessage;
  /** Add a fatal message of this rule to `file` and throw it. */
  fail(file: VFile, reason: string, place?: Place): never;
}

/** A rule of the catalogue, stamping its id and the source `briefpress` on every message it makes. */
export function defineRule<Id extends RuleId>(id: Id): Rule<Id> {
  return {
    id,
    summary: RULE_CATALOGUE[id].summary,
    report(file, reason, { place, severity = 'warning' } = {}) {
      const message =
        severity === 'info'
          ? file.info(reason, { place, ruleId: id, source: 'briefpress' })
          : file.message(reason, { place, ruleId: id, source: 'briefpress' });
      if (severity !== 'info') message.fatal = severity === 'error';
      return message;
    },
    fail(file, reason, place) {
      return file.fail(reason, { place, ruleId: id, source: 'briefpress' });
    },
  };
}

/** Report a message of rule `id` on `file` (for call sites that choose the rule at run time). */
export const report = (file: VFile, id: RuleId, reason: string, options?: ReportOptions): VFileMessage =>
  defineRule(id).report(file, reason, options);
