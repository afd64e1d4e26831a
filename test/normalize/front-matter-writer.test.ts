/**
 * The front matter the normalizer writes reads back as the same values, whatever they hold
 * (values YAML must quote, values that look like numbers, dates, booleans or document
 * markers, control characters), with the keys in the schema's order, one line each.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { writeFrontMatter, writeMarkdown } from '../../scripts/normalize/text/front-matter-writer.js';
import type { BriefData } from '../../scripts/core/types.js';

const TRICKY = [
  'Plain Title',
  'Online Content Moderation: Why the Draft Rules Need Limits',
  'ends with a colon:',
  'a # not a comment',
  '# heading-like',
  '- dash first',
  '? question',
  '@handle',
  '`code`',
  '%percent',
  '&anchor',
  '*alias',
  '!tag',
  '|pipe',
  '>fold',
  '[bracket]',
  '{brace}',
  ' leading space',
  'trailing space ',
  'tab\tinside',
  'say "hi"',
  "it's",
  `both ' and "`,
  'true',
  'NULL',
  '~',
  '',
  '42',
  '0x1F',
  '.inf',
  '2012-10-04',
  'yes',
  '---',
  '...',
  'café — “quoted” • 𝐀',
  'back\\slash',
  'line\nbreak',
  'control\u0007char',
  'next line\u0085here',
  'separator\u2028here',
  'A long title '.repeat(20).trim(),
];

describe('front matter writer', () => {
  it.each(TRICKY)('writes %j so that it reads back the same', (value) => {
    const data = {
      title: value,
      kind: 'brief',
      tags: [value, 'Privacy'],
      contacts: [{ name: value, email: value }],
    } as unknown as BriefData;
    const text = writeFrontMatter(data);
    expect(parse(text)).toEqual({ title: value, kind: 'brief', contacts: [{ name: value, email: value }], tags: [value, 'Privacy'] });
    // The keys in the order of the schema: title, kind, contacts, tags.
    expect(
      text
        .split('\n')
        .filter((line) => /^[a-z]/.test(line))
        .map((line) => line.split(':')[0]),
    ).toEqual(['title', 'kind', 'contacts', 'tags']);
  });

  it('writes the usual front matter plainly, one value a line, and leaves out empty lists', () => {
    const data = {
      title: 'Health Data Sharing: Why the Draft Rules Would Undermine Trust',
      date: '2015-11-10',
      kind: 'brief',
      authors: [{ name: 'Priya Petrov' }],
      tags: ['Children’s Privacy', 'FTC'],
      contacts: [],
    } as unknown as BriefData;
    expect(writeMarkdown(data, '\nBody text.\n\n')).toBe(
      [
        '---',
        'title: "Health Data Sharing: Why the Draft Rules Would Undermine Trust"',
        'date: 2015-11-10',
        'kind: brief',
        'authors:',
        '  - name: Priya Petrov',
        'tags:',
        '  - Children’s Privacy',
        '  - FTC',
        '---',
        '',
        'Body text.',
        '',
      ].join('\n'),
    );
  });
});
