/**
 * The title's text as the front matter gives it: its lines joined, without a genre label
 * before it, in title case that keeps what the body proves (acronyms, words it writes in
 * lower case); and the witness a testimony's title names.
 */
import type { VFile } from 'vfile';
import type { Author } from '../../core/types.js';
import { placeOf, recordRemoved, type SourceLine } from '../text/source-lines.js';
import { findDates, parseMonthLine } from '../text/dates.js';
import { joinWrapped } from '../text/blocks.js';
import { isAllCaps, toTitleCaseAny, type TitleStyle, writesLowerCase } from '../text/title-case.js';
import type { WordSet } from '../rules/dehyphenate.js';
import { bylineBlockName, witnessName } from '../text/witness.js';
import { reportGuess } from '../text/guessed.js';
import * as documentLabel from '../rules/document-label.js';
import type { Candidate } from './candidates.js';
import type { Page } from './page.js';
import { speakerLabel, witnessLine } from './letter-lines.js';
import { personName } from '../text/contacts.js';
import { organization } from '../text/letterhead.js';
import { reportMonthOnly } from './date.js';

/** The title's text, in title case (or as written, by `style`); a genre label before it ("Press Release: …") is recorded as removed. */
export function titleText(
  file: VFile,
  title: Candidate,
  body: readonly SourceLine[],
  words: WordSet,
  evidence: Map<string, string>,
  style: TitleStyle = 'news',
): string {
  // A Markdown heading's marks in a plain text ("## Day Against DRM: …" in a mail) are no part of the title.
  const fullTitle = title.lines
    .map((l, n) => (n === 0 ? l.text.trim().replace(/^#{1,6}\s+/, '') : l.text.trim()))
    .reduce((a, b) => joinWrapped(a, b, words))
    // A subject set as a sentence ("… reforms to the UK's data protection regime."): a title keeps no full stop.
    .replace(/(?<=\s(?!etc\b)\p{Ll}{3,})\.$/u, '');
  // A hearing's name in quotation marks as the title: the marks are not part of it.
  const rawTitle = withoutGenreLabel(fullTitle).replace(/^[“"]([^“”"]+)[”"]$/, '$1');
  if (rawTitle !== fullTitle)
    recordRemoved(file, [{ ...title.lines[0]!, text: fullTitle.slice(0, fullTitle.indexOf(':') + 1) }], documentLabel.id);
  const bodyText = body.map((l) => l.text).join('\n');
  const lowerCase = (word: string) => !title.fromSentence && writesLowerCase(bodyText, word);
  // A topic in capitals over its subtitle ("AFGHANISTAN DEVELOPMENT" / "USAID Continues to Face …"): "Topic: Subtitle".
  const [topic, ...rest] = title.lines.map((l) => l.text.trim());
  if (rawTitle === fullTitle && topic && rest.length && isAllCaps(topic) && !/[:.!?]$/.test(topic) && !isAllCaps(rest.join(' '))) {
    const subtitle = rest.reduce((a, b) => joinWrapped(a, b, words));
    return `${toTitleCaseAny(topic, evidence, lowerCase, style)}: ${toTitleCaseAny(subtitle.replace(/\s+/g, ' '), evidence, lowerCase, style)}`;
  }
  // A topic in capitals before the title on the same line ("EU: MANDATORY DATA RETENTION: Letter to …"): re-cased the same way.
  const one = rawTitle.replace(/\s+/g, ' ');
  const colon = [...one.matchAll(/: /g)]
    .map((m) => m.index)
    .reverse()
    .find((at) => isAllCaps(one.slice(0, at)) && !isAllCaps(one.slice(at + 2)) && one.slice(at + 2).split(' ').length >= 3);
  if (colon !== undefined)
    return `${toTitleCaseAny(one.slice(0, colon), evidence, lowerCase, style)}: ${toTitleCaseAny(one.slice(colon + 2), evidence, lowerCase, style)}`;
  return toTitleCaseAny(one, evidence, lowerCase, style);
}

/** A title that starts with its genre ("Press Release: …", "PRESS STATEMENT: …"): the template prints the kind. */
function withoutGenreLabel(title: string): string {
  const colon = title.indexOf(':');
  if (colon < 3 || colon > 40) return title;
  const rest = title.slice(colon + 1).trim();
  return documentLabel.test(title.slice(0, colon)) && rest.split(/\s+/).length >= 3 ? rest : title;
}

/** The witness a testimony's title names, as its author (a guess, reported). */
export function witnessAuthors(file: VFile, text: string, title: Candidate, top: readonly Candidate[] = []): Author[] | undefined {
  const witness = witnessName(text);
  if (witness) {
    reportGuess(file, 'authors', witness, 'the name in a testimony’s title ("Testimony of …", "…’s Testimony")', placeOf(title.lines[0]));
    return [{ name: witness }];
  }
  // A witness line under the title ("Statement of Charles Michael Johnson Jr., Director").
  const line = top.map((c) => c.lines[0]!).find((l) => witnessLine.test(l.text));
  const named = line ? witnessName(line.text.trim()) : undefined;
  if (line && named) {
    reportGuess(file, 'authors', named, 'the name in the testimony’s witness line ("Statement of …, Director")', placeOf(line));
    return [{ name: named }];
  }
  // A speaker's label over a person's name ("Prepared Statement of:" / "Alan Simpson" / "Vice President of Policy").
  const labelled = top.find((c) => c !== title && speakerLabel.test(c.lines[0]!.text) && c.lines.length >= 2);
  const speaker = labelled?.lines[1]!.text.trim();
  if (
    labelled &&
    speaker &&
    speaker.split(/\s+/).length <= 5 &&
    personName.test(speaker) &&
    !/^the\s/i.test(speaker) &&
    !organization.looksLikeName(speaker)
  ) {
    reportGuess(file, 'authors', speaker, 'the name under the speaker’s label ("Prepared Statement of:")', placeOf(labelled.lines[1]));
    return [{ name: speaker }];
  }
  return undefined;
}

/**
 * A byline block under the title ("Chris Jaikaran" / "Analyst in Cybersecurity Policy"): the
 * name is the author (a guess, reported), and the block leaves the body (rule `byline`).
 */
export function bylineBlockAuthors(page: Page, title: Candidate, top: readonly Candidate[]): Author[] | undefined {
  const below = top.slice(top.indexOf(title) + 1, top.indexOf(title) + 3);
  const block = below.find((c) => !c.insideAddress && bylineBlockName(c.lines.map((l) => l.text)));
  if (!block) return undefined;
  const name = bylineBlockName(block.lines.map((l) => l.text))!;
  reportGuess(page.file, 'authors', name, 'the name over its position under the title', placeOf(block.lines[0]));
  block.indexes.forEach((i) => page.remove(i, 'byline'));
  return [{ name }];
}

/**
 * A cover line that runs the title on into who published it and when ("Submission to the Standing
 * Committee … regarding Bill C-59, An Act respecting national security matters Canadian Civil
 * Liberties Association, January 2018"): the date at its end is the text's date, the
 * organization's name before it is the cover's, and neither is part of the title. The title
 * keeps six words or more; the cut words are recorded (rules `date-line` and
 * `letterhead-organization`).
 */
export function withoutCoverTail(file: VFile, title: Candidate): { title: Candidate; date?: string } | undefined {
  const last = title.lines.at(-1)!;
  const text = last.text.trimEnd();
  const day = findDates(text.slice(-40)).at(-1);
  const found = day ?? parseMonthLine(text.slice(text.lastIndexOf(',') + 1));
  if (!found) return undefined;
  const dateText = found.text;
  if (!text.endsWith(dateText)) return undefined;
  let rest = text.slice(0, text.length - dateText.length).replace(/[\s,–—-]+$/, '');
  const words = rest.trim().split(/\s+/);
  const before = title.lines
    .slice(0, -1)
    .map((l) => l.text.trim())
    .join(' ')
    .split(/\s+/)
    .filter(Boolean).length;
  if (!/[,–—-]\s*$/.test(text.slice(0, text.length - dateText.length)) || before + words.length < 8) return undefined;
  let name = '';
  for (let k = Math.min(7, words.length + before - 6, words.length); k >= 2; k--) {
    const tail = words.slice(-k).join(' ');
    if (organization.looksLikeName(tail) && /^\p{Lu}/u.test(tail)) {
      name = tail;
      break;
    }
  }
  rest = name ? rest.slice(0, rest.length - name.length).trimEnd() : rest;
  if (name) recordRemoved(file, [{ ...last, text: name }], organization.id);
  recordRemoved(file, [{ ...last, text: dateText }], 'date-line');
  const iso = found.iso;
  reportGuess(file, 'date', iso, 'the date at the end of the cover’s title line', placeOf(last));
  if (!day) reportMonthOnly(file, found, last);
  // The whole last line was the cover's name and date: the title is the lines above it.
  const lines = rest.trim() ? [...title.lines.slice(0, -1), { ...last, text: rest }] : title.lines.slice(0, -1);
  return { title: { ...title, lines }, date: iso };
}
