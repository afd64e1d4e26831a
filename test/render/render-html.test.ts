/**
 * Golden fixtures for the HTML stage: test/fixtures/render/<case>/input.md → output.html
 * (the sanitized body fragment) and messages.json (what the author is told, with places).
 * A missing expected file is written from the actual result, and UPDATE=1 rewrites them:
 * review the diff.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { expectGolden, fixtureCases, messagesJson } from '../helpers/golden.js';
import { mayHoldTable } from '../../scripts/render/plugins/remark-gfm-no-tables.js';
import { renderHtml } from '../../scripts/render/markdown-to-html.js';
import type { BriefData, NormalizedBrief } from '../../scripts/core/types.js';

const { root, cases } = fixtureCases('render');

async function render(markdown: string, name: string) {
  const data = parseYaml(/^---\n([\s\S]*?)\n---/.exec(markdown)?.[1] ?? '') as BriefData;
  const file = new VFile({ path: `dist/briefs/${name}.md`, value: markdown });
  const brief: NormalizedBrief = {
    file: new VFile({ path: `sources/${name}.md`, value: markdown }),
    reader: 'markdown',
    slug: name,
    data,
    markdown,
  };
  const rendered = await renderHtml(brief, file);
  return { rendered, messages: file.messages };
}

describe('renderHtml fixtures', () => {
  it.each(cases)('%s', async (name) => {
    const dir = path.join(root, name);
    const { rendered, messages } = await render(readFileSync(path.join(dir, 'input.md'), 'utf8'), name);
    expectGolden(path.join(dir, 'output.html'), rendered.html.trim() + '\n');
    expectGolden(path.join(dir, 'messages.json'), messagesJson(messages));
  });
});

describe('renderHtml', () => {
  const read = (name: string) => readFileSync(path.join(root, name, 'input.md'), 'utf8');

  it('parses every kind of table GFM has, and skips the table parser only where no line could be a delimiter row', async () => {
    const tables = [
      '| a | b |\n| :-- | --: |\n| 1 | 2 |',
      'a | b\n--- | ---',
      '| a |\n|-|',
      '> | quoted | table |\n> | --- | --- |',
      '- item\n\n  | in | list |\n  |----|------|',
      '1. | head |\n   | ---- |',
      '| a |\r\n| - |\r\n',
      'Para\n\n|a|b|\n|:-:|-|\n',
    ];
    for (const table of tables) {
      expect(mayHoldTable(table), table).toBe(true);
      const { rendered } = await render(`---\ntitle: T\n---\n\n${table}\n`, 'tables');
      expect(rendered.html, table).toContain('<table>');
    }
    for (const text of ['Plain prose - with a dash.', '- a list\n- of items', '|= not a delimiter =|', 'a | b\n| -x |']) {
      expect(mayHoldTable(text), text).toBe(false);
    }
  });

  it('never lets raw HTML, scripts, handlers or unsafe addresses through', async () => {
    const { rendered } = await render(read('hostile-html'), 'hostile-html');
    for (const bad of [
      '<script',
      '<iframe',
      '<object',
      '<style',
      '<img',
      'onclick',
      'onerror',
      'javascript:',
      'data:',
      'file:',
      'vbscript:',
      'src=',
      'style=',
      '../secret',
    ]) {
      expect(rendered.html.toLowerCase()).not.toContain(bad);
    }
    expect(rendered.html).toContain('click me');
    // Text between dropped tags stays text; a web address in it is only a link, never loaded.
    expect(rendered.html).not.toMatch(/<(?!\/?(?:p|a)[ >])/);
  });

  it('tells the author about each thing left out, with its line', async () => {
    const { messages } = await render(read('hostile-html'), 'hostile-html');
    const rules = messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        '6:1 raw-html',
        '12:1 unsafe-link',
        '14:1 empty-link',
        '14:15 empty-link',
        '14:67 relative-link',
        '18:1 unsafe-link',
      ]),
    );
    expect(messages.every((m) => m.place)).toBe(true);
  });

  it('sets typographic quotes, apostrophes, dashes and ellipses, but not in code', async () => {
    const { rendered } = await render(read('typographic-quotes'), 'typographic-quotes');
    expect(rendered.html).toContain('“Security” isn’t in the ITRs – so the ‘treaty’ can’t say so — yet…');
    expect(rendered.html).toContain('<code>"code" -- stays</code>');
  });

  it('educates quotes across inline markup, decades after a space, and headings before their ids are made', async () => {
    const md = `## "Quoted" -- a heading\n\n"*Emphasis*" in the '90s and the '60s; the [site's](https://example.org/) rules...\n`;
    const { rendered } = await render(md, 'smart-inline');
    expect(rendered.html).toContain('“<em>Emphasis</em>” in the ’90s and the ’60s; the <a');
    expect(rendered.html).toContain('site’s</a> rules…');
    expect(rendered.html).toContain('<h2 id="quoted--a-heading">“Quoted” – a heading</h2>');
    expect(rendered.headings).toEqual([{ depth: 2, text: '“Quoted” – a heading', id: 'quoted--a-heading' }]);
  });

  it('marks key-points and closing sections by what their headings say', async () => {
    const keys = (await render(read('key-points-box'), 'key-points-box')).rendered.html;
    expect(keys.match(/<section class="key-points"/g)).toHaveLength(3);
    expect(keys).toContain('<section aria-labelledby="background">');
    const closing = (await render(read('closing-block'), 'closing-block')).rendered.html;
    expect(closing.match(/<section class="closing"/g)).toHaveLength(2);
    expect(closing).toContain('<a href="mailto:jroe@example.org">');
    expect(closing).toContain('<a href="tel:+12025550100">');
  });

  it('collects headings with unique ids and the web addresses cited', async () => {
    const { rendered } = await render(read('heading-ids'), 'heading-ids');
    expect(rendered.headings.map((h) => `${h.depth} ${h.id}`)).toEqual([
      '2 overview',
      '2 overview-1',
      '2 why-security-isnt-simple--other-notes',
      '3 sub-section-details',
      '4 level-four',
    ]);
    const closing = (await render(read('closing-block'), 'closing-block')).rendered;
    expect(closing.links).toEqual(['https://example.org/paper.pdf']);
    expect(closing.html).toContain('<a href="https://example.org/paper.pdf" rel="noopener">');
  });

  it('clean Markdown gives no messages', async () => {
    for (const name of ['typographic-quotes', 'key-points-box', 'gfm-table', 'heading-ids']) {
      expect((await render(read(name), name)).messages).toEqual([]);
    }
  });
});
