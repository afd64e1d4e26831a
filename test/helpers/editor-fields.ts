/**
 * What a careful editor wants of a text's front matter and headings (`expected.json`: title,
 * date, kind, authors, headings, summary), against what the normalizer made of it. Shared by
 * the corpus of texts and the PDFs read by the PDF reader.
 */
import type { NormalizedBrief } from '../../scripts/core/types.js';

export interface Expected {
  title: string;
  date: string | null;
  kind: string;
  authors?: string[];
  headings?: string[];
  summary?: string;
}

const same = (text: unknown) =>
  String(text ?? '')
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

/** Where the normalizer's reading differs from the editor's: field → got / wanted. */
export function fieldDifferences(result: Pick<NormalizedBrief, 'data' | 'markdown'>, expected: Expected): string[] {
  const { data } = result;
  const headings = [...result.markdown.replace(/^---\n[\s\S]*?\n---\n/, '').matchAll(/^#{1,6} (.*)$/gm)].map((m) => m[1]);
  // The schema has two kinds: a post, or a brief (press releases, letters, testimony, reports).
  const kind = expected.kind === 'post' ? 'post' : 'brief';
  // A month-only date is the first of the month, with a note.
  const date = expected.date === null ? undefined : expected.date.length === 7 ? `${expected.date}-01` : expected.date;
  const fields: [string, unknown, unknown][] = [
    ['title', data.title, expected.title],
    ['date', data.date, date],
    ['kind', data.kind, kind],
    ['authors', (data.authors ?? []).map((a) => a.name).join('; '), (expected.authors ?? []).join('; ')],
    ['headings', headings.join(' | '), (expected.headings ?? []).join(' | ')],
    ['summary', data.summary, expected.summary],
  ];
  return fields
    .filter(([, got, want]) => same(got) !== same(want))
    .map(([field, got, want]) => `${field}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
}
