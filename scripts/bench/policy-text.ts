/**
 * Policy prose for generated briefs: a topic drawn from the word lists, and a brief's
 * content (title, date, sections, bullets, key points, contacts) built from it. Each
 * source kind then lays the same content out its own way.
 */
import type { Random } from './seeded-random.js';
import * as W from './word-lists.js';

export interface Topic {
  subject: string;
  body: W.Body;
  instrument: string;
  values: string[];
  verb: string;
  stakeholders: string[];
}

export interface Person {
  name: string;
  role: string;
  email: string;
}

export interface Section {
  heading: string;
  paragraphs: string[];
  bullets: string[];
  numbered: boolean;
}

export interface BriefContent {
  topic: Topic;
  title: string;
  date: Date;
  intro: string[];
  sections: Section[];
  keyPoints: string[];
  conclusions: string[];
  contacts: Person[];
  /** A related paper, cited under "Further Information". */
  paperUrl: string;
  words: number;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const titleWord = (w: string) => (/^(and|of|on|the|to|in|for|at|a)$/.test(w) ? w : cap(w));
export const titleCase = (s: string) =>
  s
    .split(' ')
    .map((w, i) => (i === 0 ? cap(w) : titleWord(w)))
    .join(' ');
export const countWords = (s: string) => s.split(/\s+/).filter(Boolean).length;

export function makeTopic(rng: Random): Topic {
  return {
    subject: rng.pick(W.SUBJECTS),
    body: rng.pick(W.BODIES),
    instrument: rng.pick(W.INSTRUMENTS),
    values: rng.sample(W.VALUES, 3),
    verb: rng.pick(W.TITLE_VERBS),
    stakeholders: rng.sample(W.STAKEHOLDERS, 4),
  };
}

export function makeTitle(rng: Random, t: Topic): string {
  const [a, b, c] = t.values as [string, string, string];
  const forms = [
    `${t.body.short} Proposals on ${titleCase(t.subject)} ${t.verb} ${a}, ${b}, and ${c}`,
    `${titleCase(t.subject)}: Why the ${t.body.short}'s Draft Rules ${t.verb} ${a} and ${b}`,
    `New ${titleCase(t.subject)} Rules ${t.verb} ${a}`,
  ];
  return rng.pick(forms);
}

export function makePerson(rng: Random, domain: string): Person {
  const first = rng.pick(W.FIRST_NAMES);
  const last = rng.pick(W.LAST_NAMES);
  const local = (first.charAt(0) + last)
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
  return { name: `${first} ${last}`, role: rng.pick(W.ROLES), email: `${local}@${domain}` };
}

export function makeSentence(rng: Random, t: Topic): string {
  const who = rng.pick(t.stakeholders);
  const [c1, c2] = rng.sample(W.CONCERNS, 2) as [string, string];
  const [r1, r2] = rng.sample(W.REMEDIES, 2) as [string, string];
  const forms = [
    () => `The ${t.instrument} on ${t.subject} would ${rng.pick(W.EFFECTS)} unless lawmakers ${rng.pick(W.REMEDIES)}.`,
    () => `Its ${c1} and ${c2} are likely to ${rng.pick(W.EFFECTS)}.`,
    () => `${cap(who)} have warned the ${t.body.name} (${t.body.short}) that the current text could ${rng.pick(W.EFFECTS)}.`,
    () => `A better course would ${rng.pick(W.REMEDIES)}, as several ${who} recommended during the consultation.`,
    () => `Nothing in the record shows a need for ${c1} to address the problems the ${t.body.short} describes.`,
    () => `Experience with ${rng.pick(W.SUBJECTS)} suggests that rules with ${c1} tend to ${rng.pick(W.EFFECTS)} over time.`,
    () =>
      `While the goals of the ${t.instrument} are legitimate, its approach to ${t.subject} does not account for how ${who} actually work.`,
    () => `In ${2008 + rng.int(0, 15)}, a similar measure was withdrawn after ${who} showed that it would ${rng.pick(W.EFFECTS)}.`,
    () => `The ${t.body.short} should ${r1} and ${r2}.`,
  ];
  return rng.pick(forms)();
}

function paragraph(rng: Random, t: Topic, min: number, max: number): string {
  return Array.from({ length: rng.int(min, max) }, () => makeSentence(rng, t)).join(' ');
}

/** `count` list items, none repeated. */
function bullets(rng: Random, t: Topic, count: number): string[] {
  const items = new Set<string>();
  for (let tries = 0; items.size < count && tries < count * 10; tries++) items.add(bullet(rng, t));
  return [...items];
}

function bullet(rng: Random, t: Topic): string {
  const forms = [
    () => `${cap(rng.pick(W.REMEDIES))}.`,
    () => `${cap(rng.pick(W.CONCERNS))} would ${rng.pick(W.EFFECTS)}.`,
    () => `The ${t.instrument} does not say how ${rng.pick(t.stakeholders)} would be consulted.`,
    () => makeSentence(rng, t),
  ];
  return rng.pick(forms)();
}

/** A brief of roughly `targetWords` words (one printed page holds about 450). */
export function makeBriefContent(rng: Random, domain: string, targetWords: number): BriefContent {
  const topic = makeTopic(rng);
  const title = makeTitle(rng, topic);
  const date = new Date(Date.UTC(2009 + rng.int(0, 15), rng.int(0, 11), rng.int(1, 28)));
  const intro = [paragraph(rng, topic, 3, 5)];
  const keyPoints = bullets(rng, topic, rng.int(3, 6));
  const conclusions = bullets(rng, topic, rng.int(2, 4));
  const contacts = Array.from({ length: rng.int(1, 2) }, () => makePerson(rng, domain));
  const sections: Section[] = [];
  const headings = rng.sample(W.SECTION_TITLES, W.SECTION_TITLES.length);
  const total = () =>
    countWords([...intro, ...keyPoints, ...conclusions, ...sections.flatMap((s) => [...s.paragraphs, ...s.bullets])].join(' '));
  while (total() < targetWords && sections.length < headings.length) {
    const withList = rng.chance(0.5);
    sections.push({
      heading: headings[sections.length] as string,
      paragraphs: Array.from({ length: rng.int(1, 3) }, () => paragraph(rng, topic, 2, 5)),
      bullets: withList ? bullets(rng, topic, rng.int(2, 5)) : [],
      numbered: withList && rng.chance(0.3),
    });
  }
  const slug = topic.subject.replace(/[^a-z]+/gi, '-').toLowerCase();
  const paperUrl = `https://www.${domain}/files/pdfs/${slug}-${date.getUTCFullYear()}.pdf`;
  return { topic, title, date, intro, sections, keyPoints, conclusions, contacts, paperUrl, words: total() };
}

/** A date in one of the forms people write: "October 4, 2012", "Oct. 4, 2012", "4 October 2012", "9th June, 2021", ISO. */
export function formatDate(rng: Random, date: Date): string {
  const d = date.getUTCDate();
  const month = W.MONTHS[date.getUTCMonth()] as string;
  const y = date.getUTCFullYear();
  const ord = (n: number) =>
    `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;
  const short = month.length > 4 ? `${month.slice(0, 3)}.` : month;
  const forms = [
    `${month} ${d}, ${y}`,
    `${short} ${d}, ${y}`,
    `${d} ${month} ${y}`,
    `${ord(d)} ${month}, ${y}`,
    date.toISOString().slice(0, 10),
  ];
  return rng.pick(forms);
}
