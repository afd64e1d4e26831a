/**
 * Every character printed with a shipped font, the same on every machine: a brief naming
 * delegates in Chinese, Arabic, Hindi, Greek, Ukrainian and Hebrew, with an emoji, prints
 * each word with the Source or Noto fonts of fallback-fonts.css (pdffonts: no other font,
 * all embedded with a Unicode map) and reads back (pdftotext); a character no shipped font
 * has is reported at its line and column.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type BuildConfig } from '../../scripts/core/config.js';
import { pdfInfo } from '../../scripts/print/print-brief.js';
import { createPrinter, type Printer } from '../../scripts/print/printer.js';
import { createBriefRenderer } from '../../scripts/render/render-brief.js';
import type { BriefData, RenderedBrief } from '../../scripts/core/types.js';
import { checkPdfUa } from '../../scripts/bench/pdf-ua-check.js';

const repo = path.join(import.meta.dirname, '../..');
/** The PDF names of the shipped fonts (fonts.css, fallback-fonts.css). */
const SHIPPED = /^(SourceSans3|SourceSerif4|SourceCodePro|NotoSansSC|NotoSansArabic|NotoSansDevanagari|NotoSansHebrew|NotoEmoji)/;
const markdown = readFileSync(path.join(import.meta.dirname, '../fixtures/print/multi-script.md'), 'utf8');
const data = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(markdown)![1]!) as BriefData;
let config: BuildConfig;
let printer: Printer;
let tmp: string;

beforeAll(async () => {
  config = await loadConfig(repo);
  printer = await createPrinter({ config, concurrency: 1 });
  tmp = mkdtempSync(path.join(os.tmpdir(), 'briefpress-fonts-'));
});
afterAll(async () => {
  await printer?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function print(text: string) {
  const render = createBriefRenderer(config);
  const out = await render({ slug: 'multi-script', data, markdown: text, markdownPath: 'dist/briefs/multi-script.md' });
  const { pdf } = await printer.print(out.page, pdfInfo({ data } as RenderedBrief, config));
  const file = path.join(tmp, 'multi-script.pdf');
  writeFileSync(file, pdf);
  return { pdf, file, messages: out.messages };
}

describe('a brief in six scripts and an emoji', () => {
  it('prints every word with a shipped font, embedded with a Unicode map, and reads back', async () => {
    const { pdf, file, messages } = await print(markdown);
    expect(messages).toEqual([]);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    const names = fonts.map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
    for (const name of names) expect(name).toMatch(SHIPPED);
    for (const family of ['NotoSansSC', 'NotoSansArabic', 'NotoSansDevanagari', 'NotoSansHebrew', 'NotoEmoji', 'SourceSerif4']) {
      expect(names.some((n) => n.startsWith(family))).toBe(true);
    }
    // emb, sub and uni are yes for every font.
    for (const line of fonts) expect(line).toMatch(/\byes\s+yes\s+yes\b/);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    const squeeze = (s: string) => s.replace(/[\s\u200e\u200f\u202a-\u202e]/g, '');
    for (const word of ['中华人民共和国代表团', 'भारत का प्रतिनिधिमंडल', 'Αντιπροσωπεία της Ελλάδας', 'Делегація України', '🌍']) {
      expect(text).toContain(word);
    }
    // pdftotext spaces Arabic and Hebrew by their shaped glyphs; the letters are all there.
    for (const word of ['وفد المملكة العربية السعودية', 'משלחת ישראל']) expect(squeeze(text)).toContain(squeeze(word));
    expect((await checkPdfUa(pdf)).failures).toEqual([]);
  });

  it('never prints with a font of the machine, even for a character only the machine has a font for', async () => {
    // DejaVu Sans, on most Linux machines (CI's too), has Georgian; no shipped font does.
    const machineHasGeorgian = execFileSync('fc-list', [':charset=10d0', 'family'], { encoding: 'utf8' }).trim() !== '';
    const { file, messages } = await print(`${markdown}\nGeorgian: საქართველო.\n`);
    expect(new Set(messages.map((m) => m.ruleId))).toEqual(new Set(['no-glyph']));
    expect(messages.map((m) => m.reason.slice(0, 41))).toContain('no shipped font has the character “ს” (U+');
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    const names = fonts.map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
    expect(
      names.filter((name) => !SHIPPED.test(name)),
      `machine fonts (the machine has Georgian: ${machineHasGeorgian})`,
    ).toEqual([]);
  });

  it('warns at its line and column about a character no shipped font has', async () => {
    const { messages } = await print(`${markdown}\nCuneiform: 𒀀 and Tibetan: ཀ.\n`);
    const line = markdown.split('\n').length + 1;
    expect(messages.map((m) => [m.line, m.column, m.ruleId])).toEqual([
      [line, 12, 'no-glyph'],
      [line, 28, 'no-glyph'],
    ]);
    expect(messages[0]!.reason).toMatch(/“𒀀” \(U\+12000\)/);
  });
});
