/**
 * Structure the normalizer reads from plain text by evidence, on made-up texts unlike the
 * corpus: where a paragraph really ends, a letter's own lines, the organization's name.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { normalize } from '../../scripts/normalize/index.js';
import { isNamedBySite, siteNames } from '../../scripts/normalize/rules/letterhead-organization.js';

const bodyOf = (text: string) => {
  const result = normalize(new VFile({ path: 'x.txt', value: text }));
  return { ...result, body: result.markdown.replace(/^---\n[\s\S]*?\n---\n\n/, '') };
};

const wide = (words: string) => words.padEnd(150, ' ').trimEnd();

describe('paragraphs', () => {
  it('joins lines hard-wrapped wider than usual when most of them stop mid-sentence', () => {
    const filler = 'the harbor authority agreed to publish every monitoring report it receives within thirty days of its filing and';
    const text = [
      'Harbor Report Shows Water Quality Gains',
      '',
      `Portland - The harbor authority published its annual report today, with monitoring results from all twelve stations of the`,
      `Northern Shore Network—a record that shows the water improving for the fourth year in a row and the bay reopening.`,
      wide(`Residents welcomed the report on the quality of the water in the bay, and the council asked for ${filler}`),
      wide(`to hold a hearing on the results with the fishing cooperatives of the bay before the end of the year, ${filler}`),
      `to make the data public.`,
    ].join('\n');
    const { body, data } = bodyOf(text);
    expect(body).toContain('stations of the Northern Shore Network—a record');
    expect(data.summary).toMatch(/^The harbor authority published .* Northern Shore Network—a record .* reopening\.$/);
    // "reopening." ends the line and "Residents" would have fitted after it: a new paragraph.
    expect(body).toContain('reopening.\n\nResidents welcomed');
  });

  it('keeps one paragraph per line when the lines end sentences', () => {
    const text = [
      'Budget Notes',
      '',
      wide('The council approved the budget for the coming year after a long debate on the cost of the new ferry terminal.'),
      'It also asked the harbor authority for a report on the water quality of the bay by the end of March next year.',
      'The report will be published on the council’s web site and discussed at the first meeting of the spring session.',
      'Residents may send their comments on the budget to the council’s clerk until the end of the month of January.',
    ].join('\n');
    expect(bodyOf(text).body.split('\n\n')).toHaveLength(4);
  });

  it('joins a paragraph cut after an open word ("a document from") with the one after it', () => {
    const text = [
      'Ferry Service Resumes',
      '',
      'The harbor authority said on Monday that it had received a letter from',
      '',
      'the ferry operators confirming that the service to the islands will resume in May.',
      '',
      'The council welcomed the news.',
    ].join('\n');
    const { body } = bodyOf(text);
    expect(body).toContain('a letter from the ferry operators confirming');
    expect(body).toContain('\n\nThe council welcomed the news.');
  });
});

describe('letters', () => {
  const letter = [
    'Ms Jane Smith',
    'Director of Harbors',
    'Harbor Authority',
    '12 Quay Street',
    'Portland, ME 04101',
    '2 March 2021',
    'Dear Director',
    'RE: Monitoring stations in the northern bay',
    'We write to ask the authority to restore the monitoring stations of the northern bay, closed since the storm',
    'of last winter, before the fishing season begins.',
    '',
    'Yours sincerely,',
    'The Bay Residents Association',
  ].join('\n');

  it('keeps the inside address as lines, and the salutation and subject line as paragraphs, not headings', () => {
    const { body, data } = bodyOf(letter);
    expect(body).not.toMatch(/^#/m);
    expect(body).toContain('Ms Jane Smith\\\nDirector of Harbors\\\nHarbor Authority\\\n12 Quay Street\\\nPortland, ME 04101');
    expect(body).toContain('\n\nDear Director\n\nRE: Monitoring stations in the northern bay\n\nWe write to ask');
    expect(data.date).toBe('2021-03-02');
  });

  it('takes the subject line as the title, never the salutation or the address', () => {
    expect(bodyOf(letter).data.title).toBe('Monitoring Stations in the Northern Bay');
  });
});

describe('the organization named by its web address', () => {
  it('finds site names', () => {
    expect([...siteNames('see www.harborwatch.org, https://bra.org.uk/x and info@cleanbay.net')]).toEqual([
      'harborwatch',
      'bra',
      'cleanbay',
    ]);
  });
  it.each([
    ['Harbor Watch', 'harborwatch'],
    ['BAY RESIDENTS ASSOCIATION', 'bra'],
    ['Friends of the Bay', 'fb'],
  ])('%s is the owner of %s', (name, site) => expect(isNamedBySite(name, new Set([site]))).toBe(true));
  it.each([
    ['Harbor Report Shows Gains', 'harborwatch'],
    ['The council met.', 'tcm'],
  ])('%s is not', (name, site) => expect(isNamedBySite(name, new Set([site]))).toBe(false));

  it('removes the name above its web address from the top of a text', () => {
    const text = [
      'HARBOR WATCH',
      'harborwatch.org',
      '',
      'Ferry Service Resumes in May',
      '',
      'The harbor authority said on Monday that the ferry service to the islands will resume in May, after the repairs.',
    ].join('\n');
    const { body, data, file } = bodyOf(text);
    expect(data.title).toBe('Ferry Service Resumes in May');
    expect(body).not.toContain('HARBOR WATCH');
    expect(file.data.removed?.map((r) => r.ruleId)).toContain('letterhead-organization');
  });
});

describe('numbered sections and breaks', () => {
  const text = [
    'Comments on the Harbor Rule',
    '',
    '1. Why the Rule Matters',
    '2. Existing law',
    '',
    '1. Why the Rule Matters',
    '',
    'The harbor rule protects the water of the bay and the people who fish in it, and the council should keep it.',
    '',
    '2. Existing law',
    'The current law gives the authority the power to close the bay when the water is unsafe for fishing.',
    '',
    'b. State law',
    '',
    'The state law sets the limits for the water quality of every harbor in the state.',
    '',
    '* * *',
    '',
    'We recommend that the council keeps the rule.',
    '',
    '1. Open the stations again.',
    '2. Publish the data every month.',
  ].join('\n');

  it('makes stand-alone numbered and lettered lines headings, keeps a table of contents and a real list as lists', () => {
    const { body, data } = bodyOf(text);
    expect(data.title).toBe('Comments on the Harbor Rule');
    expect(body).toMatch(/^1\. Why the Rule Matters\n2\. Existing law\n\n## 1\. Why the Rule Matters\n\nThe harbor rule/);
    expect(body).toContain('\n\n## 2. Existing law\n\nThe current law gives');
    expect(body).toContain('\n\n## b. State law\n\nThe state law');
    expect(body).toContain('\n\n1. Open the stations again.\n2. Publish the data every month.');
  });

  it('never takes a rule line (=====, -----) or what follows it for the title', () => {
    const text = [
      '  CLEAN WATER FOR THE NORTHERN BAY: A HEARING ON THE',
      '        MONITORING STATIONS OF THE HARBOR',
      '',
      '==========================================',
      '',
      'Printed for the use of the Harbor Council',
      '',
      'HARBOR COUNCIL PRINTING OFFICE',
      '12-345 PDF                  PORTLAND : 2021',
      '------------------------------------------',
      '',
      'The council heard the harbor authority on the monitoring stations of the bay and their data.',
    ].join('\n');
    expect(bodyOf(text).data.title).toBe('Clean Water for the Northern Bay: A Hearing on the Monitoring Stations of the Harbor');
  });

  it('keeps field lines ("Call date: Tues., June 11, 2013") as text, not headings', () => {
    const text = [
      'Harbor Council Hearing on the Bay',
      '',
      'The council will hear the harbor authority on the monitoring stations of the bay and their data.',
      '',
      'Hearing date: Tues., June 11, 2013',
      '',
      'Start: 1 p.m.',
      '',
      'Room: 123',
      '',
      'The hearing is open to the public and to the press.',
    ].join('\n');
    expect(bodyOf(text).body).not.toMatch(/^#/m);
  });

  it('makes `* * *` a thematic break, not a list item', () => {
    expect(bodyOf(text).body).toContain('in the state.\n\n* * *\n\nWe recommend');
  });
});

describe('page furniture', () => {
  const paragraphs = [
    'The harbor authority must publish the monitoring data of every station in the bay within thirty days.',
    'The council should hold a hearing on the results with the fishing cooperatives before the end of the year.',
    'Residents may send their comments on the data to the clerk of the council until the end of January.',
  ];
  const paragraph = (n: number) => paragraphs[n - 1]!;
  it('removes a running footer that repeats the title right before a form feed (no `##` heading), never the title itself', () => {
    const text = [
      'Clean Water for the Northern Bay',
      '',
      'March 3, 2021',
      '',
      paragraph(1),
      '',
      paragraph(2),
      '',
      'Clean Water for the Northern Bay',
      `\f${paragraph(3)}`,
      '',
    ].join('\n');
    const { body, data } = bodyOf(text);
    expect(data.title).toBe('Clean Water for the Northern Bay');
    expect(body).not.toContain('Clean Water');
    expect(body).toContain(paragraph(3));
  });

  it('removes a running header that repeats the title from later pages, never the title itself', () => {
    const text = [
      'Clean Water for the Northern Bay',
      '',
      'March 3, 2021',
      '',
      paragraph(1),
      '',
      '1',
      '\fClean Water for the Northern Bay',
      '',
      paragraph(2),
      '',
      '2',
      '\fClean Water for the Northern Bay',
      '',
      paragraph(3),
    ].join('\n');
    const { body, data, file } = bodyOf(text);
    expect(data.title).toBe('Clean Water for the Northern Bay');
    expect(body).not.toContain('Clean Water for the Northern Bay');
    expect(file.data.removed?.filter((r) => r.ruleId === 'running-header')).toHaveLength(2);
  });

  it('removes a lone "Org | Title" header at a page break and joins the sentence it cut', () => {
    const text = [
      'Harbor Watch',
      'harborwatch.org',
      '',
      'Clean Water for the Northern Bay',
      '',
      'The harbor authority must publish the monitoring data of every station in the bay, and the council',
      '',
      '1',
      '\fHarbor Watch | Clean Water for the Northern Bay',
      '',
      'should hold a hearing on the results before the end of the year.',
    ].join('\n');
    const { body, file } = bodyOf(text);
    expect(body).toContain('and the council should hold a hearing');
    expect(file.data.removed?.map((r) => [r.ruleId, r.text])).toContainEqual([
      'running-header',
      'Harbor Watch | Clean Water for the Northern Bay',
    ]);
  });

  it('leaves a heading that a table of contents at the top repeats', () => {
    const text = [
      'Comments on the Harbor Rule',
      '',
      'Why the Rule Matters',
      'Existing Law',
      '',
      'Why the Rule Matters',
      '',
      paragraph(1),
    ].join('\n');
    expect(bodyOf(text).body).toContain('## Why the Rule Matters\n\nThe harbor authority');
  });
});

describe('testimony', () => {
  it('takes the witness of "Testimony of …" as the author (a guess, with a warning) and the committee salutation as its own line', () => {
    const text = [
      'Testimony of Maria Lopez before the Harbor Council on the Monitoring Stations',
      'Chair Okafor, Vice Chair Brandt, and Members of the Council:',
      'Thank you for the opportunity to testify on the monitoring stations of the bay and the data they collect.',
    ].join('\n');
    const { body, data, file } = bodyOf(text);
    expect(data.title).toBe('Testimony of Maria Lopez Before the Harbor Council on the Monitoring Stations');
    expect(data.authors).toEqual([{ name: 'Maria Lopez' }]);
    expect(body).toMatch(/^Chair Okafor, Vice Chair Brandt, and Members of the Council:\n\nThank you/);
    expect(file.messages.map((m) => m.ruleId)).toContain('guessed-metadata');
  });
  it('takes "Name’s Testimony", but not an organization’s statement', () => {
    const author = (title: string) =>
      bodyOf(`${title}\n\nThank you for the opportunity to testify on the monitoring stations of the bay.`).data.authors;
    expect(author('Maria Lopez’s Testimony Before the Harbor Council')).toEqual([{ name: 'Maria Lopez' }]);
    expect(author('Statement of the Harbor Residents Association to the Council')).toBeUndefined();
  });
});

describe('web exports: bold heads', () => {
  const post = (body: string) => bodyOf(`Three Things About the Harbor\n\n${body}\n\nSource URL: <https://harbor.example.org/post>\n`).body;

  it('makes a bold line standing alone a heading, numbered or not, with or without a blank line under it', () => {
    const body = post(
      [
        'The council meets on Monday to decide how the harbor will be cleaned up this year.',
        '',
        '**1. Why the Rule Matters**',
        'The rule keeps oil and waste out of the water that the fishing cooperatives depend on.',
        '',
        '**Existing law**',
        '',
        'Existing law was written before the new terminal was built and says nothing of it.',
      ].join('\n'),
    );
    expect(body).toContain('## 1. Why the Rule Matters\n\nThe rule keeps oil');
    expect(body).toContain('## Existing law\n\nExisting law was written');
  });

  it('leaves a bold sentence in the text', () => {
    const body = post('**Update: the council voted to publish every report.**\n\nThe vote was unanimous and the reports will be online.');
    expect(body).not.toMatch(/^## /m);
    expect(body).toContain('**Update: the council voted to publish every report.**');
  });
});

describe('aligned columns (pdftotext -layout) and tables a cell per line', () => {
  const column = (left: string, right: string) => `${left.padEnd(50)}${right}`;

  it('reads two columns one after the other, a paragraph gap in both columns kept', () => {
    const text = [
      'Harbor Council Report',
      '',
      column('The council met on Monday to decide how the', 'has been found in the water of the north'),
      column('harbor will be cleaned up this year. Oil waste', 'shore, where the cooperatives fish.'),
      column('from the old terminal is the main problem and', ''),
      column('it is the first item of the plan.', 'The cooperatives asked for reports every'),
      '',
      column('Monitoring stations are now in place on every', 'month, and the council agreed to publish'),
      column('pier of the harbor, and waste from the terminal', 'them within thirty days.'),
    ].join('\n');
    const { body } = bodyOf(text);
    expect(body).toContain('The council met on Monday to decide how the harbor will be cleaned up this year.');
    expect(body).toContain('it is the first item of the plan.\n\nMonitoring stations are now in place on every pier');
    expect(body.indexOf('pier of the harbor')).toBeLessThan(body.indexOf('has been found in the water'));
    expect(body).toContain('The cooperatives asked for reports every month, and the council agreed');
  });

  it('makes a table of cells extracted one per line when they fall into columns, and leaves short headings alone', () => {
    const cells = ['Station', 'Opened', 'Readings', 'North pier', 'May 2018', 'Oil, nitrates', 'South pier', 'June 2019', 'Oil, lead'];
    const text = `Harbor Stations\n\nThe council opened monitoring stations on the piers of the harbor.\n\n${cells.join('\n\n')}\n\nThe stations report every month.`;
    expect(bodyOf(text).body).toContain(
      '| Station | Opened | Readings |\n| --- | --- | --- |\n| North pier | May 2018 | Oil, nitrates |\n| South pier | June 2019 | Oil, lead |',
    );
    const headings = `Harbor Stations\n\nThe council opened stations.\n\nNorth Pier\n\nThe north pier has one station.\n\nSouth Pier\n\nThe south pier has two.`;
    expect(bodyOf(headings).body).not.toContain('|');
  });

  it('keeps the short lines under a lead-in as lines, not headings', () => {
    const text = `Harbor Hearing Set for Monday\n\nThe council holds a hearing on the harbor plan on Monday at the town hall.\nFor more information on the hearing:\nJane Doe\nPress Officer\nHarbor Council\n`;
    const { body } = bodyOf(text);
    expect(body).not.toMatch(/^## /m);
    expect(body).toContain('Jane Doe\\\nPress Officer\\\nHarbor Council');
  });
});

describe('web page furniture', () => {
  it('removes a sign-up box and a related-content foot, and a top of buttons, by their calls to action', () => {
    const text = [
      'Skip Navigation',
      'Get updates:',
      'Thanks for signing up!',
      '',
      'Harbor Council Publishes Its Reports',
      '',
      'The council decided on Monday to publish every monitoring report of the harbor within thirty days.',
      '',
      'The fishing cooperatives had asked for the reports for years, and welcomed the decision.',
      '',
      'Stay informed',
      'Sign up to be the first to hear about the harbor.',
      'By completing this form, I agree to receive emails per the terms of the privacy policy.',
      '',
      'Related Content',
      'The harbor plan of last year set out how the piers would be cleaned before the summer.',
    ].join('\n');
    const { body, data } = bodyOf(text);
    expect(data.title).toBe('Harbor Council Publishes Its Reports');
    expect(body).not.toMatch(/Skip|signing up|Stay informed|Sign up|privacy policy|Related|harbor plan/);
    expect(body.trimEnd()).toMatch(/welcomed the decision\.$/);
  });

  it('keeps a sentence that only starts like a button', () => {
    const { body } = bodyOf(
      'Harbor Notes\n\nThe council met on Monday to hear the cooperatives on the plan.\n\nJoin us at the hearing on Monday, where the council will hear every resident who asks to speak.\n',
    );
    expect(body).toContain('Join us at the hearing on Monday');
  });
});

describe('dates', () => {
  it('reads a dotted date day first, weekday date lines, and only a dateline’s date in the text', () => {
    const date = (text: string) => bodyOf(text).data.date;
    expect(date('Harbor Report\n\nGeneva 03.04.15 – The council published its harbor report with all twelve stations.')).toBe('2015-04-03');
    expect(date('Harbor Report\nTuesday 14 March 2006\n\nThe council published its harbor report with all twelve stations.')).toBe(
      '2006-03-14',
    );
    expect(date('Harbor Report\nTuesday, March 14, 2006\n\nThe council published its harbor report with all twelve stations.')).toBe(
      '2006-03-14',
    );
    expect(
      date('Harbor Report\n\nThe council, which opened its first station on May 25th 2018, published its harbor report.'),
    ).toBeUndefined();
  });
});
