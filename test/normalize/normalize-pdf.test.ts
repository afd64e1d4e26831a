/**
 * Golden fixtures of the PDF reader: `test/fixtures/normalize-pdf/<case>/input.pdf`, PDFs
 * made by other engines (WeasyPrint, wkhtmltopdf, LibreOffice, tagged and not) from
 * real texts of other organizations (each case's SOURCE.md says whose, and under what
 * terms), and bad PDFs (encrypted, damaged, no text layer); expected `output.md` (absent
 * when the case is fatal) and `messages.json`. Missing expected files are written, and
 * all of them with UPDATE=1, to be reviewed. Every word of the PDF's text ends up in the
 * body, the front matter, a removed line (`--explain`) or a message, and normalizing the
 * output again changes nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { normalize, readSource } from '../../scripts/normalize/index.js';
import { pdfText } from '../../scripts/normalize/readers/pdf.js';
import { expectGolden, fixtureCases, messagesJson } from '../helpers/golden.js';

const { root, cases } = fixtureCases('normalize-pdf');

const wordsOf = (text: string) =>
  new Set(
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\u00ad\u2010]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? [],
  );

async function run(dir: string) {
  const file = await readSource(path.join(dir, 'input.pdf'), dir);
  let markdown: string | undefined;
  try {
    markdown = normalize(file).markdown;
  } catch (error) {
    if (!(error instanceof VFileMessage)) throw error;
  }
  return { file, markdown };
}

const results = new Map(await Promise.all(cases.map(async (name) => [name, await run(path.join(root, name))] as const)));

describe('PDF reader fixtures', () => {
  it('has real PDFs of at least 5 organizations, and the bad ones', () => {
    const real = cases.filter((name) => !name.startsWith('error-'));
    expect(real.length).toBeGreaterThanOrEqual(10);
    const organizations = new Set(
      real.map((name) => readFileSync(path.join(root, name, 'SOURCE.md'), 'utf8').match(/organization:\s*(.+)/i)?.[1]),
    );
    expect(organizations.size).toBeGreaterThanOrEqual(5);
    expect(cases.filter((name) => name.startsWith('error-'))).toHaveLength(3);
  });

  for (const name of cases) {
    describe(name, () => {
      const dir = path.join(root, name);
      const { file, markdown } = results.get(name)!;

      it('gives the expected Markdown and messages', () => {
        expectGolden(path.join(dir, 'output.md'), markdown);
        expectGolden(path.join(dir, 'messages.json'), messagesJson(file.messages));
      });

      it.skipIf(markdown === undefined)('loses no word silently, and normalizing the output changes nothing', () => {
        const pdf = file.data.pdf!;
        const text = 'layout' in pdf ? pdfText(pdf.layout).text : '';
        const kept = wordsOf([markdown, ...(file.data.removed ?? []).map((r) => r.text), ...file.messages.map((m) => m.reason)].join('\n'));
        const keptList = [...kept];
        const lost = [...wordsOf(text)].filter(
          (word) => !kept.has(word) && !keptList.some((k) => k.length > word.length && k.includes(word)),
        );
        expect(lost).toEqual([]);
        expect(normalize(new VFile({ path: 'again.md', value: markdown! })).markdown).toBe(markdown);
      });
    });
  }
});
