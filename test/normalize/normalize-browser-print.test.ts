/**
 * A web page printed from a browser with headers and footers on, as each browser lays them
 * out: the same real page (the held-out Wikimedia post, printed by Chrome) with the header and
 * footer Chrome, Firefox and Safari print, with and without `pdftotext -layout`'s gutters.
 * The printer's lines are removed, the print date is never the text's date, and the page's
 * address gives a blog post's day.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { normalize } from '../../scripts/normalize/index.js';

const dir = path.join(import.meta.dirname, '..', 'fixtures', 'normalize', 'wikimedia-post-public-policy-site');
const chrome = readFileSync(path.join(dir, 'input.txt'), 'utf8');
const address = 'https://diff.wikimedia.org/2015/09/02/new-wikimedia-public-policy-site/';
const pageTitle = 'Launching the Wikimedia Public Policy site – Diff';
// The page as printed, without Chrome's header (its first three lines) and footer (its address and "1/1").
const page = chrome.split('\n').slice(3).join('\n').replace(`${address}\n\n1/1\n`, '').trimEnd();

const forms: [string, string][] = [
  ['Chrome', chrome],
  ['Chrome, -layout', `12/7/26, 11:04 AM          ${pageTitle}\n\n${page}\n\n${address}                       1/1\n\f`],
  ['Firefox', `${pageTitle}\n${address}\n\n${page}\n\nPage 1 of 1\n12/7/2026, 11:04:23 AM\n\f`],
  ['Firefox, -layout', `${pageTitle}                    ${address}\n\n${page}\n\n1 of 1                     12/7/2026, 11:04:23 AM\n\f`],
  ['Safari, -layout', `${pageTitle}                    12/7/26, 11:04 AM\n\n${page}\n\n${address}                Page 1 of 1\n\f`],
];

const read = (text: string) => {
  const file = new VFile({ path: 'input.txt', value: text });
  const result = normalize(file);
  return { ...result, body: result.markdown.replace(/^---\n[\s\S]*?\n---\n/, ''), removed: file.data.removed ?? [] };
};

describe('a browser print’s header and footer', () => {
  it.each(forms)('%s: are removed, and the address gives the day, never the print date', (_, text) => {
    const { data, body, removed } = read(text);
    expect(data.title).toBe('Launching the Wikimedia Public Policy Site');
    expect(data.date).toBe('2015-09-02');
    expect(data.kind).toBe('post');
    expect(body).not.toMatch(/11:04|diff\.wikimedia\.org|\b1 of 1\b|1\/1|– Diff/);
    expect(body).toContain('The Wikimedia Foundation is excited to introduce the new Wikimedia Public Policy site.');
    expect(removed.filter((r) => r.ruleId === 'browser-print').map((r) => r.text)).toContain(
      removed.find((r) => r.text.includes('11:04'))?.text,
    );
  });

  it('are only a print’s: an address and a page number without a print date and time stay', () => {
    const { body } = read(`${page}\n\n${address}                       1/1\n`);
    expect(body).toContain(address);
  });
});
