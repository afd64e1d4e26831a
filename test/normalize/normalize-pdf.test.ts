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
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { normalize, readSource } from '../../scripts/normalize/index.js';
import { pdfText } from '../../scripts/normalize/readers/pdf.js';
import { MAX_PDF_BYTES, MAX_PDF_PAGES } from '../../scripts/normalize/pdf/read-pdf.js';
import { expectGolden, fixtureCases, messagesJson } from '../helpers/golden.js';
import { editorProblems } from '../../scripts/bench/pdf-editor-check.js';
import { fieldDifferences, type Expected } from '../helpers/editor-fields.js';
import type { NormalizedBrief } from '../../scripts/core/types.js';

const { root, cases } = fixtureCases('normalize-pdf');

const wordsOf = (text: string) =>
  new Set(
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\u00ad\u2010]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? [],
  );

async function run(dir: string, name = 'input.pdf') {
  const file = await readSource(path.join(dir, name), dir);
  let brief: NormalizedBrief | undefined;
  try {
    brief = normalize(file);
  } catch (error) {
    if (!(error instanceof VFileMessage)) throw error;
  }
  return { file, markdown: brief?.markdown, brief };
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

  it('has a two-column layout, a tagged PDF, and tables from several engines that come back as tables', () => {
    const source = (name: string) => readFileSync(path.join(root, name, 'SOURCE.md'), 'utf8');
    expect(cases.filter((name) => /two-column|two columns/i.test(source(name))).length).toBeGreaterThanOrEqual(1);
    expect(
      cases.filter((name) => {
        const pdf = results.get(name)!.file.data.pdf;
        return !!pdf && 'layout' in pdf && pdf.layout.tagged;
      }).length,
    ).toBeGreaterThanOrEqual(1);
    const tableEngines = new Set(
      cases
        .filter((name) => /^\| --- \|/m.test(results.get(name)!.markdown ?? ''))
        .map((name) => /engine:\s*(\S+)/.exec(source(name))?.[1]),
    );
    expect([...tableEngines].sort()).toEqual(['LibreOffice', 'weasyprint', 'wkhtmltopdf']);
  });

  it('reads a table over a page break as one table, with the bold and italic type of its cells, and dates a listing by its first row', () => {
    for (const name of ['org-digest-press-releases-table-over-pages', 'org-digest-press-releases-table-over-pages-continued']) {
      const markdown = results.get(name)!.markdown!;
      // One table: one header row, one delimiter row, the seven releases.
      expect(markdown.match(/^\| --- \|/gm)).toHaveLength(1);
      expect(markdown.match(/^\|.*\|$/gm)).toHaveLength(9);
      expect(markdown).toContain('| Date | Press release | Summary |');
      expect(markdown).toContain(
        '| *06 December, 2024* | **Letter to Peter Kyle: Keep our right not to be subjected to decisions based solely on AI** |',
      );
      expect(markdown).toContain(
        '| *18 September, 2024* | **LinkedIn is latest social media company to process data for AI without consent** |',
      );
      expect(markdown).toMatch(/^date: 2024-12-06$/m);
      expect(markdown).toMatch(/^summary: Civil society organisations, trade unions/m);
    }
  });

  it("summarizes a letter by what it says after its salutation, not by its inside address, keeps a list item's bold lead-in with its text, and takes the organization's name above the title for letterhead", () => {
    const letter = results.get('pogo-letter-oppose-fisa-improvements-act')!.markdown!;
    expect(letter).toMatch(/^summary: As civil liberties groups and other organizations advancing the public interest, we write/m);
    const index = results.get('epic-testimony-index-page')!.markdown!;
    // The organization's name above the title, which the body uses as a name ("Fight for the Future launched …"), is letterhead.
    const release = results.get('fftf-press-net-neutrality-dc-meetings')!.markdown!;
    expect(release).not.toContain('Fight for the Future\n');
    expect(release).toContain('Fight for the Future launched a crowdfunding page');
    expect(index).toContain(
      '- **EPIC on Libra: "Facebook Clearly Cannot be Trusted With Consumers\' Financial Data":** In advance of Congressional hearings',
    );
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
        // A note's number set against its first word ("1GAO, …") is the number and the word.
        const glued = (word: string) =>
          /^(\d{1,3})(\p{L}+)$/u
            .exec(word)
            ?.slice(1)
            .every((part) => kept.has(part)) ?? false;
        const lost = [...wordsOf(text)].filter(
          (word) => !kept.has(word) && !keptList.some((k) => k.length > word.length && k.includes(word)) && !glued(word),
        );
        expect(lost).toEqual([]);
        expect(normalize(new VFile({ path: 'again.md', value: markdown! })).markdown).toBe(markdown);
      });
    });
  }
});

/**
 * Real PDFs with an `expected.md` (what a careful editor wants: title, date, headings, lists,
 * tables, bold and italic, no page furniture) are compared with what the reader makes of them.
 * `editor-approved.txt` lists those that come out right: none of them may regress, and a case
 * that comes out right must be listed, so that docs/corpus.md's count is the real one.
 */
describe('what an editor wants of real PDFs', () => {
  const approved = new Set(
    readFileSync(path.join(root, 'editor-approved.txt'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#')),
  );
  const judged = cases.filter((name) => existsSync(path.join(root, name, 'expected.md')));

  it('judges at least six PDFs of engines other than WeasyPrint', () => {
    const engines = new Set(judged.map((name) => /engine:\s*(\S+)/.exec(readFileSync(path.join(root, name, 'SOURCE.md'), 'utf8'))?.[1]));
    expect(judged.length).toBeGreaterThanOrEqual(6);
    expect(engines.size).toBeGreaterThanOrEqual(4);
  });

  for (const name of judged) {
    it(`${name}: ${approved.has(name) ? 'comes out as the editor wants' : 'is not yet right (and not listed as right)'}`, () => {
      const problems = editorProblems(readFileSync(path.join(root, name, 'expected.md'), 'utf8'), results.get(name)!.markdown ?? '');
      if (approved.has(name)) expect(problems).toEqual([]);
      else expect(problems.length, `${name} comes out right: add it to editor-approved.txt`).toBeGreaterThan(0);
    });
  }
});

/**
 * Real PDFs against what an editor wants of their front matter and headings: their own
 * `expected.json`, or that of the text case they are the PDF of (`<case>-pdf` beside
 * `normalize/<case>/`: the held-out texts read as the PDFs they were extracted from).
 * `fields-approved.txt` lists those that come out right; none may regress.
 */
describe('what an editor wants of real PDFs: title, date, kind, authors, headings, summary', () => {
  const expectedOf = (name: string) =>
    [path.join(root, name, 'expected.json'), path.join(root, '..', 'normalize', name.replace(/-pdf$/, ''), 'expected.json')].find(
      (file, n) => (n === 0 || name.endsWith('-pdf')) && existsSync(file),
    );
  const judged = cases.filter((name) => expectedOf(name));
  const approved = new Set(
    readFileSync(path.join(root, 'fields-approved.txt'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#')),
  );
  const differences = new Map(
    judged.map((name) => {
      const { brief } = results.get(name)!;
      const expected = JSON.parse(readFileSync(expectedOf(name)!, 'utf8')) as Expected;
      return [name, brief ? fieldDifferences(brief, expected) : ['no brief']];
    }),
  );

  it('judges the held-out texts as PDFs too', () => expect(judged.length).toBeGreaterThanOrEqual(10));

  for (const name of judged) {
    it(`${name}: ${approved.has(name) ? 'comes out as the editor wants' : 'is not yet right (and not listed as right)'}`, () => {
      if (approved.has(name)) expect(differences.get(name)).toEqual([]);
      else expect(differences.get(name)!.length, `${name} comes out right: add it to fields-approved.txt`).toBeGreaterThan(0);
    });
  }
});

/** A PDF made here: `pages` pages, each with an image and no text, or a line of text. */
async function madePdf(pages: number, content: 'image' | 'text'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  // A 1×1 PNG: the page of a scan, without its text layer.
  const png = await doc.embedPng(
    Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
  );
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([612, 792]);
    if (content === 'image') page.drawImage(png, { x: 72, y: 72, width: 468, height: 648 });
    else page.drawText(`Page ${n} of a report far longer than a brief.`, { x: 72, y: 700, size: 11, font });
  }
  return doc.save();
}

describe('bad PDFs get one clear line each', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'briefpress-bad-pdf-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const read = async (name: string, bytes: Uint8Array) => {
    writeFileSync(path.join(tmp, name), bytes);
    const { file, markdown } = await run(tmp, name);
    expect(markdown).toBeUndefined();
    return messagesJson(file.messages);
  };

  it('image-only: no text layer, run OCR', async () => {
    expect(JSON.parse(await read('scan.pdf', await madePdf(2, 'image')))).toEqual([
      '1:1 error pdf-no-text: no text layer: its pages are images; run OCR first, e.g. `ocrmypdf FILE.pdf FILE-ocr.pdf`',
    ]);
  });

  it('over the page limit', async () => {
    expect(JSON.parse(await read('report.pdf', await madePdf(MAX_PDF_PAGES + 1, 'text')))).toEqual([
      `1:1 error pdf-too-large: PDF too long for a brief: ${MAX_PDF_PAGES + 1} pages, over the limit of ${MAX_PDF_PAGES}; split it into briefs`,
    ]);
  });

  it('over the size limit, without being parsed', async () => {
    const bytes = new Uint8Array(MAX_PDF_BYTES + 1);
    bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
    expect(JSON.parse(await read('huge.pdf', bytes))).toEqual([
      '1:1 error pdf-too-large: PDF too large for a brief: 20,971,521 bytes, over the limit of 20,971,520; is this the right file? Split it into briefs',
    ]);
  });
});
