/** The general rules of the normalizer, each on texts unlike the seeds. */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { normalize } from '../../scripts/normalize/index.js';
import { fixOcrIll } from '../../scripts/normalize/rules/ocr-ill.js';
import { parseBylineDate, parseDateLine, findDate } from '../../scripts/normalize/text/dates.js';
import { acronymEvidence, toTitleCase } from '../../scripts/normalize/text/title-case.js';
import { keepHyphen, vocabulary } from '../../scripts/normalize/rules/dehyphenate.js';
import { letterheadShape } from '../../scripts/normalize/text/letterhead.js';
import { repairMojibake } from '../../scripts/normalize/rules/repair-mojibake.js';
import { contactsIn } from '../../scripts/normalize/text/contacts.js';
import { slugFor } from '../../scripts/normalize/text/slug.js';
import { fixExtractionCharacters } from '../../scripts/normalize/rules/extraction-characters.js';
import { removeShortcodes } from '../../scripts/normalize/rules/web-shortcodes.js';
import { splitGluedBlocks } from '../../scripts/normalize/rules/glued-blocks.js';
import { witnessName } from '../../scripts/normalize/text/witness.js';
import { endsInPictureCredit, isSummaryText, sentences, summarize, withoutPlaceDash } from '../../scripts/normalize/text/summary.js';
import { findWebFurniture, isImageCredit } from '../../scripts/normalize/text/web-furniture.js';
import * as tableOfContents from '../../scripts/normalize/rules/table-of-contents.js';
import { inTextOrder, numericDateOrder, parseMonthLine } from '../../scripts/normalize/text/dates.js';
import { referenceLine } from '../../scripts/normalize/plain-text/top.js';
import * as documentLabel from '../../scripts/normalize/rules/document-label.js';
import * as endMark from '../../scripts/normalize/rules/end-mark.js';
import * as siteSection from '../../scripts/normalize/rules/site-section.js';
import { bylineFieldNames } from '../../scripts/normalize/plain-text/letter-lines.js';
import { contactBlock } from '../../scripts/normalize/text/contacts.js';
import * as runningHeader from '../../scripts/normalize/rules/running-header.js';
import { toLines } from '../../scripts/normalize/text/source-lines.js';

describe('ocr-ill', () => {
  it.each([
    ['ITU III-Suited to Regulate Cybersecurity', 'ITU Ill-Suited to Regulate Cybersecurity'],
    ['an III-advised plan', 'an Ill-advised plan'],
    ['III-equipped agencies struggle.', 'Ill-equipped agencies struggle.'],
    ['the agency is III prepared for it', 'the agency is Ill prepared for it'],
  ])('fixes %s', (input, output) => expect(fixOcrIll(input).text).toBe(output));
  it.each(['World War III', 'Title III of the Act', 'Title III-funded programs', 'after World War III-era planning', 'Phase III trials'])(
    'keeps %s',
    (input) => expect(fixOcrIll(input).text).toBe(input),
  );
});

describe('dates', () => {
  it.each([
    ['October 4, 2012', '2012-10-04'],
    ['Oct. 4, 2012', '2012-10-04'],
    ['4 October 2012', '2012-10-04'],
    ['9th June, 2021', '2021-06-09'],
    ['2012-10-04', '2012-10-04'],
    ['Posted on March 5th, 2013', '2013-03-05'],
    ['Updated: Tuesday, May 21, 2013', '2013-05-21'],
    ['Sept. 12, 2013', '2013-09-12'],
    ['12 Sept 2013', '2013-09-12'],
    ['Updated: 03/15/2013', '2013-03-15'],
    ['Posted: Tuesday, May 1, 2012', '2012-05-01'],
  ])('reads %s', (line, iso) => expect(parseDateLine(line)?.iso).toBe(iso));
  it.each(['Suite 1100', 'June 2012', '202-637-9800', 'The bill passed on October 4, 2012, by a wide margin.', '1634'])(
    'is strict about %s',
    (line) => expect(parseDateLine(line)).toBeUndefined(),
  );
  it('finds a dateline inside a paragraph', () =>
    expect(findDate('WASHINGTON – January 15, 2020 – The coalition')?.iso).toBe('2020-01-15'));
});

describe('title case', () => {
  const body = 'The Federal Communications Commission (FCC) and the NTIA disagree about the ITRs and about iPhone apps in the U.S.';
  it('keeps acronyms the body writes in capitals and lower-cases minor words', () => {
    expect(toTitleCase('FCC AND NTIA CLASH OVER THE ITRS AND IPHONE APPS', acronymEvidence(body))).toBe(
      'FCC and NTIA Clash Over the ITRs and iPhone Apps',
    );
  });
  it('keeps dotted abbreviations, numbers and Roman numerals', () => {
    expect(toTitleCase('U.S. POLICY ON G20 TRADE AFTER TITLE III', new Map())).toBe('U.S. Policy on G20 Trade After Title III');
  });
  it('leaves mixed-case text alone', () => expect(toTitleCase('Why It Matters', new Map())).toBe('Why It Matters'));
});

describe('dehyphenate', () => {
  const words = vocabulary('policy making stakeholder based internet telecommunications');
  it('joins split words and keeps compounds', () => {
    expect(keepHyphen('tele', 'communications', words)).toBe(false);
    expect(keepHyphen('multi', 'stakeholder', words)).toBe(true);
    expect(keepHyphen('policy', 'making', words)).toBe(true);
    expect(keepHyphen('gov', 'ernment', words)).toBe(false);
  });
  it('does not take the halves of a hyphenated word for words of the text', () => {
    const text = 'law enforce-\nment agencies';
    expect(vocabulary(text).has('enforce')).toBe(false);
    expect(keepHyphen('enforce', 'ment', vocabulary(text))).toBe(false);
  });
});

describe('extraction-characters', () => {
  it('replaces ligatures, drops inner soft hyphens, keeps one at a line end', () => {
    expect(fixExtractionCharacters('the o\ufb03ce \ufb02ags reason\u00adable busi\u00ad\nness').text).toBe(
      'the office flags reasonable busi\u00ad\nness',
    );
  });
  it('turns a non-breaking space between words into a space', () =>
    expect(fixExtractionCharacters('with\u00a0a court').text).toBe('with a court'));
});

describe('web-shortcodes', () => {
  it.each([
    ['[vc_row css=”.vc_custom_1{padding-top: 40px !important;}”][vc_column][vc_column_text] There Are Divides', ' There Are Divides'],
    ['[/vc_column_text][/vc_column][/vc_row]', ''],
    ['[et_pb_section fb_built="1"][et_pb_text]Text[/et_pb_text]', 'Text'],
    ['[caption id="attachment_12" align="alignright" width="300"] The minister speaks.[/caption]', ' The minister speaks.'],
  ])('removes the shortcodes of %s', (input, output) => {
    const result = removeShortcodes(input);
    expect(result.text).toBe(output);
    expect(result.removed.map((r) => r.text).join('').length + output.length).toBe(input.length);
  });
  it.each(['He said [sic] so.', 'reforms[12] and [^3]', '[Read more]', '[PDF]', '[caption] is a word here', '[1] https://example.org/a_b'])(
    'keeps %s',
    (input) => expect(removeShortcodes(input).text).toBe(input),
  );
});

describe('byline fields', () => {
  it('reads the date beside a reading time, and the person a "Text by" field names', () => {
    expect(parseBylineDate('02.19.21 | 1 min read | Text by Ishan Sharma')?.iso).toBe('2021-02-19');
    expect(bylineFieldNames('02.19.21 | 1 min read | Text by Alex Marthews & Catherine Tucker')).toEqual([
      'Alex Marthews',
      'Catherine Tucker',
    ]);
    expect(bylineFieldNames('May 24, 2021 | Words by Editorial Team')).toBeUndefined();
  });
});

describe('a byline with the date after a comma', () => {
  it.each([
    ['Lawrence Lessig, December 16th, 2014', '2014-12-16'],
    ['Defend the Defenders, November 7, 2019', '2019-11-07'],
    ['Brussels, 12 March 2014', '2014-03-12'],
  ])('reads %s', (line, iso) => expect(parseBylineDate(line)?.iso).toBe(iso));
  it.each(['Washington, D.C., December 3, 2014 – The bill passed today', 'Section 3, December 2014 report', 'We met on December 3, 2014'])(
    'reads no byline in %s',
    (line) => expect(parseBylineDate(line)).toBeUndefined(),
  );
});

describe('glued-blocks', () => {
  it.each([
    [
      'Justin Hendrix / Mar 2, 2023The House Energy and Commerce Subcommittee hosted',
      'Justin Hendrix / Mar 2, 2023\nThe House Energy and Commerce Subcommittee hosted',
    ],
    [
      'manufacturing in America.WASHINGTON, D.C.—This is the third hearing',
      'manufacturing in America.\nWASHINGTON, D.C.—This is the third hearing',
    ],
  ])('puts a line break at the seam of %s', (input, output) => expect(splitGluedBlocks(input).text).toBe(output));
  it.each([
    'In 2023 The House voted.',
    'the 2023/2024 Budget',
    'COVID-2019Virus',
    'He said so.WASHINGTON is a city',
    'See U.S.A.—the report',
    'since 2019.Then',
  ])('keeps %s', (input) => expect(splitGluedBlocks(input).text).toBe(input));
});

describe('who speaks', () => {
  it.each([
    ['Opening Statement – John D. (Jay) Rockefeller IV, Chairman', 'John D. (Jay) Rockefeller IV'],
    ['Statement of Charles Michael Johnson Jr., Director', 'Charles Michael Johnson Jr.'],
    ['Opening statement by Philippe Dufresne Privacy Commissioner of Canada', 'Philippe Dufresne'],
    ['Statement of Principles', undefined],
    ['Remarks – Protecting Consumers Online', undefined],
  ])('reads %s', (line, name) => expect(witnessName(line)).toBe(name));
});

describe('sentences and summaries', () => {
  it.each([
    ['It was approved under art. 42 (5) GDPR. It applies.', 'It was approved under art. 42 (5) GDPR.'],
    ['See para. 3 of the ruling. Then more.', 'See para. 3 of the ruling.'],
    ['The senator asked Sec. Locke about it. Then more.', 'The senator asked Sec. Locke about it.'],
    ['It ended. 42 people came.', 'It ended.'],
  ])('finds the first sentence of %s', (input, first) => expect(sentences(input)[0]).toBe(first));
  it('takes a labelled pull quote for no summary', () => {
    expect(isSummaryText('State of Play: “The debate on whether internet access is a luxury or an essential component is over.”')).toBe(
      false,
    );
    expect(isSummaryText('The debate on whether internet access is a luxury or an essential component is over, the groups said.')).toBe(
      true,
    );
  });
  it.each([
    'Imagine a world where everyone can freely access knowledge. “Spock Monroe” by Ludovic Bertron, freely licensed under CC-by-2.0.',
    'Protesters outside the court in Hanoi. Photo: Jane Doe/Reuters.',
    'The Commissioner at the hearing. Photograph by John Smith.',
    'Image courtesy of Gerhard Altmann/Pixabay.',
  ])('takes a caption closed by its picture’s credit for no summary: %s', (text) => {
    expect(endsInPictureCredit(text)).toBe(true);
    expect(isSummaryText(text)).toBe(false);
  });
  it.each([
    'Creative Commons released version 4.0 of its licenses today, and every work licensed under CC BY 4.0 can be shared.',
    'The photo agency sued the platform over its use of pictures taken by its staff photographers.',
  ])('keeps running text that names licences or photos: %s', (text) => expect(isSummaryText(text)).toBe(true));
  it('keeps a long lead-in whole with the first sentence of the quotation it leads in to, and cuts a long sentence', () => {
    const lead = `Today, ${'the chair of the committee and '.repeat(12)}the ranking member issued the following statement:`;
    const quote = `“It is incumbent upon Congress, ${'not the Executive Branch, '.repeat(8)}to codify reforms.`;
    expect(summarize(`${lead} ${quote}`)).toBe(`${lead} ${quote}`);
    const long = `Today ${'the chair of the committee and '.repeat(20)}the ranking member met.`;
    expect(summarize(long)).toMatch(/^Today the chair .{400,500}…$/u);
  });
});

describe('month-only date lines', () => {
  it.each([
    ['March 2013', '2013-03-01'],
    ['Sept. 2013', '2013-09-01'],
    ['Updated: September 2013', '2013-09-01'],
  ])('reads %s as the first of the month', (line, iso) => expect(parseMonthLine(line)?.iso).toBe(iso));
  it.each(['Marching 2013', 'In March 2013 the bill passed', 'Suite 2013'])('leaves %s', (line) =>
    expect(parseMonthLine(line)).toBeUndefined(),
  );
});

describe('letterhead shapes', () => {
  it.each([
    ['Tel. (020) 7946 0958', 'letterhead-phone'],
    ['Fax: 202.555.0100', 'letterhead-phone'],
    ['Email: press@example.org', 'letterhead-email'],
    ['www.example.org', 'letterhead-web'],
    ['10 Downing Street', 'letterhead-address'],
    ['Washington, D.C. 20036', 'letterhead-address'],
    ['P.O. Box 1234', 'letterhead-address'],
    ['info@x.org | 202-555-0187 | 1501 K Street NW, Washington, DC 20005', 'letterhead-email'],
  ])('%s → %s', (line, id) => expect(letterheadShape(line)).toBe(id));
  it.each(['The treaty was signed in 2012.', 'Key Points', '3 Steps to Reform'])('leaves %s', (line) =>
    expect(letterheadShape(line)).toBeUndefined(),
  );
});

describe('other rules', () => {
  it('repairs mojibake but leaves accented text', () => {
    expect(repairMojibake('Itâ€™s a cafÃ© â€“ naïve résumé').text).toBe('It’s a café – naïve résumé');
  });
  it('parses contacts in several shapes', () => {
    expect(contactsIn('For details, contact Ana Lima (Senior Fellow) at alima@example.org or Bo Chen, bchen@example.org.')).toEqual([
      { name: 'Ana Lima', role: 'Senior Fellow', email: 'alima@example.org' },
      { name: 'Bo Chen', email: 'bchen@example.org' },
    ]);
  });
  it('makes ASCII slugs', () => expect(slugFor('Über-Regulierung: Llansó & the ITU')).toBe('ueber-regulierung-llanso-and-the-itu'));
});

describe('document labels, end marks, contact blocks', () => {
  it.each([
    'FOR IMMEDIATE RELEASE',
    'Fact Sheet',
    'Policy One-Pager No. 14',
    'ISSUE BRIEF #3',
    'Media Advisory',
    'Embargoed until 10 a.m. EST',
    'White Paper, 2013',
  ])('%s is a label', (line) => expect(documentLabel.test(line)).toBe(true));
  it.each(['Testimony of Dr. Rebecca Hale', 'Briefing the New Congress on Spectrum', 'Key Points'])('%s is no label', (line) =>
    expect(documentLabel.test(line)).toBe(false),
  );
  it.each(['Posts', 'Press Releases', 'Press Room', 'News', 'Newsroom', 'In the News'])('%s names a site’s section', (line) =>
    expect(siteSection.test(line)).toBe(true),
  );
  // A blog's section is read by its own rule (it makes the text a post); a heading is no section.
  it.each(['Deeplinks Blog', 'Blog Posts', 'News from the Hill', 'Key Points'])('%s is no section name', (line) =>
    expect(siteSection.test(line)).toBe(false),
  );
  it.each(['###', '# # #', '-30-', '- END -', 'ENDS'])('%s is an end mark', (line) => expect(endMark.test(line)).toBe(true));
  it.each(['## Heading', 'End', '30'])('%s is no end mark', (line) => expect(endMark.test(line)).toBe(false));
  it('reads people, roles, phones and e-mails from a contact block', () => {
    expect(
      contactBlock([
        '',
        'Priya Raman',
        'Communications Director',
        '(415) 555-0123',
        'praman@example.org',
        'Luis Ortega, 415-555-0199, lortega@example.org',
      ]),
    ).toEqual([
      { name: 'Priya Raman', role: 'Communications Director', email: 'praman@example.org' },
      { name: 'Luis Ortega', email: 'lortega@example.org' },
    ]);
  });
});

describe('running headers without form feeds', () => {
  const find = (text: string) => [...runningHeader.find(toLines(text), () => false)];
  it('takes a line repeated twice with its page number', () => {
    expect(find('Intro text here.\nAcme Institute | Brief     - 2 -\nMore text.\nAcme Institute | Brief     - 3 -\nEnd.')).toEqual([1, 3]);
  });
  it('takes a line repeated twice with running-head separators', () =>
    expect(find('a text\nAcme | Issue Brief\nb text\nAcme | Issue Brief')).toEqual([1, 3]));
  it('leaves numbered headings and a line said twice', () => {
    expect(find('Recommendation 1\ntext\nRecommendation 2\ntext')).toEqual([]);
    expect(find('Key Points\ntext\nKey Points\ntext')).toEqual([]);
  });
});

describe('contact sentences', () => {
  it('finds the name before "of" in a passive sentence', () => {
    expect(contactsIn("Questions may be sent to Luis Ortega of the Center's policy team at lortega@example.org.")).toEqual([
      { name: 'Luis Ortega', role: "Center's policy team", email: 'lortega@example.org' },
    ]);
  });
});

describe('numeric dates that read either way, and reference numbers over a title', () => {
  it.each([
    ['Contact: John Phelan +32 (0)2 789 24 01\n12/03/2014', 'day-first'],
    ['Posted 25/03/2014. Updated 12/04/2014.', 'day-first'],
    ['Updated: 03/25/2014', 'month-first'],
    ['Dated 19th January 2015; see also 12 March 2014.', 'day-first'],
    ['On March 12, 2014 the Senate voted.', 'month-first'],
    ['Press: (202) 555-0155', 'month-first'],
    ['Call +1 202 555 0155', 'month-first'],
    ['Nothing to go by: 12/03/2014', undefined],
  ])('reads the order of %j as %s', (text, order) => expect(numericDateOrder(text)).toBe(order));

  it('turns an ambiguous date around only when the text is day-first', () => {
    const found = { iso: '2014-12-03', index: 0, text: '12/03/2014' };
    expect(inTextOrder(found, 'day-first').iso).toBe('2014-03-12');
    expect(inTextOrder(found, 'month-first').iso).toBe('2014-12-03');
    expect(inTextOrder(found, undefined).iso).toBe('2014-12-03');
    expect(inTextOrder({ iso: '2014-03-25', index: 0, text: '03/25/2014' }, 'day-first').iso).toBe('2014-03-25');
    expect(inTextOrder({ iso: '2014-03-12', index: 0, text: 'March 12, 2014' }, 'day-first').iso).toBe('2014-03-12');
  });

  it.each(['BEUC-PR-2014-007', 'Ref No: MS20-000279', 'EDPS/2021/05', 'Reference: GAO-10-932T'])('%s is a reference number', (line) =>
    expect(referenceLine.test(line)).toBe(true),
  );
  it.each(['COVID-19', 'Europe finalising robust data protection laws', 'H.R. 3162', 'WC Docket No. 17-108', 'PRESS-RELEASE-NOW'])(
    '%s is none',
    (line) => expect(referenceLine.test(line)).toBe(false),
  );
});

describe('a page’s credits, banners and labelled dates', () => {
  it.each([
    ['Photo Credit: Getty', true],
    ['Image: CC Licensed Matt Britt/The Opte Project', true],
    ['Photo by Jane Doe on Unsplash', true],
    ['(Photo: AFP/Wakil Kohsar)', true],
    ['Photographs of the hearing are online.', false],
    ['Image rights and the law: what the bill changes for photographers and their clients', false],
  ])('%j is a picture’s credit: %s', (line, credit) => expect(isImageCredit(line)).toBe(credit));

  it('removes a government site’s banner at the top, and nothing under it', () => {
    const text = [
      'An official website of the United States government',
      'Here’s how you know',
      'The .gov means it’s official.',
      'Federal government websites often end in .gov or .mil. Before sharing sensitive information, make sure you’re on a federal government site.',
      'The site is secure.',
      'The https:// ensures that you are connecting to the official website and that any information you provide is encrypted and transmitted securely.',
      'Agency Finalizes Rule on Data Brokers',
      'The agency today finalized a rule that requires data brokers to register and to delete data on request.',
    ].join('\n\n');
    const found = findWebFurniture(toLines(text));
    const kept = toLines(text)
      .filter((l, i) => l.text.trim() && !found.has(i))
      .map((l) => l.text);
    expect(kept).toEqual([
      'Agency Finalizes Rule on Data Brokers',
      'The agency today finalized a rule that requires data brokers to register and to delete data on request.',
    ]);
  });

  it.each([
    ['Comment Submitted: April 3, 2022', '2022-04-03'],
    ['Date Filed: March 1, 2019', '2019-03-01'],
    ['Comment Period Closes: April 21, 2022', undefined],
  ])('%j gives the date %s', (line, iso) => expect(parseDateLine(line)?.iso).toBe(iso));

  it.each([
    ['WASHINGTONThe Leadership Conference wrote members of Congress.', 'The Leadership Conference wrote members of Congress.'],
    ['HTMLElement is the base of every element.', 'HTMLElement is the base of every element.'],
  ])('a dateline glued with no dash: %j', (text, summary) => expect(withoutPlaceDash(text)).toBe(summary));

  it('takes no hidden e-mail for a contact’s role', () =>
    expect(contactBlock(['Shin Inouye, 202.869.0398, [email protected]'])).toEqual([{ name: 'Shin Inouye' }]));
});

describe('a table of contents, and a numbered paragraph’s number', () => {
  it('finds a contents list run into one line, and nothing in a sentence that names contents', () => {
    expect(tableOfContents.isRunOnContents('CONTENTS 4 Foreword 6 Introduction 8 Recommendations 10 Mandatory metadata retention')).toBe(
      true,
    );
    expect(tableOfContents.isRunOnContents('Contents of the report: 3 Principles and 4 Recommendations.')).toBe(false);
  });

  it('removes a "Contents" line and its entries up to the section its first entry names', () => {
    const text = [
      'Report title',
      '',
      'Contents',
      '',
      '  1. Introduction',
      '  2. Background',
      '',
      'Annex A: Respondents',
      '',
      '1. Introduction',
      '',
      '1.1. The purpose of this report is to inform.',
    ].join('\n');
    const lines = toLines(text);
    const found = tableOfContents.find(lines, new Set());
    const kept = lines.filter((l, i) => l.text.trim() && !found.has(i)).map((l) => l.text.trim());
    expect(kept).toEqual(['Report title', '1. Introduction', '1.1. The purpose of this report is to inform.']);
  });

  it('keeps a "Contents" line whose entries name no section of the text', () => {
    const text = ['Contents', '', 'What the bill does', '', 'It requires consent before data is sold. It sets fines.'].join('\n');
    expect(tableOfContents.find(toLines(text), new Set()).size).toBe(0);
  });

  it.each([
    ['1.1. The purpose of this report is to update Parliament.', 'The purpose of this report is to update Parliament.'],
    ['2.3 We recommend a review.', 'We recommend a review.'],
    ['1.5 million people signed it.', '1.5 million people signed it.'],
  ])('summarizes %j as %j', (paragraph, first) => expect(summarize(paragraph)).toBe(first));
});

describe('an empty media-contacts label', () => {
  const read = (text: string) => normalize(new VFile({ path: 'statement.txt', value: text })).markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const body = '\n\nThe group said today that the bill is good for consumers and should pass this year without delay.\n';
  it('is the page’s when its names went with their links', () => {
    expect(read(`We Back Legislation on Breaches\n\nMedia Contacts${body}`)).not.toContain('Media Contacts');
  });
  it('stays with the contacts under it', () => {
    const out = read(`We Back Legislation on Breaches\n\nMedia Contacts\n\nJane Doe, 202-555-0100${body}`);
    expect(out).toContain('Media Contacts');
    expect(out).toContain('Jane Doe, 202-555-0100');
  });
});
