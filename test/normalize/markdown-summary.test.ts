/**
 * Markdown whose front matter a writer wrote (Hugo, Jekyll, Eleventy): the title is kept as
 * written, a `description` or `excerpt` is the summary, and with none the first real
 * sentence of the body is (as Hugo's automatic summary).
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { normalize } from '../../scripts/normalize/index.js';

const read = (text: string) => {
  const file = new VFile({ path: 'post.md', value: text });
  const { data, markdown } = normalize(file);
  return { data, markdown, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`) };
};

describe('a writer’s Markdown front matter', () => {
  it('keeps the title as written and makes the summary of the first sentence of running text', () => {
    const { data, markdown } = read(
      [
        '---',
        'title: "ORG response to the RUSI review"',
        'date: 2015-07-14',
        '---',
        '',
        '## Background',
        '',
        '- a list item that is no sentence of the text at all, however long it goes on.',
        '',
        '```',
        'Code that looks like a sentence of ten words or more, in a block.',
        '```',
        '',
        '![A picture](pic.png)',
        '',
        'Open Rights Group has responded to the Report of the Independent Surveillance Review. It says more.',
      ].join('\n'),
    );
    expect(data.title).toBe('ORG response to the RUSI review');
    expect(data.summary).toBe('Open Rights Group has responded to the Report of the Independent Surveillance Review.');
    // The body is the writer's, untouched.
    expect(markdown).toContain('## Background\n\n- a list item');
  });

  it('takes `description` (Hugo) or `excerpt` (Jekyll) as the summary, and keeps a `summary` the writer gave', () => {
    const body = '\nThe first sentence of the text is long enough to be a summary of it. More.\n';
    expect(read(`---\ntitle: A post\ndescription: What the writer says it is about.\n---\n${body}`).data.summary).toBe(
      'What the writer says it is about.',
    );
    expect(read(`---\ntitle: A post\nexcerpt: The excerpt.\n---\n${body}`).data.summary).toBe('The excerpt.');
    const both = read(`---\ntitle: A post\nsummary: Its own summary.\ndescription: Another.\n---\n${body}`);
    expect(both.data.summary).toBe('Its own summary.');
    expect(both.messages.some((m) => m.endsWith('front-matter-ignored'))).toBe(true);
  });

  it('makes no summary of a body with no sentence of running text', () => {
    expect(read('---\ntitle: A post\n---\n\n## Only a heading\n\n- and a list\n').data.summary).toBeUndefined();
  });
});

describe('a site generator’s layout or content type', () => {
  const kindOf = (key: string, value: string, more = '') =>
    read(['---', 'title: A post', `${key}: ${value}`, more, '---', '', 'Some text of the post.'].filter((l) => l !== '').join('\n'));

  it.each([
    ['layout', 'post'], // Jekyll
    ['type', 'posts'], // Hugo's section type
    ['layout', 'layouts/post.njk'], // Eleventy
    ['layout', 'blog-post'],
  ])('%s: %s makes the brief a post, with a note at the key', (key, value) => {
    const { data, messages } = kindOf(key, value);
    expect(data.kind).toBe('post');
    expect(messages).toContain('3:1 front-matter-shorthand');
  });

  it.each([
    ['layout', 'press-release'],
    ['layout', 'default'],
    ['type', 'page'],
    ['layout', 'postscript'],
  ])('%s: %s says nothing of the kind: a brief, the key left out', (key, value) => {
    const { data, messages } = kindOf(key, value);
    expect(data.kind).toBe('brief');
    expect(messages).toContain('3:1 front-matter-ignored');
  });

  it('leaves a kind the writer gave as it is', () => {
    expect(kindOf('layout', 'post', 'kind: brief').data.kind).toBe('brief');
  });
  it('reads a date with its time as the day written, with a note for the time (Hugo, Jekyll)', () => {
    for (const [written, day] of [
      ['2024-04-12T00:00:00Z', '2024-04-12'],
      ['2008-07-25 23:30:00 -0500', '2008-07-25'],
      ['"2019-11-07T09:15:00+07:00"', '2019-11-07'],
    ] as const) {
      const file = new VFile({
        path: 'post.md',
        value: `---\ntitle: A post\ndate: ${written}\n---\n\nThe text of the post, in one sentence.\n`,
      });
      const { data } = normalize(file);
      expect(data.date, written).toBe(day);
      const note = file.messages.find((m) => m.ruleId === 'front-matter-shorthand');
      expect(note?.reason, written).toContain(written.replace(/"/g, ''));
      expect(file.messages.filter((m) => m.fatal)).toEqual([]);
    }
  });
});
