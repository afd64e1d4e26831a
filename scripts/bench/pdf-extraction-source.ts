/**
 * Lay a brief out as the plain-text extraction of a letterhead one-pager: letterhead
 * lines, an ALL-CAPS title, a date, heading lines, glyph bullets, Key Points,
 * Conclusions, Further Information with contacts. Some are hard-wrapped at a fixed width
 * with words hyphenated across line ends and page breaks (form feed, running footer,
 * page number) falling mid-paragraph, as real extractions are.
 */
import type { SiteConfig } from '../core/config.js';
import { type BriefContent, formatDate, type Person } from './policy-text.js';
import type { Random } from './seeded-random.js';

export type Organization = SiteConfig['organization'];

const BULLETS = ['-', '•', '◦', '*', '\uF0B7'] as const;

function letterhead(rng: Random, org: Organization): string[] {
  const host = org.url ? new URL(org.url).host : undefined;
  const tagline = org.tagline ? splitInTwo(org.tagline, rng.chance(0.6)) : [];
  const name = splitInTwo(org.name.toUpperCase(), rng.chance(0.6));
  const contact = [org.phone && `P ${org.phone}`, org.fax && `F ${org.fax}`, org.email && `E ${org.email}`].filter((l): l is string =>
    Boolean(l),
  );
  if (rng.chance(0.2)) {
    // Everything on one line, as some extractors join a letterhead column.
    return [[org.name, ...org.address, ...contact, host].filter(Boolean).join(' | ')];
  }
  const blocks = [tagline, host ? [host] : [], name, org.address, ...contact.map((l) => [l])].filter((b) => b.length);
  const ordered = rng.chance(0.3) ? rng.sample(blocks, blocks.length) : blocks;
  return ordered.flatMap((b) => [...b, '']);
}

function splitInTwo(text: string, split: boolean): string[] {
  const words = text.split(' ');
  if (!split || words.length < 4) return [text];
  let mid = Math.ceil(words.length / 2);
  // Never start the second line with a separator such as "•" or "&" (it would read as a bullet).
  while (mid < words.length - 1 && !/^[\p{L}\p{N}]/u.test(words[mid] as string)) mid++;
  return [words.slice(0, mid).join(' '), words.slice(mid).join(' ')];
}

function contactSentence(people: Person[]): string {
  const one = (p: Person) => `${p.name}, ${p.role}, ${p.email}`;
  return `Or contact ${people.map(one).join(', or ')}.`;
}

/** Blocks of the body: each is a paragraph, a heading line or a list item. */
function bodyBlocks(rng: Random, c: BriefContent, org: Organization): string[] {
  const glyph = rng.pick(BULLETS);
  const numberStyle = rng.chance(0.5) ? (i: number) => `${i}.` : (i: number) => `(${i})`;
  const list = (items: string[], numbered = false) => items.map((t, i) => `${numbered ? numberStyle(i + 1) : glyph} ${t}`);
  const title = c.title.toUpperCase();
  const titleLines = title.length > 70 && rng.chance(0.5) ? splitInTwo(title, true) : [title];
  const blocks = [titleLines.join('\n'), formatDate(rng, c.date), ...c.intro];
  for (const s of c.sections) {
    blocks.push(s.heading, ...s.paragraphs.slice(0, 1), ...list(s.bullets, s.numbered), ...s.paragraphs.slice(1));
  }
  blocks.push('Key Points', ...list(c.keyPoints), 'Conclusions', ...list(c.conclusions));
  const month = formatDate(rng, c.date).replace(/\d+(st|nd|rd|th)?,? /, '');
  blocks.push(
    'Further Information',
    `For a fuller discussion of these issues, see “${c.topic.subject.replace(/^./, (x) => x.toUpperCase())}: A Closer Look,” ${org.short_name ?? org.name} (${month}), ${c.paperUrl}`,
    contactSentence(c.contacts),
  );
  return blocks;
}

/** Hyphenate `word` so that its head fits in `room` columns, or return undefined. */
function hyphenate(word: string, room: number): [string, string] | undefined {
  if (!/^[a-z]{8,}[.,;:]?$/i.test(word) || room < 4) return undefined;
  const cut = Math.min(room - 1, word.replace(/[.,;:]$/, '').length - 3);
  if (cut < 3) return undefined;
  return [`${word.slice(0, cut)}-`, word.slice(cut)];
}

function wrap(rng: Random, text: string, width: number): string[] {
  const indent = /^(\S{1,4}) /.exec(text)?.[0].length ?? 0;
  const isItem = /^([-•◦*\uF0B7]|\(?\d+[.)])\s/.test(text);
  const pad = isItem ? ' '.repeat(indent) : '';
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const sep = line ? ' ' : '';
    if ((line + sep + word).length <= width) {
      line += sep + word;
      continue;
    }
    const parts = rng.chance(0.6) ? hyphenate(word, width - line.length - sep.length) : undefined;
    if (parts) {
      lines.push(line + sep + parts[0]);
      line = pad + parts[1];
    } else {
      lines.push(line);
      line = pad + word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Insert page breaks every `perPage` lines, wherever they fall. */
function paginate(rng: Random, lines: string[], perPage: number, footer: string): string[] {
  const pages = Math.ceil(lines.length / perPage);
  const style = rng.pick(['bare', 'of', 'footer'] as const);
  const out: string[] = [];
  lines.forEach((l, i) => {
    out.push(l);
    const n = (i + 1) / perPage;
    if (Number.isInteger(n) && i + 1 < lines.length) {
      if (style === 'bare') out.push('', String(n), '\f');
      else if (style === 'of') out.push('', `Page ${n} of ${pages}`, '\f');
      else out.push('', `${footer}    ${n}`, '\f');
    }
  });
  return out;
}

export function pdfExtractionSource(rng: Random, content: BriefContent, org: Organization): string {
  const head = letterhead(rng, org);
  const blocks = bodyBlocks(rng, content, org);
  const leading = '\n'.repeat(rng.int(0, 3));
  if (!rng.chance(0.4)) {
    // One paragraph per line, as the usual extraction of a one-pager gives.
    return `${leading}${head.join('\n')}\n${blocks.join('\n\n')}\n`;
  }
  const width = rng.int(64, 92);
  const wrapped = blocks.flatMap((b, i) => {
    const next = blocks[i + 1] ?? '';
    const bothItems = /^([-•◦*\uF0B7]|\(?\d+[.)])\s/.test(b) && /^([-•◦*\uF0B7]|\(?\d+[.)])\s/.test(next);
    return [...b.split('\n').flatMap((line) => wrap(rng, line, width)), ...(bothItems && rng.chance(0.7) ? [] : [''])];
  });
  const footer = `${org.short_name ?? org.name} | ${content.title.slice(0, 40)}`;
  return `${leading}${head.join('\n')}\n${paginate(rng, wrapped, rng.int(44, 56), footer).join('\n')}`;
}
