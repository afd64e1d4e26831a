/**
 * Footnotes of plain texts: closing numbered notes whose numbers the text carries in order
 * become GFM footnotes, and the render stage prints them as footnotes (a reference link
 * and a notes list with back links).
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { normalize } from '../../scripts/normalize/index.js';
import { renderHtml } from '../../scripts/render/markdown-to-html.js';

const normalized = (text: string) => normalize(new VFile({ path: 'x.txt', value: text }));
const bodyOf = (text: string) => normalized(text).markdown.replace(/^---\n[\s\S]*?\n---\n\n/, '');

const opening = ['Harbor Report Shows Water Quality Gains', '', 'March 3, 2021', ''];

describe('footnotes', () => {
  it('turns numbers glued to words, after punctuation and in brackets into references', () => {
    const body = bodyOf(
      [
        ...opening,
        'The harbor authority published its monitoring results today,1 with data from all twelve stations of the bay.',
        '',
        'The results show the water improving for the fourth year in a row.2 The council asked for safeguards[3] and a hearing.',
        '',
        'Notes',
        '',
        '1. Harbor Authority, Annual Report 2020.',
        '2. See the council minutes of 4 May.',
        '3. https://example.org/safeguards',
      ].join('\n'),
    );
    expect(body).toContain('results today,[^1] with data');
    expect(body).toContain('in a row.[^2] The council asked for safeguards[^3] and');
    expect(body).toContain(
      '[^1]: Harbor Authority, Annual Report 2020.\n\n[^2]: See the council minutes of 4 May.\n\n[^3]: <https://example.org/safeguards>\n',
    );
    expect(body).not.toMatch(/^## Notes/m);
  });

  it('reads superscript numbers and [n] note lines', () => {
    const body = bodyOf(
      [
        ...opening,
        'The water improved¹ and the fish came back² to the northern bay this year.',
        '',
        '[1] Annual report.',
        '',
        '[2] Survey of the fishing cooperatives.',
      ].join('\n'),
    );
    expect(body).toContain('improved[^1] and the fish came back[^2] to');
    expect(body).toContain('[^1]: Annual report.\n\n[^2]: Survey of the fishing cooperatives.');
  });

  it('leaves a closing list alone when the text does not carry its numbers in order', () => {
    const text = [
      ...opening,
      'The G20 ministers met in the harbor town to discuss the water quality of the bay.',
      '',
      '1. Open the stations.',
      '2. Publish the data.',
    ].join('\n');
    const body = bodyOf(text);
    expect(body).toContain('The G20 ministers');
    expect(body).toContain('1. Open the stations.\n2. Publish the data.');
    expect(body).not.toContain('[^');
  });

  it('keeps the summary free of note numbers, and renders the notes as footnotes', async () => {
    const brief = normalized(
      [
        ...opening,
        'The harbor authority published its monitoring results today with data from all stations.1',
        '',
        '1. Annual report.',
      ].join('\n'),
    );
    expect(brief.data.summary).toBe('The harbor authority published its monitoring results today with data from all stations.');
    const rendered = await renderHtml(brief, new VFile({ path: 'dist/briefs/x.md', value: brief.markdown }));
    expect(rendered.html).toMatch(
      /stations\.<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref[^>]*>1<\/a><\/sup>/,
    );
    expect(rendered.html).toMatch(
      /<section[^>]*data-footnotes[\s\S]*<li id="user-content-fn-1">[\s\S]*Annual report\.[\s\S]*data-footnote-backref/,
    );
  });
});
