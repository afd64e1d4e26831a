/**
 * The corpus of real texts (test/fixtures/normalize/<case>/ with an `expected.json`: what a
 * careful editor wants of its title, date, kind, authors, headings and summary) against
 * what the normalizer makes of them. `editor-approved.txt` lists the cases that come out as
 * the editor wants: none of them may regress. Each case's SOURCE.md says where its text
 * comes from and under which terms.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { normalize } from '../../scripts/normalize/index.js';
import { fieldDifferences, type Expected } from '../helpers/editor-fields.js';

const root = path.join(import.meta.dirname, '..', 'fixtures', 'normalize');
const cases = readdirSync(root)
  .filter((name) => existsSync(path.join(root, name, 'expected.json')))
  .sort();
const approved = readFileSync(path.join(root, 'editor-approved.txt'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));

/** Where the normalizer's reading differs from the editor's: field → got / wanted. */
function differences(name: string): string[] {
  const dir = path.join(root, name);
  const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
  const input = readdirSync(dir).find((f) => f.startsWith('input.'))!;
  const file = new VFile({ path: input, value: readFileSync(path.join(dir, input)) });
  try {
    return fieldDifferences(normalize(file), expected);
  } catch {
    return ['no brief: the normalizer gave up'];
  }
}

/**
 * The mechanisms that rest on few texts, and the real cases that show each (a case shows a
 * mechanism when turning the mechanism off makes the case come out wrong). Each must rest on
 * texts of two organizations or more, but those in `WANTING`, which wait for a second one.
 */
const MECHANISMS: Record<string, string[]> = {
  'letter closings and signatures': ['cdd-letter-senate-consumer-privacy-experts', 'accessnow-letter-eo12333-pclob'],
  'hearing header': ['eff-statement-fisa-oversight', 'cdt-testimony-givens-privacy-standard'],
  'short-title page-2 header': ['eff-statement-fisa-oversight', 'cdt-testimony-givens-privacy-standard'],
  'full-width running text': ['eff-statement-fisa-oversight', 'cdt-testimony-givens-privacy-standard'],
  'capitals name above the title': ['hrw-submission-investigatory-powers-review', 'pk-press-commends-fcc-net-neutrality-2015'],
  'particle capitals': ['eff-post-age-mandates-web-export'],
  'colon lead-in summary (a lead-in’s first sentence; a one-sentence lead-in with the list item or quotation under it, each part held to the length limit)':
    ['fftf-press-fast-track-senate-vote', 'efa-joint-release-cambridge-analytica', 'lahood-press-odni-report-statement-page'],
  'a breadcrumb section or a label under the title names a brief ("Press Releases", "Reports"; "Press Release")': [
    'wyden-press-usa-freedom-act-print',
    'oti-press-joins-fight-net-neutrality-print',
    'pk-post-files-comments-net-neutrality-notice',
  ],
  'a name over its position under the title is the author, never the title ("Chris Jaikaran" / "Analyst in Cybersecurity Policy"); a .gov site names its owner':
    ['crs-report-encryption-faq'],
  'sentence-case section headings between paragraphs (a question too), with the headings the text has counted': [
    'bof-dossier-dragnet-surveillance-page',
    'bccla-submission-lawful-access-page',
    'org-briefing-osb-second-reading',
  ],
  'a cover: a logo broken into letter fragments, a line in parentheses and an "About the …" section are no title; a lone page number over lines repeating the cover heads a page':
    ['cmla-submission-national-security-scribd'],
  'the site’s section named alone right above the title ("Posts", "Press Releases", "Press Room") is navigation, removed (never a post by itself)':
    ['ncl-press-ttb-alcohol-labeling-page', 'lahood-press-odni-report-statement-page', 'eff-press-digital-books-checklist-2010'],
  'the byline’s bio of its author ("Steven G. Bradbury is a Distinguished Fellow at …") is no summary': [
    'heritage-report-fisa-house-bills-chromium',
  ],
  'a picture’s caption closed by its credit ("“Spock Monroe” by Ludovic Bertron, freely licensed under CC-by-2.0.", "Photo: …") is no summary':
    ['wikimedia-post-public-policy-site'],
  'a short line cut on a word no heading ends with ("The American Civil Liberties Union and the", "In the Matter of") goes on on the next line, never a heading':
    ['aclu-press-fisa-records-commondreams', 'techfreedom-reply-comments-section-230'],
  'dated dateline: a blog export is a press release': ['lqdn-press-surveillance-bill-senate', 'leahy-press-coalition-nsa-reform-web'],
  'dateline places and dates (in parentheses, two places)': ['leahy-press-coalition-nsa-reform-web', 'cdd-press-google-play-coppa-web'],
  'byline fields with the date (a reading time beside it is the page’s)': [
    'bbw-press-met-facial-recognition-shops',
    'dcogc-post-eviction-records-public-access-page',
    'fas-memo-surveillance-reform-strategy-page',
  ],
  'the person a byline’s fields name beside the date is the author ("Fritz Mulhauser | May 24, 2021", "Text by Ishan Sharma"; a team’s or organization’s name is none)':
    ['dcogc-post-eviction-records-public-access-page', 'fas-memo-surveillance-reform-strategy-page'],
  'a "Summary" label over the first paragraph of a text with no other headings is the page’s label, no heading': [
    'a19-hrc38-oral-statement-web',
    'fas-memo-surveillance-reform-strategy-page',
  ],
  'permalink day': ['mozilla-post-pro-net-neutrality-letter'],
  'a layout or content type naming a post (Jekyll, Hugo, Eleventy)': [
    'cato-post-reforming-fourth-amendment-jekyll',
    'panoptykon-post-obama-visit-eleventy',
  ],
  'quoted hearing name as the title, "STATEMENT OF" label': ['ftc-statement-protecting-youths-online'],
  'section number on its own line ("I." / "INTRODUCTION")': ['ftc-statement-protecting-youths-online'],
  'topic in capitals over a subtitle ("Topic: Subtitle"), witness line': ['gao-testimony-afghanistan-usaid'],
  'an e-mailed text’s mail header (From, Date, Subject) is no text: its date is the date, the headline its subject says again the title': [
    'cfa-press-data-protection-framework-email',
    'fsf-press-day-against-drm-email',
  ],
  'a deck right under the headline, right above the text, is the summary, never the title': [
    'cfa-press-data-protection-framework-email',
    'w3c-press-dnt-first-draft-page',
  ],
  'a print export’s title is the line its byline stands under; short labels above it are the page’s section ("News" / title / "by alsmith | March 18, 2022")':
    ['tor-post-tor-in-the-news-2021-print'],
  'a site generator’s dated page (a Hugo, Jekyll or Eleventy key, or one `author` as a string) with no type, layout or genre category is a post':
    ['letsencrypt-post-new-issuance-chains-hugo', 'edri-post-member-spotlight-noyb'],
  'a page’s offer of its publication’s formats ("This publication is available in the following format:") is furniture, never the title': [
    'edps-report-annual-report-2021-summary-page',
  ],
  'browser print header and footer (print date never the date)': ['knight-press-tiktok-wechat-ban', 'openmedia-press-c51-day-of-action'],
  'standfirst under the title is the summary (cut by the page title, or closed by a date line or by a heading over a blank line)': [
    'knight-press-tiktok-wechat-ban',
    'openmedia-press-c51-day-of-action',
    'org-briefing-osb-second-reading',
  ],
  'hearing cover block ("Statement of" / witness / "Before the" / "On" topic): topic as title, witness as author': [
    'consumerreports-testimony-brookman-ny-privacy',
    'ntia-testimony-redl-reauthorization',
    'upturn-testimony-eviction-record-sealing',
  ],
  'page head set flush left and right on a one-page text ("Federal Communications Commission      FCC 17-166")': [
    'fcc-statement-orielly-restoring-internet-freedom',
  ],
  'a wordmark over a genre label is no title; a title block ends in its date line': ['liberty-press-see-you-in-court'],
  'saved page: links to the neighbouring pages around the title; sentence-case section headings': ['bof-dossier-dragnet-surveillance-page'],
  'saved page: appeals for support are furniture and make it a post; a capitals topic before the title re-cased; the quotation under a lead-in that repeats the title is the summary':
    ['statewatch-news-data-retention-letter-page'],
  'a page builder\'s shortcodes leaked into a saved page ("[vc_row css=…]") are markup; a labelled pull quote ("State of Play: “…”") is no summary':
    ['independentsector-brief-internet-expansion-page'],
  'a saved page\'s title with the site\'s name after it ("Headline – National Consumers League"), the name said again in the text': [
    'ncl-press-ttb-alcohol-labeling-page',
  ],
  'a page copied without line breaks between its blocks ("… Mar 2, 2023The House …", "… America.WASHINGTON, D.C.—"); one-sentence paragraphs above the dateline are the page\'s (a caption)':
    ['techpolicy-post-privacy-hearing-transcript-page', 'commerce-statement-rockefeller-privacy-hearing-page'],
  'a byline of a name and the date after a comma ("Lawrence Lessig, December 16th, 2014", "Defend the Defenders, November 7, 2019"); the one indented line at the top is a picture\'s caption':
    ['cc-post-happy-birthday-lessig-page', 'dtd-post-appeal-nguyen-ngoc-anh-weasyprint'],
  "a byline under the title (a name and the date) signs a blog's article: a post, unless a dateline or a press office's furniture (a media line, spokespeople available for interview) shows a press release":
    [
      'cc-post-happy-birthday-lessig-page',
      'dtd-post-appeal-nguyen-ngoc-anh-weasyprint',
      'techpolicy-post-privacy-hearing-transcript-page',
      'bbw-press-met-facial-recognition-shops',
    ],
  'a government site\'s banner ("An official website of the United States government" / "Here\'s how you know" / …) and a site label set as a one-item list ("• Press Release") are the page\'s; "et al." stays in lower case in a title':
    ['fec-press-court-opinions-clc-page'],
  'a picture\'s credit on a line of its own ("Photo Credit: Getty", "Image: CC Licensed …") is furniture': [
    'cei-comments-merger-guideline-revisions-page',
    'drw-report-state-of-digital-rights-pdftext',
  ],
  'a filing\'s labelled dates: "Comment Submitted:" is the date, "Comment Period Closes:" is no date and no title; "Docket No. …" is no heading':
    ['cei-comments-merger-guideline-revisions-page'],
  'a dateline whose dash the page lost ("WASHINGTONThe …") is no part of the summary; a contact\'s hidden e-mail ("[email protected]") is no role':
    ['lccr-press-civil-rights-priorities-page'],
  "a page that carries a letter: the letter's date line in the body is the date; an inside address with a long position line stays lines": [
    'occ-letter-guidelines-modernization-page',
  ],
  "a document viewer's title and \"Page 1\" over the cover's title: the cover's title is kept, the title with the year heading page 2 is a running header":
    ['drw-report-state-of-digital-rights-pdftext'],
  'a button\'s words above the title ("View Original", "Skip to main content", "Donate") are the page\'s; a filing\'s formal name under a news headline ("Response by … to the Request by …") is no summary':
    ['omi-press-merger-enforcement-comment-amp', 'eff-press-digital-books-checklist-2010'],
  'a letter\'s inside address with no honorific is whom it is to when its date, subject line and "Dear …" follow (an Australian "Canberra ACT 2600" is a city line); a letterhead\'s tagline in tracked capitals and its name with a legal suffix ("… Inc.") are no title: the subject line is':
    ['efa-letter-data-retention-submission'],
  'the organization\'s name whose site leaves out its last word ("Common Sense Media" for commonsense.org) is letterhead, under a title too':
    ['commonsense-statement-privacy-bill-committee-vote'],
  'a speaker\'s label on its own line ("Prepared Statement of:") starts who speaks: no part of the title above it, the name under it the author; a centred first line is no caption':
    ['commonsense-testimony-simpson-privacy-caucus'],
  'a table of contents is removed: a "Contents" line over its entries up to the section its first entry names, or a contents list run into one line with its page numbers':
    ['ccla-submission-bill-c59-toc', 'drw-report-state-of-digital-rights-pdftext'],
  'a cover\'s title line run on into the organization\'s name and the date ("… matters" / "Canadian Civil Liberties Association, January 2018"): the date is the text\'s, neither is the title\'s':
    ['ccla-submission-bill-c59-toc'],
  'a headline that starts with its date and a dash ("March 22, 2017 - Privacy Center\'s …"): the date is the text\'s, the rest the title': [
    'georgetown-post-bedoya-testifies-page',
  ],
  'a dateline\'s place on a line of its own over the date line ("Abuja, Nigeria") and a theme\'s byline with no name ("By | Press Release") are no title and no heading':
    ['paradigm-press-liberia-disruption-page'],
  'a saved page’s headline with its day’s date right under it or in front of it, nothing above it but the site’s furniture, in paragraphs a line each, and no press office, letter, hearing or printed pages in its text: a site’s article (a post)':
    ['quillon-post-ico-fines-comment-page', 'georgetown-post-bedoya-testifies-page'],
  'a document’s summary label opening the text ("Summary", "Key Points") makes a byline no blog’s: a brief': [
    'fas-memo-surveillance-reform-strategy-page',
  ],
  'a short line ending in a colon announces what follows, no heading: a field\'s label over its value ("Date:" / "October 26, 2012"), a speaker\'s over what was said ("Rep. Gus Bilirakis (R-FL):")':
    ['brennan-memo-pclob-agenda', 'techpolicy-post-privacy-hearing-transcript-page'],
  "a page's title said again under it by the text's own headline broken over lines: the one line is the title (the site's label right over it goes), the repetition goes; a genre label heading a group under it (\"Press Release\") is no heading (ALA's is right but for its case)":
    ['europrivacy-press-seal-approved-page', 'ala-press-patriot-oversight-hearing'],
  'a contact block whose lines a saved page sets apart with blank lines ("Contact: NAME" / "" / role / "" / phone / "" / e-mail): the role is the contact\'s, no heading':
    ['ala-press-patriot-oversight-hearing'],
  'a newsletter’s name for its issue ("IFF\'s September Newsletter", "Supporter Newsletter: September 2018") is the title over its first story’s headline, makes a post, and gives its month as the date':
    ['iff-post-september-newsletter-substack', 'org-post-supporter-newsletter-september-2018-page'],
  'sections set apart by blank lines in a text of paragraphs a line each (none between a section’s paragraphs): a section’s first short line is its heading, the lines under it its text':
    ['iff-post-september-newsletter-substack'],
  'a text’s one-sentence lead above its first sentence-case section heading': ['org-post-supporter-newsletter-september-2018-page'],
  'a theme\'s byline on a line of its own under the title ("By Juliet Nanfuka |" with its date field empty, "Article by Fair Trials"): its person is the author, the organization the title names signs no one, and the byline makes a post':
    ['cipesa-post-zimbabwe-shutdown-call-page', 'fairtrials-post-europol-frontex-page'],
  'a witness line with no position after the name ("Testimony of Peter Swire", "Testimony of Alexandra Reeve Givens") names the author': [
    'cap-testimony-swire-information-resellers-page',
    'cdt-testimony-givens-privacy-standard',
  ],
  'a date line whose other field names the kind of document ("Press Release | February 22, 2017") is the page\'s label and date, no byline':
    ['rcfp-press-first-month-statement-page'],
  'a line cut where its link was ("The full letter is available at") is no heading': ['pen-press-writers-nsa-reform-page'],
  'a letter\'s reference lines under its "Dear …" are no title when a title stands above its inside address; the address goes on after a blank line with its post town in capitals ("Parliament Buildings WELLINGTON")':
    ['internetnz-submission-commerce-petitions-page'],
  'numbered paragraphs ("1. InternetNZ appreciates …"): the first opens the text (the summary), and a line between two whose numbers go on ("4." … "5.") is a section heading':
    ['internetnz-submission-commerce-petitions-page'],
  'a page\'s download line ("Read the full testimony (PDF)") is the site\'s; a sentence ending in a full stop inside its closing quotation mark is no title':
    ['cap-testimony-swire-information-resellers-page'],
  'a heading may start with a name written in lower case with capitals in it ("auDA’s role", "auDA’s stakeholders")': [
    'auda-submission-privacy-act-review-page',
  ],
  'a document\'s first section ("Introduction") under the title is its heading, never a link to a neighbouring page; "Policy submission" over the title is the site\'s section':
    ['which-submission-national-data-strategy-page'],
  'a letter\'s subject set as a sentence right above its "Dear …" (no "Re:") is its title, without its full stop; a logo\'s words in lower case run into the letterhead\'s address lines ("citizens 200 Aldersgate Street", "advice London EC1A 4HD") leave them address lines':
    ['citizensadvice-response-dcms-data-reform-pdftext'],
  'a person’s name alone above the headline, said nowhere else in a paragraph-a-line page ("Brian Sims" / headline), is its byline: the author, and a post':
    ['securitymatters-post-ico-cabinet-office-fine-page'],
  'a capitals lead-in ("THE INFORMATION Commissioner has …") is written in the text’s case in the summary': [
    'securitymatters-post-ico-cabinet-office-fine-page',
  ],
  'a picture’s text in lower case glued to a paragraph’s first word ("which oneThe Information …") is split off it (rule glued-blocks), no summary':
    ['decisionmarketing-post-ico-which-investigation-page'],
  'a contact label its lost link left empty ("CONTACT: , 310-392-7041", "Media Contacts" alone) is the page\'s, no title and no heading': [
    'consumerwatchdog-press-attorneys-general-google-page',
    'uspirg-statement-data-breach-act-page',
  ],
  'a button\'s word alone on its line ("• Share") is the page\'s; a dateline\'s place of two words in capitals ("SANTA MONICA, CA —") is never read as a place glued to its first word':
    ['consumerwatchdog-press-attorneys-general-google-page'],
  'a sentence that leads in to what follows and ends in a colon ("Responding to the Bill, …, said:") is no title': [
    'fullfact-post-online-safety-bill-statement-page',
  ],
  'a document host\'s furniture ("Download as pdf or txt", "You are on page 1of 2", "You might also like") is the host\'s; an addressee\'s "The Honorable …" is never the title; an inside address goes on in a group that ends in its city line, two columns\' run together':
    ['coalition-letter-702-funding-bill-scribd'],
  'in a page set a paragraph a line with no blank line anywhere, each line above the date line is a title candidate of its own': [
    'cla-letter-ccpa-regulations-page',
  ],
  'a filing\'s caption (short lines, one of them its docket or RIN number) stays as lines, never headings; a category label ("Advocacy Comments") under the title is a document label':
    ['prc-comments-commerce-green-paper-page'],
  'navigation every page has ("skip to Main Content") is no site furniture that makes a page an article; a topic in capitals before a colon that the title above names ("Data Privacy" over "PRIVACY: What is the issue?") is the first section\'s heading':
    ['tnpa-brief-data-privacy-issue-page'],
  'a testimony\'s cover with a committee\'s name and "Public Hearing on" its topic, the date at the topic\'s end, two witnesses ("NAME, Position, and" / "NAME, Position, Organization"), and a "Dear …" wrapped over three lines under it: the salutation is a group and a paragraph of its own':
    ['upturn-testimony-eviction-record-sealing'],
};
const WANTING = new Set([
  'navigation every page has ("skip to Main Content") is no site furniture that makes a page an article; a topic in capitals before a colon that the title above names ("Data Privacy" over "PRIVACY: What is the issue?") is the first section\'s heading',
  'a person’s name alone above the headline, said nowhere else in a paragraph-a-line page ("Brian Sims" / headline), is its byline: the author, and a post',
  'a capitals lead-in ("THE INFORMATION Commissioner has …") is written in the text’s case in the summary',
  'a picture’s text in lower case glued to a paragraph’s first word ("which oneThe Information …") is split off it (rule glued-blocks), no summary',
  'a button\'s word alone on its line ("• Share") is the page\'s; a dateline\'s place of two words in capitals ("SANTA MONICA, CA —") is never read as a place glued to its first word',
  'a sentence that leads in to what follows and ends in a colon ("Responding to the Bill, …, said:") is no title',
  'a document host\'s furniture ("Download as pdf or txt", "You are on page 1of 2", "You might also like") is the host\'s; an addressee\'s "The Honorable …" is never the title; an inside address goes on in a group that ends in its city line, two columns\' run together',
  'in a page set a paragraph a line with no blank line anywhere, each line above the date line is a title candidate of its own',
  'a filing\'s caption (short lines, one of them its docket or RIN number) stays as lines, never headings; a category label ("Advocacy Comments") under the title is a document label',
  'a testimony\'s cover with a committee\'s name and "Public Hearing on" its topic, the date at the topic\'s end, two witnesses ("NAME, Position, and" / "NAME, Position, Organization"), and a "Dear …" wrapped over three lines under it: the salutation is a group and a paragraph of its own',
  'sections set apart by blank lines in a text of paragraphs a line each (none between a section’s paragraphs): a section’s first short line is its heading, the lines under it its text',
  'a text’s one-sentence lead above its first sentence-case section heading',
  'a letter\'s subject set as a sentence right above its "Dear …" (no "Re:") is its title, without its full stop; a logo\'s words in lower case run into the letterhead\'s address lines ("citizens 200 Aldersgate Street", "advice London EC1A 4HD") leave them address lines',
  'a document\'s first section ("Introduction") under the title is its heading, never a link to a neighbouring page; "Policy submission" over the title is the site\'s section',
  'a document’s summary label opening the text ("Summary", "Key Points") makes a byline no blog’s: a brief',
  'a contact block whose lines a saved page sets apart with blank lines ("Contact: NAME" / "" / role / "" / phone / "" / e-mail): the role is the contact\'s, no heading',
  'a date line whose other field names the kind of document ("Press Release | February 22, 2017") is the page\'s label and date, no byline',
  'a line cut where its link was ("The full letter is available at") is no heading',
  'a letter\'s reference lines under its "Dear …" are no title when a title stands above its inside address; the address goes on after a blank line with its post town in capitals ("Parliament Buildings WELLINGTON")',
  'numbered paragraphs ("1. InternetNZ appreciates …"): the first opens the text (the summary), and a line between two whose numbers go on ("4." … "5.") is a section heading',
  'a page\'s download line ("Read the full testimony (PDF)") is the site\'s; a sentence ending in a full stop inside its closing quotation mark is no title',
  'a heading may start with a name written in lower case with capitals in it ("auDA’s role", "auDA’s stakeholders")',
  'a headline that starts with its date and a dash ("March 22, 2017 - Privacy Center\'s …"): the date is the text\'s, the rest the title',
  'a dateline\'s place on a line of its own over the date line ("Abuja, Nigeria") and a theme\'s byline with no name ("By | Press Release") are no title and no heading',
  'a cover\'s title line run on into the organization\'s name and the date ("… matters" / "Canadian Civil Liberties Association, January 2018"): the date is the text\'s, neither is the title\'s',
  'a picture’s caption closed by its credit ("“Spock Monroe” by Ludovic Bertron, freely licensed under CC-by-2.0.", "Photo: …") is no summary',
  'the byline’s bio of its author ("Steven G. Bradbury is a Distinguished Fellow at …") is no summary',
  'a government site\'s banner ("An official website of the United States government" / "Here\'s how you know" / …) and a site label set as a one-item list ("• Press Release") are the page\'s; "et al." stays in lower case in a title',
  'a filing\'s labelled dates: "Comment Submitted:" is the date, "Comment Period Closes:" is no date and no title; "Docket No. …" is no heading',
  'a dateline whose dash the page lost ("WASHINGTONThe …") is no part of the summary; a contact\'s hidden e-mail ("[email protected]") is no role',
  "a page that carries a letter: the letter's date line in the body is the date; an inside address with a long position line stays lines",
  "a document viewer's title and \"Page 1\" over the cover's title: the cover's title is kept, the title with the year heading page 2 is a running header",
  'the organization\'s name whose site leaves out its last word ("Common Sense Media" for commonsense.org) is letterhead, under a title too',
  'a speaker\'s label on its own line ("Prepared Statement of:") starts who speaks: no part of the title above it, the name under it the author; a centred first line is no caption',
  'a letter\'s inside address with no honorific is whom it is to when its date, subject line and "Dear …" follow (an Australian "Canberra ACT 2600" is a city line); a letterhead\'s tagline in tracked capitals and its name with a legal suffix ("… Inc.") are no title: the subject line is',
  'a page’s offer of its publication’s formats ("This publication is available in the following format:") is furniture, never the title',
  'a print export’s title is the line its byline stands under; short labels above it are the page’s section ("News" / title / "by alsmith | March 18, 2022")',
  'a cover: a logo broken into letter fragments, a line in parentheses and an "About the …" section are no title; a lone page number over lines repeating the cover heads a page',
  'a name over its position under the title is the author, never the title ("Chris Jaikaran" / "Analyst in Cybersecurity Policy"); a .gov site names its owner',
  'particle capitals',
  'permalink day',
  'quoted hearing name as the title, "STATEMENT OF" label',
  'section number on its own line ("I." / "INTRODUCTION")',
  'topic in capitals over a subtitle ("Topic: Subtitle"), witness line',
  'page head set flush left and right on a one-page text ("Federal Communications Commission      FCC 17-166")',
  'a wordmark over a genre label is no title; a title block ends in its date line',
  'saved page: links to the neighbouring pages around the title; sentence-case section headings',
  'saved page: appeals for support are furniture and make it a post; a capitals topic before the title re-cased; the quotation under a lead-in that repeats the title is the summary',
  'a page builder\'s shortcodes leaked into a saved page ("[vc_row css=…]") are markup; a labelled pull quote ("State of Play: “…”") is no summary',
  'a saved page\'s title with the site\'s name after it ("Headline – National Consumers League"), the name said again in the text',
]);

const organizationOf = (name: string) => /^- organization: (.+)$/m.exec(readFileSync(path.join(root, name, 'SOURCE.md'), 'utf8'))?.[1];

describe('the corpus, as a careful editor wants it', () => {
  const results = new Map(cases.map((name) => [name, differences(name)]));

  it('has 40 or more real texts from 10 or more organizations', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const organizations = new Set(cases.map(organizationOf));
    expect(organizations.size).toBeGreaterThanOrEqual(10);
  });

  it('shows each mechanism on real texts of two organizations or more', () => {
    for (const [mechanism, names] of Object.entries(MECHANISMS)) {
      for (const name of names) expect(cases, `${mechanism}: ${name}`).toContain(name);
      const organizations = new Set(names.map(organizationOf));
      if (WANTING.has(mechanism)) expect(organizations.size, `${mechanism} has a second organization now: take it out of WANTING`).toBe(1);
      else expect(organizations.size, mechanism).toBeGreaterThanOrEqual(2);
    }
  });

  it('keeps every approved case as the editor wants it', () => {
    for (const name of approved) expect(results.get(name), name).toEqual([]);
  });

  it('lists every case that comes out right as approved (so that it cannot regress unnoticed)', () => {
    const right = [...results].filter(([, diff]) => diff.length === 0).map(([name]) => name);
    expect(right.filter((name) => !approved.includes(name))).toEqual([]);
  });
});
