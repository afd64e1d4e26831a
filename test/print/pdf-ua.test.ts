/**
 * PDF/UA-1 as the Matterhorn Protocol checks it by machine (scripts/bench/pdf-ua-check.ts), on real
 * Chromium output: what Chromium prints alone fails (so the checker can fail), and what the
 * printer writes after its post-processing passes, by either path (the fast splice and
 * pdf-lib's rewrite), for both fixture briefs. The sample site and a generated corpus are
 * checked in test/e2e/sample-site.test.ts and test/e2e/pdf-ua-corpus.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig, type BuildConfig } from '../../scripts/core/config.js';
import type * as PdfMetadata from '../../scripts/print/pdf-metadata.js';
import { pdfInfo } from '../../scripts/print/print-brief.js';
import { createPrinter, type PdfInfo, type Printer } from '../../scripts/print/printer.js';
import { renderHtml } from '../../scripts/render/markdown-to-html.js';
import { createPageRenderer } from '../../scripts/render/print-page.js';
import type { BriefData, RenderedBrief } from '../../scripts/core/types.js';
import { checkPdfUa, readXmp, structureOutline } from '../../scripts/bench/pdf-ua-check.js';
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
const { setPdfMetadata, setPdfMetadataWithPdfLib } = await vi.importActual<typeof PdfMetadata>('../../scripts/print/pdf-metadata.js');

const repo = path.join(import.meta.dirname, '../..');
let config: BuildConfig;
let printer: Printer;

async function loadBrief(name: string, data: Partial<BriefData> = {}, body?: string): Promise<RenderedBrief> {
  let markdown = readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'print', `${name}.md`), 'utf8');
  const yaml = /^---\n([\s\S]*?)\n---\n/.exec(markdown)?.[1] ?? '';
  if (body !== undefined) markdown = `---\n${yaml}\n---\n${body}`;
  const file = new VFile({ path: `dist/briefs/${name}.md`, value: markdown });
  return renderHtml({ file, reader: 'markdown', slug: name, data: { ...(parseYaml(yaml) as BriefData), ...data }, markdown }, file);
}

async function printRaw(brief: RenderedBrief): Promise<{ raw: Uint8Array; info: PdfInfo; pdf: Uint8Array }> {
  const info = pdfInfo(brief, config);
  const { pdf } = await printer.print(createPageRenderer(config).printPage(brief), info);
  return { raw: caught.pop()!, info, pdf };
}

const checkpoints = (report: { failures: { checkpoint: string }[] }) => [...new Set(report.failures.map((f) => f.checkpoint))].sort();

beforeAll(async () => {
  config = await loadConfig(repo);
  printer = await createPrinter({ config, concurrency: 1 });
});
afterAll(async () => {
  await printer?.close();
});

describe('the one-pager', () => {
  let raw: Uint8Array;
  let pdf: Uint8Array;
  let info: PdfInfo;
  beforeAll(async () => {
    ({ raw, pdf, info } = await printRaw(await loadBrief('cdt-2012-one-pager')));
  });

  it('fails the checker as Chromium prints it: no XMP, LI without LBody, links without descriptions, unmarked page furniture, PDF 2.0 types', async () => {
    const report = await checkPdfUa(raw);
    expect(checkpoints(report)).toEqual(['01-005', '02-004', '06-002', '16-003', '28-004']);
    expect(report.failures.map((f) => f.message).join('\n')).toMatch(/page 2: \d+ painting operators outside both/);
  });

  it('passes it as the printer writes it, by the fast path and by pdf-lib’s', async () => {
    const report = await checkPdfUa(pdf);
    expect(report.failures).toEqual([]);
    expect(report.elements).toMatchObject({ Aside: 1, Figure: 2, H1: 1, H2: 4, Sect: 5 });
    expect(report.elements.LI).toBe(report.elements.LBody);
    expect(report.elements.LI).toBe(report.elements.Lbl);
    expect(report.elements).not.toHaveProperty('NonStruct');
    expect(report.artifacts).toBeGreaterThan(0);
    const slow = (await setPdfMetadataWithPdfLib(raw, info)).pdf;
    expect((await checkPdfUa(slow)).failures).toEqual([]);
    expect(await structureOutline(slow)).toBe(await structureOutline(pdf));
    expect((await setPdfMetadata(raw, info)).pdf).toEqual(pdf);
  });

  it('describes its figures and links: the QR code says where it leads, each link where it goes', async () => {
    const outline = await structureOutline(pdf);
    expect(outline).toContain(`Figure Alt="QR code: this brief online, https://briefs.example.org/briefs/cdt-2012-one-pager.html"`);
    expect(outline).toContain('Figure Alt="Center for Democracy & Technology"');
    const text = Buffer.from(pdf).toString('latin1');
    expect(text).toContain('/Contents (E-mail info@cdt.org)');
    expect(text).toContain('/Contents (Telephone +12026379800)');
    expect(text).toContain('/Contents (Link to https://www.cdt.org/files/pdfs/Cybersecurity_ITU_WCIT_Proposals.pdf)');
  });

  it('tags the letterhead as an Aside of a figure, paragraphs and a list labelled P, F and E', async () => {
    const outline = await structureOutline(pdf);
    const lines = outline.split('\n');
    const at = lines.findIndex((l) => l.trim() === 'Aside');
    const depth = lines[at]!.search(/\S/);
    const end = lines.findIndex((l, i) => i > at && l.search(/\S/) <= depth);
    const aside = lines.slice(at + 1, end);
    const children = aside.filter((l) => l.search(/\S/) === depth + 2 && !l.includes('mcid')).map((l) => l.trim().split(' ')[0]);
    expect(children).toEqual(['Figure', 'P', 'P', 'P', 'P', 'L', 'Link', 'P']);
    expect(aside.join('\n').match(/LI\n\s+Lbl\n(\s+mcid \d+\n)?\s+LBody/g)).toHaveLength(3);
    expect((await readPdf(pdf)).pageTexts[0]).toMatch(/P \+1-202-637-9800 F \+1-202-637-0968 E info@cdt\.org/);
  });

  it('carries an XMP packet that says PDF/UA-1 and repeats the document information', async () => {
    const xml = /<\?xpacket begin[\s\S]*?<\?xpacket end="w"\?>/.exec(Buffer.from(pdf).toString('utf8'))![0];
    expect(readXmp(xml)).toEqual({
      part: '1',
      title: info.title,
      creators: ['Center for Democracy & Technology'],
      description: info.subject,
      keywords: 'ITU, cybersecurity',
      producer: 'briefpress',
      creatorTool: 'briefpress',
      createDate: '2012-10-04T00:00:00Z',
      modifyDate: '2012-10-04T00:00:00Z',
    });
  });
});

describe('the blog post', () => {
  it('passes the checker', async () => {
    const { pdf } = await printRaw(await loadBrief('cdt-2012-blog-post'));
    expect((await checkPdfUa(pdf)).failures).toEqual([]);
  });
});

describe('the checker', () => {
  it('finds a skipped heading level, and a list item’s body in nested lists and paragraphs', async () => {
    const body = '## First\n\nText.\n\n#### Deeper\n\n- one\n\n  two\n- three\n  - nested\n';
    const { pdf } = await printRaw(await loadBrief('cdt-2012-blog-post', {}, body));
    const report = await checkPdfUa(pdf);
    expect(report.failures).toEqual([{ checkpoint: '14-003', message: 'heading H4 follows H2: a level skipped' }]);
    expect(report.elements.LI).toBe(report.elements.LBody);
  });
});
