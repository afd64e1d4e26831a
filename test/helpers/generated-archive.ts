/**
 * An archive of many briefs for the browser tests, from the bench's generator
 * (scripts/bench/policy-text.ts): varied titles, dates over fifteen years, topics, authors
 * (with accents), both kinds, some without a date, and the hard cases a reader's phone
 * meets (a title of one very long word, a long address in the text). Given as the archive
 * stage takes briefs, with their bodies, so no browser prints them.
 */
import { makeBriefContent } from '../../scripts/bench/policy-text.js';
import { seededRandom } from '../../scripts/bench/seeded-random.js';
import type { ArchiveBrief } from '../../scripts/core/types.js';
import { fixtureCover } from '../fixtures/archive/briefs.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const slugOf = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60)
    .replace(/-$/, '');

const NAMES = ['José Núñez', 'Zoë Brontë', 'Anaïs Lefèvre', 'Søren Ødegård'];
const LONG_WORD = 'Telecommunicationsinfrastructureinteroperabilityrequirementsassessment';
/** A title with every character that HTML, BibTeX, RIS, JSON and XML must escape. */
export const HOSTILE_TITLE = `Ends "quotes" & <script>alert('x')</script> {braces} 100% $cost #tag_1 ^~ \\ back\\slash}\nTY  - JOUR`;

export function generatedBriefs(count: number, seed = 20): ArchiveBrief[] {
  const rng = seededRandom(seed);
  const slugs = new Set<string>();
  return Array.from({ length: count }, (_, i): ArchiveBrief => {
    const c = makeBriefContent(rng, 'opennetworks.example', 250);
    const title = i === 3 ? `${LONG_WORD} and the Wi-Fi Rules` : i === 11 ? HOSTILE_TITLE : c.title;
    let slug = slugOf(title) || `brief-${i}`;
    while (slugs.has(slug)) slug = `${slug}-${i}`;
    slugs.add(slug);
    const date = i % 37 === 5 ? undefined : c.date.toISOString().slice(0, 10);
    // Some briefs were revised after they were published.
    const updated = date && i % 9 === 2 ? `${Number(date.slice(0, 4)) + 1}${date.slice(4, 8)}15` : undefined;
    const kind = i % 3 === 0 ? 'post' : 'brief';
    const authors = [...c.contacts.map((p) => ({ name: p.name })), ...(i % 5 === 0 ? [{ name: NAMES[i % NAMES.length]! }] : [])];
    const tags = [...new Set([c.topic.subject.replace(/\b\w/g, (m) => m.toUpperCase()), c.topic.body.short])];
    const headings = c.sections.map((s, k) => ({ depth: 2, text: s.heading, id: `s${k}` }));
    const longUrl = `https://www.opennetworks.example/files/pdfs/${'a-very-long-path-segment-'.repeat(6)}${i}.pdf`;
    const body = [
      ...c.intro.map((p) => `<p>${escape(p)}</p>`),
      ...c.sections.flatMap((s, k) => [
        `<h2 id="s${k}">${escape(s.heading)}</h2>`,
        ...s.paragraphs.map((p) => `<p>${escape(p)}</p>`),
        ...(s.bullets.length ? [`<ul>${s.bullets.map((b) => `<li>${escape(b)}</li>`).join('')}</ul>`] : []),
      ]),
      `<p>Further information: <a href="${longUrl}">${longUrl}</a></p>`,
    ].join('\n');
    const summary = c.intro[0]!.split('. ')[0]!.concat('.');
    return {
      slug,
      title,
      ...(date ? { date } : {}),
      ...(updated ? { updated } : {}),
      kind,
      authors,
      tags,
      summary,
      links: [longUrl],
      pages: 1 + (i % 2),
      budget: 2,
      html: `briefs/${slug}.html`,
      pdf: `briefs/${slug}.pdf`,
      markdown: `briefs/${slug}.md`,
      pdf_bytes: 40_000 + i * 97,
      ...fixtureCover(slug),
      source: `sources/${slug}.txt`,
      body,
      headings,
      data: { title, ...(date ? { date } : {}), ...(updated ? { updated } : {}), kind, tags, authors, summary },
    } as ArchiveBrief;
  });
}
