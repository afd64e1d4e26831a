/**
 * The front matter the normalizer writes and reads without the yaml library must be
 * exactly what the library writes, and must read as the library reads it: checked here
 * against the library itself, on values that need quoting and values that must not get it.
 */
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { writeFrontMatter } from '../../scripts/normalize/text/front-matter-writer.js';
import { readSimpleYaml, writeSimpleYaml } from '../../scripts/normalize/text/simple-yaml.js';
import type { BriefData } from '../../scripts/core/types.js';

const TRICKY = [
  'Plain Title',
  'Online Content Moderation: Why the Draft Rules Need Limits',
  'ends with a colon:',
  'a # not a comment',
  'a#b',
  '# heading-like',
  '- dash first',
  '-dash',
  '? question',
  '?',
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
  ', comma',
  ' leading space',
  'trailing space ',
  'tab\tinside',
  '\tleading tab',
  'say "hi"',
  "it's",
  `both ' and "`,
  "'quoted'",
  '"quoted"',
  'true',
  'False',
  'NULL',
  '~',
  '',
  '42',
  '-7',
  '0x1F',
  '0o17',
  '3.14',
  '.5',
  '1e3',
  '.inf',
  '.NaN',
  '2012-10-04',
  'yes',
  'no',
  '---',
  '--- marker',
  '...',
  'Children’s Privacy',
  'café — “quoted” • 𝐀',
  'back\\slash',
  'line\nbreak',
  'control\u0007char',
  'next line\u0085here',
  'separator\u2028here',
  'lone \ud835 surrogate',
];

const ordered = (data: Record<string, unknown>) => stringify(data, { lineWidth: 0 });

describe('simple front matter YAML', () => {
  it.each(TRICKY)('writes %j as the yaml library does', (value) => {
    const data = {
      title: value,
      kind: 'brief',
      tags: [value, 'Privacy'],
      contacts: [{ name: value, email: value }],
    } as unknown as BriefData;
    // The keys in the order of the schema: title, kind, contacts, tags.
    expect(writeFrontMatter(data)).toBe(
      ordered({ title: value, kind: 'brief', contacts: [{ name: value, email: value }], tags: [value, 'Privacy'] }),
    );
  });

  it.each(TRICKY)('reads %j back as the yaml library does, or leaves it to the library', (value) => {
    const text = ordered({ title: value, tags: [value], authors: [{ name: value, url: 'https://example.org/' }] });
    const read = readSimpleYaml(text);
    if (read !== undefined) expect(read).toEqual(parse(text));
  });

  it('reads the usual front matter itself', () => {
    const text = [
      'title: "Health Data Sharing: Why the Draft Rules Would Undermine Trust"',
      'date: 2015-11-10',
      'kind: brief',
      'authors:',
      '  - name: Priya Petrov',
      'contacts:',
      '  - name: Priya Petrov',
      '    role: Policy Counsel',
      '    email: ppetrov@example.org',
      'tags:',
      '  - Children’s Privacy',
      '  - FTC',
      'summary: The code would shift decisions away from accountable institutions.',
      '',
    ].join('\n');
    expect(readSimpleYaml(text)).toEqual(parse(text));
    expect(writeSimpleYaml(parse(text))).toBe(text);
  });

  it.each([
    'title: a # a comment\n',
    'tags:\n- flush left\n',
    'title:   extra spaces\n',
    'title: one\ntitle: two\n',
    'title: >\n  folded\n',
    'title: "\\u00e9"\n',
    "title: 'it''s'\n",
    'pages: 2\n',
    'tags: []\n',
    'title: a\n# comment\n',
  ])('leaves other layouts to the library: %j', (text) => {
    expect(readSimpleYaml(text)).toBeUndefined();
  });
});
