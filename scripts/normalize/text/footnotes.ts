/**
 * Notes of a plain text as GFM footnotes. A text closes with its numbered notes ("1. …",
 * "[1] …", under "Notes", "Endnotes" or "Footnotes" or none) and its sentences carry
 * their numbers: glued to a word ("safeguards2", "law.3", "reforms[12]") or in superscript
 * ("rights¹"). The notes become footnotes (`[^2]` and `[^2]: …`) only on that evidence:
 * every note's number is found in the text before it, in ascending order, so that a
 * number in the text ("G20", "Title II") is never taken for a note and no note is lost.
 */
import type { VFile } from 'vfile';
import type { Block } from './blocks.js';
import { recordRemoved } from './source-lines.js';
import { toInline } from './inline.js';

/** Marks a note reference in block text until the Markdown is written (noncharacters never occur in a source). */
const REF = '\uFDD5';
const NOTES = '\uFDD6';

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const fromSuperscript = (s: string) => [...s].map((c) => String(SUPERSCRIPT.indexOf(c))).join('');

/** A note's number glued to a word, or after its punctuation, or in brackets, or in superscript. */
const marker = /(?<=\p{L}{2}|\p{L}[.,;:!?”’"')\]]|[”’"')\]])(\d{1,3})(?=[\s.,;:!?”’")\]]|$)|\[(\d{1,3})\]|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})/gu;

/** A note line that is not a list item: "[3] Ibid., p. 4." */
const bracketNote = /^\s*\[(\d{1,3})\]\s+(\S.*)$/;

const notesHeading = /^(?:foot|end)?notes$|^references$/i;

interface Note {
  number: number;
  text: string;
}

/** The closing notes: the last blocks, a numbered list or `[n]` paragraphs counting on, with a heading above maybe. */
function closingNotes(blocks: readonly Block[]): { start: number; notes: Note[]; heading?: Block } | undefined {
  let start = blocks.length;
  const notes: Note[] = [];
  while (start > 0) {
    const block = blocks[start - 1]!;
    if (block.type === 'list' && block.items.every((item) => item.ordered && item.number !== undefined && item.level === 1)) {
      notes.unshift(...block.items.map((item) => ({ number: item.number!, text: item.text })));
    } else if (block.type === 'paragraph' && bracketNote.test(block.text)) {
      const [, n, text] = bracketNote.exec(block.text)!;
      notes.unshift({ number: Number(n), text: text! });
    } else break;
    start--;
  }
  if (!notes.length || notes.some((note, k) => k > 0 && note.number !== notes[k - 1]!.number + 1)) return undefined;
  const above = blocks[start - 1];
  const heading = above?.type === 'heading' && notesHeading.test(above.text.trim()) ? above : undefined;
  return { start: heading ? start - 1 : start, notes, ...(heading ? { heading } : {}) };
}

/** The texts of a block that may hold note references, and how to write them back. */
function texts(block: Block): { get: () => string; set: (text: string) => void }[] {
  if (block.type === 'paragraph' || block.type === 'heading' || block.type === 'quote')
    return [{ get: () => block.text, set: (text) => (block.text = text) }];
  if (block.type === 'list') return block.items.map((item) => ({ get: () => item.text, set: (text: string) => (item.text = text) }));
  if (block.type === 'lines')
    return block.texts.map((_, k) => ({ get: () => block.texts[k]!, set: (text: string) => (block.texts[k] = text) }));
  return [];
}

/**
 * Find the closing notes and their references in `blocks`; on evidence, mark the
 * references and replace the notes with one placeholder block. Returns the footnote
 * definitions (Markdown) for `writeFootnotes`, or undefined when there are none.
 */
export function findFootnotes(file: VFile, blocks: Block[]): string | undefined {
  const found = closingNotes(blocks);
  if (!found) return undefined;
  const { start, notes, heading } = found;
  // Each note's number, in order, in the text before the notes.
  const places: { slot: ReturnType<typeof texts>[number]; index: number; length: number; number: number }[] = [];
  let expected = notes[0]!.number;
  for (const block of blocks.slice(0, start)) {
    for (const slot of texts(block)) {
      for (const m of slot.get().matchAll(marker)) {
        const number = m[3] ? Number(fromSuperscript(m[3])) : Number(m[1] ?? m[2]);
        if (number !== expected) continue;
        places.push({ slot, index: m.index, length: m[0].length, number });
        expected++;
      }
    }
  }
  if (expected !== notes.at(-1)!.number + 1) return undefined;
  // Write the references from the end of each text, so that earlier offsets stay right.
  for (const place of [...places].reverse()) {
    const text = place.slot.get();
    place.slot.set(`${text.slice(0, place.index)}${REF}${place.number}${REF}${text.slice(place.index + place.length)}`);
  }
  if (heading) recordRemoved(file, [heading.line], 'footnotes');
  blocks.splice(start, blocks.length - start, { type: 'paragraph', text: NOTES, line: blocks[start]!.line });
  return notes.map((note) => `[^${note.number}]: ${toInline(note.text)}`).join('\n\n');
}

/** The Markdown with the note references and definitions written. */
export function writeFootnotes(markdown: string, definitions: string | undefined): string {
  return markdown.replace(new RegExp(`${REF}(\\d+)${REF}`, 'g'), '[^$1]').replace(NOTES, () => definitions ?? '');
}

/** Text without the reference marks (for summaries and contacts). */
export const withoutFootnoteMarks = (text: string) => text.replace(new RegExp(`${REF}\\d+${REF}`, 'g'), '');
