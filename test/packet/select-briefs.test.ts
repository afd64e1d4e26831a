/** Which briefs a packet holds and in which order. */
import { describe, expect, it } from 'vitest';
import type { ManifestEntry } from '../../scripts/core/types.js';
import { selectBriefs } from '../../scripts/packet/select-briefs.js';

const brief = (slug: string, date: string | undefined, tags: string[], extra: Partial<ManifestEntry> = {}): ManifestEntry => ({
  slug,
  title: slug.replace(/-/g, ' '),
  ...(date ? { date } : {}),
  kind: 'brief',
  pages: 1,
  budget: 2,
  html: `briefs/${slug}.html`,
  pdf: `briefs/${slug}.pdf`,
  markdown: `briefs/${slug}.md`,
  pdf_bytes: 1,
  authors: [],
  tags,
  links: [],
  source: `sources/${slug}.md`,
  ...extra,
});

const all = [
  brief('wcit-treaty', '2012-11-01', ['WCIT', 'ITU']),
  brief('itu-security', '2012-10-04', ['ITU']),
  brief('privacy-bill', '2012-06-01', ['Privacy'], { authors: [{ name: 'Emma Llansó' }], kind: 'post' }),
  brief('undated-note', undefined, ['itu']),
  brief('zoning', '2013-02-01', []),
];
const slugs = (r: { briefs: ManifestEntry[] }) => r.briefs.map((b) => b.slug);

describe('packet selection', () => {
  it('takes the briefs with any of the tags, whatever their case, newest first', () => {
    expect(slugs(selectBriefs(all, { tags: ['itu'], order: 'date' }))).toEqual(['wcit-treaty', 'itu-security', 'undated-note']);
  });

  it('needs every other criterion given: tags and dates', () => {
    expect(slugs(selectBriefs(all, { tags: ['ITU'], from: '2012-10-05', order: 'date' }))).toEqual(['wcit-treaty']);
    expect(slugs(selectBriefs(all, { to: '2012-10-04', order: 'date' }))).toEqual(['itu-security', 'privacy-bill']);
  });

  it('selects by author and by kind', () => {
    expect(slugs(selectBriefs(all, { authors: ['emma llansó'], order: 'date' }))).toEqual(['privacy-bill']);
    expect(slugs(selectBriefs(all, { kind: 'post', order: 'date' }))).toEqual(['privacy-bill']);
  });

  it('adds listed slugs whatever the criteria, in the given order first with order: given', () => {
    const result = selectBriefs(all, { slugs: ['zoning', 'privacy-bill'], tags: ['WCIT'], order: 'given' });
    expect(slugs(result)).toEqual(['zoning', 'privacy-bill', 'wcit-treaty']);
    expect(slugs(selectBriefs(all, { slugs: ['zoning', 'privacy-bill'], order: 'title' }))).toEqual(['privacy-bill', 'zoning']);
  });

  it('names a listed slug no brief has, with the closest there is', () => {
    const result = selectBriefs(all, { slugs: ['itu-securty', 'nothing-like-it'], order: 'given' });
    expect(slugs(result)).toEqual([]);
    expect(result.missing).toEqual([{ slug: 'itu-securty', suggestion: 'itu-security' }, { slug: 'nothing-like-it' }]);
  });

  it('selects nothing when nothing matches', () => {
    expect(slugs(selectBriefs(all, { tags: ['Spectrum'], order: 'date' }))).toEqual([]);
  });
});
