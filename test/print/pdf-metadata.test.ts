/**
 * Metadata set on real Chromium output: the fast path (splicing the Info, Catalog and
 * outline dictionaries into Chromium's bytes) gives what the pdf-lib path gives as a reader
 * (pdfjs) sees it, a file qpdf and poppler find no fault with, the same bytes for the same
 * brief whenever it was printed, text strings in any script, and pdf-lib still for a PDF
 * it does not recognize. The raw PDFs come from the real printer (createPrinter), caught
 * on their way into setPdfMetadata.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPageRenderer } from '../../scripts/render/print-page.js';
import { loadConfig, type BuildConfig } from '../../scripts/core/config.js';
import { getEntry, parsePdfDict } from '../../scripts/print/pdf-splice/pdf-dict.js';
import type * as PdfMetadata from '../../scripts/print/pdf-metadata.js';
import { decodeTextString, encodeTextString } from '../../scripts/print/pdf-splice/pdf-text-string.js';
import { pdfInfo } from '../../scripts/print/print-brief.js';
import { createPrinter, type PdfInfo, type Printer } from '../../scripts/print/printer.js';
import { renderHtml } from '../../scripts/render/markdown-to-html.js';
import { splicePdfMetadata } from '../../scripts/print/pdf-splice/splice-pdf-metadata.js';
import type { BriefData, RenderedBrief } from '../../scripts/core/types.js';
import { readPdf } from '../helpers/pdf.js';

// The printer's raw output, as it goes into setPdfMetadata.
const caught = vi.hoisted(() => [] as Uint8Array[]);
vi.mock('../../scripts/print/pdf-metadata.js', async (importOriginal) => {
  const actual = await importOriginal<typeof PdfMetadata>();
  return {
    ...actual,
    setPdfMetadata: (printed: Uint8Array, info: PdfInfo) => (caught.push(new Uint8Array(printed)), actual.setPdfMetadata(printed, info)),
  };
});
const { setPdfMetadata, setPdfMetadataWithPdfLib, metadataEdits } = await vi.importActual<typeof PdfMetadata>(
  '../../scripts/print/pdf-metadata.js',
);

const repo = path.join(import.meta.dirname, '../..');
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const has = (command: string, versionFlag: string) => {
  try {
    execFileSync(command, [versionFlag], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const hasQpdf = has('qpdf', '--version');
const hasPdfinfo = has('pdfinfo', '-v');

let config: BuildConfig;
let printer: Printer;
let tmp: string;

async function loadBrief(name: string, data: Partial<BriefData> = {}): Promise<RenderedBrief> {
  const markdown = readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'print', `${name}.md`), 'utf8');
  const yaml = /^---\n([\s\S]*?)\n---\n/.exec(markdown)?.[1] ?? '';
  const file = new VFile({ path: `dist/briefs/${name}.md`, value: markdown });
  return renderHtml({ file, reader: 'markdown', slug: name, data: { ...(parseYaml(yaml) as BriefData), ...data }, markdown }, file);
}

/** Chromium's PDF of a brief, before any metadata is set, and the info the build gives it. */
async function printRaw(brief: RenderedBrief, using = printer): Promise<{ raw: Uint8Array; info: PdfInfo }> {
  const info = pdfInfo(brief, config);
  await using.print(createPageRenderer(config).printPage(brief), info);
  return { raw: caught.pop()!, info };
}

/** Problems qpdf and pdfinfo report about a PDF (empty: none). */
function faults(pdf: Uint8Array, name: string): string[] {
  const file = path.join(tmp, `${name}.pdf`);
  writeFileSync(file, pdf);
  const problems: string[] = [];
  if (hasQpdf) {
    try {
      const out = execFileSync('qpdf', ['--check', file], { encoding: 'utf8', stdio: 'pipe' });
      if (!out.includes('No syntax or stream encoding errors found')) problems.push(out);
    } catch (error) {
      problems.push(`qpdf: ${(error as { stdout?: string }).stdout ?? error}`);
    }
  }
  if (hasPdfinfo) {
    try {
      const result = execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      if (!/^Pages:\s+\d+/m.test(result)) problems.push(`pdfinfo: ${result}`);
    } catch (error) {
      problems.push(`pdfinfo: ${(error as { stderr?: string }).stderr ?? error}`);
    }
  }
  return problems;
}

const latin1 = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1');

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'briefpress-pdf-metadata-'));
  config = await loadConfig(repo);
  printer = await createPrinter({ config, concurrency: 1 });
});

afterAll(async () => {
  await printer?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe.each([
  ['chromium', undefined],
  ['chromium-headless-shell', HEADLESS_SHELL],
])('a brief printed by %s', (name, executablePath) => {
  const skip = executablePath !== undefined && !existsSync(executablePath);
  let raw: Uint8Array;
  let info: PdfInfo;
  let fast: { pdf: Uint8Array; pages: number };
  let slow: { pdf: Uint8Array; pages: number };
  beforeAll(async () => {
    if (skip) return;
    const own = executablePath ? await createPrinter({ config, concurrency: 1, executablePath }) : printer;
    try {
      ({ raw, info } = await printRaw(await loadBrief('cdt-2012-one-pager'), own));
    } finally {
      if (own !== printer) await own.close();
    }
    fast = await setPdfMetadata(raw, info);
    slow = await setPdfMetadataWithPdfLib(raw, info);
  });

  it.skipIf(skip)('takes the fast path, and a reader sees what pdf-lib would have written', async () => {
    expect(splicePdfMetadata(raw, metadataEdits(info))).toBeDefined();
    const [a, b] = [await readPdf(fast.pdf), await readPdf(slow.pdf)];
    expect(a.info).toEqual(b.info);
    expect(a.info).toMatchObject({
      Title: 'ITU Cybersecurity Proposals Threaten Existing Security Efforts, Internet Operations, and Human Rights',
      Author: 'Center for Democracy & Technology',
      Keywords: 'ITU, cybersecurity',
      Creator: 'briefpress',
      Producer: 'briefpress',
      CreationDate: 'D:20121004000000Z',
      ModDate: 'D:20121004000000Z',
      Language: 'en',
      PDFFormatVersion: '1.7',
    });
    expect(a.outline).toEqual(b.outline);
    expect(a.text).toBe(b.text);
    expect(a.links).toEqual(b.links);
    expect([a.marked, a.structured]).toEqual([true, true]);
    expect(fast.pages).toBe(a.pages);
    expect(fast.pages).toBe(slow.pages);
  });

  it.skipIf(skip)('gives the title its case back in the outline', async () => {
    const before = await readPdf(raw);
    expect(before.outline[0]).toBe(info.title.toUpperCase());
    expect((await readPdf(fast.pdf)).outline[0]).toBe(info.title);
  });

  it.skipIf(skip || !(hasQpdf || hasPdfinfo))('is a sound PDF to qpdf and poppler', () => {
    expect(faults(fast.pdf, name)).toEqual([]);
  });

  it.skipIf(skip)('keeps nothing of Chromium’s information dictionary, and has one revision and an /ID', () => {
    const text = latin1(fast.pdf);
    expect(text).not.toMatch(/HeadlessChrome|Skia\/PDF|D:\d{14}[+-]/);
    expect(text.match(/%%EOF/g)).toHaveLength(1);
    expect(text.match(/\bxref\b/g)).toHaveLength(1);
    expect(text).toMatch(/\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/);
  });
});

describe('the same brief', () => {
  it('gives the same bytes from the same input, and from prints at different times', async () => {
    const brief = await loadBrief('cdt-2012-blog-post');
    const first = await printRaw(brief);
    // Chromium stamps the print time to the second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await printRaw(brief);
    expect(Buffer.from(first.raw).equals(Buffer.from(second.raw))).toBe(false);
    expect(latin1(first.raw)).toMatch(/\/CreationDate \(D:\d{14}/);

    const input = Buffer.from(first.raw);
    const a = await setPdfMetadata(first.raw, first.info);
    const again = await setPdfMetadata(first.raw, first.info);
    const b = await setPdfMetadata(second.raw, second.info);
    expect(Buffer.from(again.pdf).equals(Buffer.from(a.pdf))).toBe(true);
    expect(Buffer.from(b.pdf).equals(Buffer.from(a.pdf))).toBe(true);
    // The input is left as it was.
    expect(input.equals(Buffer.from(first.raw))).toBe(true);
  });

  it('gets another /ID when its metadata changes', async () => {
    const { raw, info } = await printRaw(await loadBrief('cdt-2012-blog-post'));
    const id = (pdf: Uint8Array) => /\/ID \[<([0-9a-f]+)>/.exec(latin1(pdf))?.[1];
    const a = await setPdfMetadata(raw, info);
    const b = await setPdfMetadata(raw, { ...info, keywords: [...info.keywords, 'another'] });
    expect(id(a.pdf)).toBeDefined();
    expect(id(b.pdf)).not.toBe(id(a.pdf));
  });
});

describe('text strings', () => {
  const title = 'Données — Łódź “quotes”';
  let result: { pdf: Uint8Array; pages: number };
  let info: PdfInfo;
  beforeAll(async () => {
    const brief = await loadBrief('cdt-2012-blog-post', {
      title,
      authors: [{ name: 'Zoë Ōkubo' }, { name: 'Jan (JD) Nowak' }],
      summary: 'Back\\slash (and parentheses), ümlauts and 😀.',
      tags: ['données', 'Łódź'],
    });
    const printed = await printRaw(brief);
    info = printed.info;
    expect(splicePdfMetadata(printed.raw, metadataEdits(info))).toBeDefined();
    result = await setPdfMetadata(printed.raw, info);
  });

  it('round-trip in any script, with escapes', async () => {
    const { info: read, outline } = await readPdf(result.pdf);
    expect(read).toMatchObject({
      Title: title,
      Author: 'Zoë Ōkubo, Jan (JD) Nowak',
      Subject: 'Back\\slash (and parentheses), ümlauts and 😀.',
      Keywords: 'données, Łódź',
    });
    expect(outline[0]).toBe(title);
    expect(faults(result.pdf, 'text-strings')).toEqual([]);
  });

  it('are written as literals when ASCII, else as UTF-16BE with a byte order mark', () => {
    expect(encodeTextString('Plain (paren) back\\slash')).toBe('(Plain \\(paren\\) back\\\\slash)');
    expect(encodeTextString('é')).toBe('<FEFF00E9>');
    expect(encodeTextString('a\nb')).toBe('<FEFF0061000A0062>');
    for (const text of [title, 'Plain (paren) back\\slash', '😀 emoji', '', 'tab\there']) {
      expect(decodeTextString(encodeTextString(text))).toBe(text);
    }
  });

  it('are read in every form the PDF specification allows', () => {
    expect(decodeTextString('(a\\(b\\)c\\\\d\\n\\101\\53)')).toBe('a(b)c\\d\nA+');
    expect(decodeTextString('(line \\\ncontinued)')).toBe('line continued');
    expect(decodeTextString('(nested (balanced) parens)')).toBe('nested (balanced) parens');
    expect(decodeTextString('(\x84 \x8d\x8e)')).toBe('— “”'); // PDFDocEncoding
    expect(decodeTextString('<FEFF0044 00E9>')).toBe('Dé');
    expect(decodeTextString('<EFBBBF C3A9>')).toBe('é');
    expect(decodeTextString('<414>')).toBe('A@');
    expect(decodeTextString('12 0 R')).toBeUndefined();
  });

  it('in a dictionary are kept whole, whatever they contain', () => {
    const dict = '<</Title (a >> b \\) /Fake 1) /Kids [1 0 R <</X [2 0 R]>>] /Hex <4142> /Count 3>>';
    const { entries, end } = parsePdfDict(dict, 0);
    expect(end).toBe(dict.length);
    expect(getEntry(entries, '/Title')).toBe('(a >> b \\) /Fake 1)');
    expect(getEntry(entries, '/Kids')).toBe('[1 0 R <</X [2 0 R]>>]');
    expect(getEntry(entries, '/Count')).toBe('3');
    expect(getEntry(entries, '/Fake')).toBeUndefined();
  });
});

describe('a brief whose title holds PDF syntax', () => {
  it('is still edited in place', async () => {
    // `stream` and `endobj` in the title: words of PDF syntax inside a string end no dictionary.
    const title = 'Why (some) endobj >> \\ trailer strings in the mainstream matter';
    const { raw, info } = await printRaw(await loadBrief('cdt-2012-blog-post', { title }));
    expect(splicePdfMetadata(raw, metadataEdits(info))).toBeDefined();
    const { pdf } = await setPdfMetadata(raw, info);
    const read = await readPdf(pdf);
    expect(read.info.Title).toBe(title);
    expect(read.outline[0]).toBe(title);
    expect(faults(pdf, 'syntax-title')).toEqual([]);
  });
});

describe('an undated brief', () => {
  it('has no creation or modification date', async () => {
    const { raw, info } = await printRaw(await loadBrief('cdt-2012-blog-post', { date: undefined }));
    expect(info.date).toBeUndefined();
    const { pdf } = await setPdfMetadata(raw, info);
    const read = await readPdf(pdf);
    expect(read.info.Title).toBe(info.title);
    expect(read.info).not.toHaveProperty('CreationDate');
    expect(read.info).not.toHaveProperty('ModDate');
    expect(latin1(pdf)).not.toMatch(/CreationDate|ModDate/);
  });
});

describe('a PDF the fast path does not recognize', () => {
  let raw: Uint8Array;
  let info: PdfInfo;
  beforeAll(async () => {
    ({ raw, info } = await printRaw(await loadBrief('cdt-2012-one-pager')));
  });

  it('(object streams and a cross-reference stream, as pdf-lib saves) goes through pdf-lib, with the same metadata', async () => {
    const packed = await (await PDFDocument.load(raw, { updateMetadata: false })).save({ useObjectStreams: true });
    expect(latin1(packed)).toMatch(/\/Type \/ObjStm/);
    expect(splicePdfMetadata(packed, metadataEdits(info))).toBeUndefined();
    const result = await setPdfMetadata(packed, info);
    const [a, b] = [await readPdf(result.pdf), await readPdf((await setPdfMetadata(raw, info)).pdf)];
    expect(a.info).toEqual(b.info);
    expect(a.outline).toEqual(b.outline);
    expect(result.pages).toBe(b.pages);
    expect(faults(result.pdf, 'packed')).toEqual([]);
  });

  it('(a table that points at the wrong byte) is never spliced', async () => {
    const text = latin1(raw);
    const xref = text.lastIndexOf('\nxref\n');
    // Shift the second object's offset by one: the object is no longer where the table says.
    const entry = text.indexOf(' 00000 n', xref) - 10;
    const broken = Buffer.from(
      text.slice(0, entry) + String(Number(text.slice(entry, entry + 10)) + 1).padStart(10, '0') + text.slice(entry + 10),
      'latin1',
    );
    expect(broken.length).toBe(raw.length);
    expect(splicePdfMetadata(broken, metadataEdits(info))).toBeUndefined();
    expect(splicePdfMetadata(raw.subarray(0, raw.length - 200), metadataEdits(info))).toBeUndefined();
    expect(splicePdfMetadata(new TextEncoder().encode('not a PDF'), metadataEdits(info))).toBeUndefined();
  });

  it('(an incremental update) goes through pdf-lib', async () => {
    const text = latin1(raw);
    const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)!;
    const size = Number(/\/Size (\d+)/.exec(text.slice(Number(startxref[1])))![1]);
    const update = `${size} 0 obj\n<</Note (added)>>\nendobj\nxref\n${size} 1\n${String(raw.length).padStart(10, '0')} 00000 n \ntrailer\n<</Size ${size + 1}\n/Root ${/\/Root (\d+ \d+ R)/.exec(text)![1]}\n/Info ${/\/Info (\d+ \d+ R)/.exec(text)![1]}\n/Prev ${startxref[1]}>>\nstartxref\n${raw.length + `${size} 0 obj\n<</Note (added)>>\nendobj\n`.length}\n%%EOF\n`;
    const updated = Buffer.concat([Buffer.from(raw), Buffer.from(update, 'latin1')]);
    expect(splicePdfMetadata(updated, metadataEdits(info))).toBeUndefined();
    const result = await setPdfMetadata(updated, info);
    expect((await readPdf(result.pdf)).info.Title).toBe(info.title);
  });
});
