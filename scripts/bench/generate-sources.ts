/**
 * Generate N synthetic but realistic sources of the three kinds a policy shop has, in
 * rotation: PDF-extraction one-pager texts, web "print" exports and Markdown with front
 * matter. Lengths give one to three printed pages. The same seed always gives the same
 * corpus, and source i does not depend on N.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { markdownSource } from './markdown-source.js';
import { type Organization, pdfExtractionSource } from './pdf-extraction-source.js';
import { makeBriefContent } from './policy-text.js';
import { seededRandom } from './seeded-random.js';
import { webExportSource } from './web-export-source.js';

export type SourceKind = 'pdf-extraction' | 'web-export' | 'markdown';
export const SOURCE_KINDS: readonly SourceKind[] = ['pdf-extraction', 'web-export', 'markdown'];

export interface GeneratedSource {
  /** File name, e.g. `0007_3fa9c2d1.txt` (`.md` for Markdown). */
  name: string;
  kind: SourceKind;
  text: string;
  /** Words of prose in the brief (without letterhead and boilerplate). */
  words: number;
  title: string;
}

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** Whose letterhead and web site the texts carry; a fictional one by default. */
  organization?: Organization;
}

export const DEFAULT_ORGANIZATION: Organization = {
  name: 'Institute for Open Networks',
  short_name: 'ION',
  tagline: 'RESEARCH • ADVOCACY • OPEN STANDARDS',
  url: 'https://www.opennetworks.example',
  address: ['200 Harbor Street', 'Suite 410', 'Portland, OR 97204'],
  phone: '+1-503-555-0142',
  fax: '+1-503-555-0143',
  email: 'info@opennetworks.example',
};

/** Words of prose for a brief of 1, 2 or 3 printed pages. */
const WORDS_FOR_PAGES: Record<number, [number, number]> = { 1: [260, 420], 2: [560, 820], 3: [950, 1200] };

export function generateSources(options: GenerateOptions): GeneratedSource[] {
  const { count, seed = 1, organization = DEFAULT_ORGANIZATION } = options;
  const domain = organization.url ? new URL(organization.url).host.replace(/^www\./, '') : 'example.org';
  return Array.from({ length: count }, (_, i) => {
    const rng = seededRandom((seed * 0x9e3779b1 + i * 0x85ebca6b) >>> 0);
    const kind = SOURCE_KINDS[i % SOURCE_KINDS.length] as SourceKind;
    const pages = rng.pick([1, 1, 1, 2, 2, 3]);
    const [min, max] = WORDS_FOR_PAGES[pages] as [number, number];
    const content = makeBriefContent(rng, domain, rng.int(min, max));
    const text =
      kind === 'pdf-extraction'
        ? pdfExtractionSource(rng, content, organization)
        : kind === 'web-export'
          ? webExportSource(rng, content, organization)
          : markdownSource(rng, content);
    const id = Math.floor(rng.next() * 0xffffffff)
      .toString(16)
      .padStart(8, '0');
    const name = `${String(i).padStart(4, '0')}_${id}.${kind === 'markdown' ? 'md' : 'txt'}`;
    return { name, kind, text, words: content.words, title: content.title };
  });
}

/** Write the sources into `dir` (created if needed); returns their paths. */
export async function writeSources(dir: string, sources: GeneratedSource[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  return Promise.all(
    sources.map(async (s) => {
      const file = path.join(dir, s.name);
      await writeFile(file, s.text);
      return file;
    }),
  );
}
