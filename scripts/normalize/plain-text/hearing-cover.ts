/**
 * A hearing testimony's cover block, as a Word document sets it, one field a line: who speaks
 * ("Statement of" / "Justin Brookman", or "Testimony of David J. Redl"), the witness's position
 * and organization, before whom ("Before the" / the committee), on what ("On" / the topic, or
 * "On Reauthorization of NTIA") and the date (its fields are read by text/hearing-cover.ts).
 * The topic is the title; the witness, without the position, is the author; the rest of the
 * block (who, before whom) stays under the title.
 */
import type { VFile } from 'vfile';
import type { Author } from '../../core/types.js';
import { isBlank, placeOf, type SourceLine } from '../text/source-lines.js';
import { reportGuess } from '../text/guessed.js';
import { coverFields, withoutFieldWord } from '../text/hearing-cover.js';
import type { Candidate } from './candidates.js';

export interface HearingCover {
  title: Candidate;
  /** The witness's name, and the line it is on. */
  witness?: { name: string; line: SourceLine };
  /** A second witness ("…, and" / "Tinuola Dada, Research Assistant, Upturn"). */
  second?: { name: string; line: SourceLine };
  /** A field's word alone on its line ("On"): no part of the text. */
  fieldLines: number[];
  /** The field's word before a topic on the same line ("On" of "On Reauthorization of NTIA"). */
  fieldWord?: SourceLine;
  /** The lines of the block that stay in the body, one field a line, and the last of each part. */
  lines?: SourceLine[];
  ends?: (SourceLine | undefined)[];
}

/**
 * The cover block among the candidates at the top, when one opens with who speaks and names
 * a topic and a committee: the candidates are split around the topic, which is returned as the title.
 */
export function readHearingCover(candidates: Candidate[]): HearingCover | undefined {
  for (const [k, candidate] of candidates.entries()) {
    const texts = candidate.lines.map((l) => l.text.trim());
    const fields = coverFields(texts);
    if (!fields) continue;
    // A heading of the document's own under the cover ("CDT CEO … Testimony Before … Hearing on …") is its title.
    // (A letter's "Dear …" under the cover is the text's start.)
    if (candidates.slice(k + 1).some((c) => !/^\s*dear\s/i.test(c.lines[0]!.text))) return undefined;
    const { from, end, field, inline, witness } = fields;
    const topicLines = candidate.lines
      .slice(from, end)
      .map((line, n) => (n === 0 && inline ? { ...line, text: withoutFieldWord(line.text) } : line));
    const title: Candidate = { lines: topicLines, indexes: candidate.indexes.slice(from, end) };
    const before: Candidate = { lines: candidate.lines.slice(0, from), indexes: candidate.indexes.slice(0, from) };
    const after: Candidate = { lines: candidate.lines.slice(end), indexes: candidate.indexes.slice(end) };
    candidates.splice(k, 1, ...[before, title, after].filter((c) => c.lines.length));
    const cover: HearingCover = { title, fieldLines: inline ? [] : [candidate.indexes[field]!] };
    if (witness) cover.witness = { name: witness.name, line: candidate.lines[witness.index]! };
    if (fields.second) cover.second = { name: fields.second.name, line: candidate.lines[fields.second.index]! };
    if (inline) cover.fieldWord = { ...candidate.lines[field]!, text: texts[field]!.slice(0, texts[field]!.length - inline.length).trim() };
    // The last lines of the block's parts that stay: the text under them is a paragraph of its own.
    const kept = [before, after].map((c) => c.lines.filter((_, n) => !cover.fieldLines.includes(c.indexes[n]!)));
    cover.ends = kept.map((c) => c.at(-1));
    cover.lines = kept.flat();
    return cover;
  }
  return undefined;
}

/** The body's lines with a blank line after each of `ends` (lines after which a block must end). */
export function breakAfter(body: readonly SourceLine[], ends: readonly (SourceLine | undefined)[]): SourceLine[] {
  const at = new Set(ends.filter((l): l is SourceLine => l !== undefined));
  return body.flatMap((line, i) =>
    at.has(line) && !isBlank(body[i + 1]) && i + 1 < body.length ? [line, { text: '', line: line.line, column: line.column }] : [line],
  );
}

/** The witness as the brief's author (a guess, reported). */
export function coverAuthors(file: VFile, witness: NonNullable<HearingCover['witness']>, second?: HearingCover['second']): Author[] {
  const names = [witness.name, ...(second ? [second.name] : [])];
  reportGuess(
    file,
    'authors',
    names.join(', '),
    'the witness a testimony’s cover names ("Statement of" / the name)',
    placeOf(witness.line),
  );
  return names.map((name) => ({ name }));
}
