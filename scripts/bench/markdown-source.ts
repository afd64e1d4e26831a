/**
 * Lay a brief out as Markdown with YAML front matter, the third kind of source: what
 * an editor writes by hand or keeps after normalizing.
 */
import { stringify } from 'yaml';
import { type BriefContent, titleCase } from './policy-text.js';
import type { Random } from './seeded-random.js';

export function markdownSource(rng: Random, c: BriefContent): string {
  const data: Record<string, unknown> = {
    title: c.title,
    date: c.date.toISOString().slice(0, 10),
    kind: rng.chance(0.7) ? 'brief' : 'post',
  };
  if (rng.chance(0.6)) data.authors = c.contacts.map((p) => ({ name: p.name }));
  data.contacts = c.contacts.map((p) => ({ name: p.name, role: p.role, email: p.email }));
  if (rng.chance(0.7)) data.tags = [titleCase(c.topic.subject), c.topic.body.short];
  data.summary = c.intro[0]
    ?.split(/(?<=\.) /)
    .slice(0, 2)
    .join(' ');
  const list = (items: string[], numbered = false) => items.map((t, i) => (numbered ? `${i + 1}. ${t}` : `- ${t}`)).join('\n');
  const body = [...c.intro];
  for (const s of c.sections) {
    body.push(`## ${s.heading}`, ...s.paragraphs);
    if (s.bullets.length) body.push(list(s.bullets, s.numbered));
  }
  body.push('## Key Points', list(c.keyPoints), '## Conclusions', list(c.conclusions));
  body.push(
    '## Further Information',
    `See [${titleCase(c.topic.subject)}: A Closer Look](${c.paperUrl}), or contact ` +
      c.contacts.map((p) => `${p.name}, ${p.role}, <${p.email}>`).join(', or ') +
      '.',
  );
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body.join('\n\n')}\n`;
}
