/**
 * Lay a brief out as the plain-text "print" export of a blog post: title line, a byline
 * of zero to three `[Name](#) [n]` links, a date, paragraphs with `[text](#) [n]`
 * references, a lone `-` then `- [Tag](#)` lines, a copyright line, `Source URL:` and
 * a `Links:` list (angle brackets or not, sometimes the same URL twice).
 */
import type { Organization } from './pdf-extraction-source.js';
import { type BriefContent, formatDate, makePerson } from './policy-text.js';
import type { Random } from './seeded-random.js';

const TAGS = [
  'Privacy',
  'Security',
  'Free Expression',
  'Surveillance',
  'Internet Governance',
  'Competition',
  'Consumer Privacy',
  'Open Internet',
  'Government Surveillance',
  'Innovation',
  'Human Rights',
] as const;

export function webExportSource(rng: Random, c: BriefContent, org: Organization): string {
  const site = org.url ? new URL(org.url).origin : 'https://example.org';
  const host = new URL(site).host.replace(/^www\./, '');
  const urls: string[] = [];
  const ref = (url: string) => {
    urls.push(url);
    return urls.length;
  };
  const authors = Array.from({ length: rng.pick([0, 1, 1, 1, 2, 2, 3]) }, () => makePerson(rng, host));
  const slugOf = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase();
  const byline = authors.map((a) => `[${a.name}](#) [${ref(`https://${host}/personnel/${encodeURIComponent(slugOf(a.name))}`)}]`);
  const joinNames = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

  // Link some phrases of the prose to documents; a later one may cite an earlier URL again.
  const anchors = [
    c.topic.body.name,
    `the ${c.topic.instrument}`,
    'a similar measure',
    'transparency reports',
    'multi-stakeholder processes',
    'independent testing and audits',
    'international human rights law',
    c.topic.subject,
  ];
  const linkIn = (text: string): string =>
    text
      .split(/(?<=\.) /)
      .map((sentence) => {
        const anchor = anchors.find((a) => sentence.includes(a));
        if (!anchor || !rng.chance(0.4)) return sentence;
        const cited = urls.slice(authors.length);
        const url =
          cited.length && rng.chance(0.15)
            ? rng.pick(cited)
            : rng.chance(0.15)
              ? c.paperUrl
              : `${site}/${rng.pick(['blogs', 'reports', 'testimony', 'comments'])}/${slugOf(anchor)}-${rng.int(100, 999)}`;
        return sentence.replace(anchor, `[${anchor}](#) [${ref(url)}]`);
      })
      .join(' ');

  const body: string[] = c.intro.map(linkIn);
  for (const s of c.sections) {
    if (rng.chance(0.5)) body.push(s.heading);
    body.push(...s.paragraphs.map(linkIn));
    if (s.bullets.length) body.push(s.bullets.map((b, i) => (s.numbered ? `${i + 1}. ${b}` : `* ${b}`)).join('\n'));
  }
  if (rng.chance(0.5))
    body.push(
      `In short: ${c.keyPoints
        .slice(0, 2)
        .map((k) => k.replace(/\.$/, '').toLowerCase())
        .join('; ')}.`,
    );

  const tags = rng.sample(TAGS, rng.int(0, 4)).map((t) => `- [${t}](#)`);
  const year = c.date.getUTCFullYear() + rng.int(0, 2);
  const rights = rng.pick([
    `The copyright © ${year} by the ${org.name}. ${org.short_name ?? org.name} content can be freely copied and used as long as you make no substantive changes and clearly give us credit. [Details](#).`,
    `Copyright © ${year} ${org.name}. This post may be shared under a Creative Commons Attribution license. [Details](#).`,
    `© ${year} ${org.name}. All rights reserved.`,
  ]);
  const sourceUrl = `${site}/blogs/${authors[0] ? slugOf(authors[0].name) : 'staff'}/${slugOf(c.title).slice(0, 60).replace(/-$/, '')}`;
  const links = urls.map((u, i) => (rng.chance(0.6) ? `[${i + 1}] <${u}>` : `[${i + 1}] ${u}`));

  return [
    '\n',
    c.title,
    '',
    [authors.length ? `by ${joinNames(byline)}` : '', formatDate(rng, c.date)].filter(Boolean).join('\n'),
    '',
    body.join('\n\n'),
    '',
    ...(tags.length ? ['-', ...tags, ''] : []),
    rights,
    '',
    `Source URL: ${rng.chance(0.8) ? `<${sourceUrl}>` : sourceUrl}`,
    '',
    ...(links.length ? ['Links:', '', links.join('\n\n')] : []),
  ].join('\n');
}
