/**
 * Temp projects for the reliability tests: the repository's config and templates, and a
 * sources folder of good briefs mixed with every bad input of issue 6. Small fixtures live
 * in `test/fixtures/reliability/sources/`; inputs that are binary, in other encodings or
 * large are generated here.
 */
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';

export const repo = path.resolve(import.meta.dirname, '../..');
export const fixtureSources = path.join(repo, 'test/fixtures/reliability/sources');

const made = new Set<string>();

/** A project with the repository's configuration and templates and an empty `sources/`. */
export async function newProject(prefix = 'briefpress-reliability-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  made.add(dir);
  await cp(path.join(repo, 'briefpress.config.yaml'), path.join(dir, 'briefpress.config.yaml'));
  await cp(path.join(repo, 'templates'), path.join(dir, 'templates'), { recursive: true });
  await mkdir(path.join(dir, 'sources'));
  return dir;
}

/** Delete the projects `newProject` made (for `afterAll`). */
export async function removeProjects(): Promise<void> {
  await Promise.all([...made].map((dir) => rm(dir, { recursive: true, force: true })));
  made.clear();
}

/** A tiny valid one-page PNG and PDF, as someone might drop into `sources/`. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');

/** Windows-1252 bytes of a brief whose quotes and accents are not UTF-8. */
function windows1252(): Buffer {
  const text =
    'CAF\xC9 WI-FI NEEDS \x93OPEN\x94 RULES\r\n\r\nJuly 2, 2013\r\n\r\nThe caf\xE9 owners\x92 association asked for clear rules \x96 and got them.\r\n\r\nKey Points\r\n\r\n- Na\xEFve filters block too much.\r\n';
  return Buffer.from(text, 'latin1');
}

function utf16WithBom(): Buffer {
  const text = '# Translated Brief From Word\r\n\r\nSaved as UTF-16 by a word processor, with “curly quotes” and café.\r\n';
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** About 5 MB of Markdown: one brief far over any page budget. */
function hugeText(): string {
  const paragraph =
    'Telecommunications policy shapes how people reach each other, and the rules written today decide who may build the networks of tomorrow. ';
  const lines = ['---', 'title: An Enormous Paste', 'date: 2013-08-01', '---', ''];
  let size = 0;
  for (let i = 0; size < 5 * 1024 * 1024; i++) {
    const line = `${paragraph.repeat(6)}(${i})\n`;
    lines.push(line);
    size += line.length;
  }
  return lines.join('\n');
}

/** Generated bad inputs, by file name. */
export async function generatedSources(): Promise<Record<string, Uint8Array | string>> {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  return {
    'empty.txt': '',
    'whitespace.txt': ' \n\t\n   \r\n\n',
    'dropped-image.png': PNG,
    'dropped-document.pdf': await pdf.save(),
    'windows-1252.txt': windows1252(),
    'utf16-bom.md': utf16WithBom(),
    'huge.md': hugeText(),
  };
}

/** Copy the fixture sources (all, or those named) and write the generated ones into `dir/sources`. */
export async function addBadSources(dir: string, options: { huge?: boolean } = {}): Promise<void> {
  await cp(fixtureSources, path.join(dir, 'sources'), { recursive: true });
  for (const [name, data] of Object.entries(await generatedSources())) {
    if (name === 'huge.md' && options.huge === false) continue;
    await writeFile(path.join(dir, 'sources', name), data);
  }
}

/** `count` small valid briefs named `brief-NN.md`, each with a date of its own. */
export async function addSmallBriefs(dir: string, count: number, folder = 'sources'): Promise<string[]> {
  const names: string[] = [];
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(2, '0');
    const name = `brief-${n}.md`;
    const text = [
      '---',
      `title: Small Brief Number ${n}`,
      `date: 2014-01-${n.padStart(2, '0').slice(-2) === '00' ? '01' : String(((i - 1) % 28) + 1).padStart(2, '0')}`,
      'tags: [test]',
      '---',
      '',
      `This is brief ${n}. It says one thing clearly and stops.`,
      '',
      '## Key Points',
      '',
      `- Point one of brief ${n}.`,
      `- Point two of brief ${n}.`,
      '',
    ].join('\n');
    await writeFile(path.join(dir, folder, name), text);
    names.push(name);
  }
  return names;
}

/** Every file below `dir`, relative, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}
