/**
 * `normalize.title_case`: how the normalizer cases a title it finds in a document's text
 * (`news`, `as-written`, or `auto`, the default), checked by the configuration's schema,
 * and its effect on real texts of the corpus (a text extraction, a web export, a word
 * processor's PDF and a browser's), on a title in capitals and on Markdown.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseConfig, type TitleCaseStyle } from '../../scripts/core/config.js';
import { normalize, normalizeOptionsOf, readSource } from '../../scripts/normalize/index.js';
import { pdfTitleStyle } from '../../scripts/normalize/pdf/title.js';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures');
const config = (lines: string) => parseConfig(`organization:\n  name: Example\n${lines}`, 'c.yaml');

/** The title the normalizer gives a fixture's input under each style. */
async function titleOf(folder: string, input: string, titleCase?: TitleCaseStyle): Promise<string> {
  const dir = path.join(fixtures, folder);
  const file = input.endsWith('.pdf')
    ? await readSource(path.join(dir, input), dir)
    : new VFile({ path: input, value: readFileSync(path.join(dir, input)) });
  return normalize(file, titleCase ? { titleCase } : {}).data.title;
}

describe('normalize.title_case in the configuration', () => {
  it('is `auto` by default, and takes `news` and `as-written`', () => {
    expect(config('').normalize.title_case).toBe('auto');
    expect(config('normalize:\n  title_case: news\n').normalize.title_case).toBe('news');
    expect(config('normalize:\n  title_case: as-written\n').normalize.title_case).toBe('as-written');
    expect(normalizeOptionsOf(config('normalize:\n  title_case: as-written\n'))).toMatchObject({
      organization: { name: 'Example' },
      titleCase: 'as-written',
    });
  });

  it('names a bad value at its place, with the values it takes', () => {
    expect(() => config('normalize:\n  title_case: sentence\n')).toThrow(
      'c.yaml:4:15: `normalize.title_case`: "sentence" is not a title case style: use `auto` (the default), `news` (every title in title case) or `as-written` (a title in upper and lower case kept as the document writes it)',
    );
    expect(() => config('normalize:\n  titlecase: news\n')).toThrow(
      'c.yaml:4:3: unknown key `normalize.titlecase` (did you mean `title_case`?)',
    );
  });
});

describe('each title case style', () => {
  const sentenceCase = ['normalize/accessnow-post-joins-letter-gchq', 'input.txt'] as const;
  const asWritten = 'Access joins letter to UK officials criticizing GCHQ for spying on human rights groups';
  const news = 'Access Joins Letter to UK Officials Criticizing GCHQ for Spying on Human Rights Groups';

  it('a text: news style with `auto` and `news`, as written with `as-written`', async () => {
    expect(await titleOf(...sentenceCase)).toBe(news);
    expect(await titleOf(...sentenceCase, 'auto')).toBe(news);
    expect(await titleOf(...sentenceCase, 'news')).toBe(news);
    expect(await titleOf(...sentenceCase, 'as-written')).toBe(asWritten);
  });

  it('a web export the same way, and a title case title’s capitalized small words', async () => {
    const web = ['normalize/mozilla-post-pro-net-neutrality-letter', 'input.txt'] as const;
    expect(await titleOf(...web, 'news')).toBe('Mozilla Signs Pro-Net Neutrality Letter to FCC');
    expect(await titleOf(...web, 'as-written')).toBe('Mozilla signs pro-Net Neutrality letter to FCC');
    const lowered = ['normalize/pk-press-encouraged-by-fcc-2014', 'input.txt'] as const;
    expect(await titleOf(...lowered, 'news')).toBe(
      'Public Knowledge Encouraged by FCC Recognition of Need for Meaningful Net Neutrality Rules',
    );
    expect(await titleOf(...lowered, 'as-written')).toBe(
      'Public Knowledge Encouraged By FCC Recognition of Need for Meaningful Net Neutrality Rules',
    );
  });

  it('a word processor’s PDF: as written with `auto` and `as-written`, news style with `news`', async () => {
    const pdf = ['normalize-pdf/opc-statement-ethi-annual-report-libreoffice-pdf', 'input.pdf'] as const;
    const written =
      'Appearance before the Standing Committee on Access to Information, Privacy and Ethics on the Office of the Privacy Commissioner of Canada’s 2022-23 Annual Report to Parliament';
    expect(await titleOf(...pdf)).toBe(written);
    expect(await titleOf(...pdf, 'as-written')).toBe(written);
    expect(await titleOf(...pdf, 'news')).toBe(written.replace('before', 'Before'));
  });

  it('a browser’s PDF: news style with `auto`, as written with `as-written`', async () => {
    const pdf = ['normalize-pdf/w3c-press-dnt-white-house-chromium-pdf', 'input.pdf'] as const;
    const written = 'W3C Welcomes White House Support for Do Not Track Technology from the World Wide Web Consortium';
    expect(await titleOf(...pdf)).toBe(written.replace('from', 'From'));
    expect(await titleOf(...pdf, 'as-written')).toBe(written);
  });

  it('a title in capitals is re-cased, acronyms kept, whatever the style', async () => {
    const caps = ['normalize/caps-title-acronyms-letter-items-month-date', 'input.txt'] as const;
    const title = "The NSA's Bulk Collection Program and Section 215: Is the U.S. Surveillance State Ill-Suited for a Free Society?";
    for (const style of ['auto', 'news', 'as-written'] as const) expect(await titleOf(...caps, style)).toBe(title);
  });

  it('Markdown’s title is the writer’s, whatever the style', async () => {
    const md = ['normalize/edri-post-member-spotlight-noyb', 'input.md'] as const;
    const written = await titleOf(...md);
    for (const style of ['news', 'as-written'] as const) expect(await titleOf(...md, style)).toBe(written);
  });

  it('tells a word processor from its Creator or Producer', () => {
    const style = (info: { creator?: string; producer?: string }) => pdfTitleStyle(info, 'auto');
    expect(style({ creator: 'Writer', producer: 'LibreOffice 7.4' })).toBe('as-written');
    expect(style({ creator: 'Microsoft® Word for Microsoft 365', producer: 'Microsoft® Word for Microsoft 365' })).toBe('as-written');
    expect(style({ creator: 'Pages', producer: 'macOS Version 14.2 (Build 23C64) Quartz PDFContext' })).toBe('as-written');
    expect(style({ producer: 'WeasyPrint 57.2' })).toBe('news');
    expect(style({ creator: 'Mozilla/5.0 … HeadlessChrome/156.0.0.0 Safari/537.36', producer: 'Skia/PDF m156' })).toBe('news');
    expect(style({})).toBe('news');
    expect(pdfTitleStyle({ producer: 'LibreOffice 7.4' }, 'news')).toBe('news');
    expect(pdfTitleStyle({ producer: 'WeasyPrint 57.2' }, 'as-written')).toBe('as-written');
  });
});
