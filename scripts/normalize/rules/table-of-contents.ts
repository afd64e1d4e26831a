/**
 * Rule `table-of-contents`: a document's table of contents, which a printed brief does not
 * need (its page numbers are the original's, its entries the headings the brief prints
 * anyway). Two forms are found:
 *
 * - a contents list run into one line, as a PDF's text extraction leaves it ("CONTENTS 4
 *   Foreword - Professor Gillian Triggs 6 Introduction 8 Recommendations …"): the label, then
 *   four or more page numbers each followed by an entry;
 * - a "Contents" line over its entries (numbered or not, with or without page numbers), up to
 *   the heading of the text that its first entry names ("Contents" / "1. Introduction" / … /
 *   "Annex D: …" / then "1. Introduction", the text's first section).
 *
 *   in:  Contents / 1. Introduction / 2. Legal Background / … / 1. Introduction / 1.1. The purpose …
 *   out: 1. Introduction / 1.1. The purpose …
 */
import { defineRule } from '../../core/rules.js';
import type { SourceLine } from '../text/source-lines.js';

export const { id, summary } = defineRule('table-of-contents');

const label = /^\s*(?:table\s+of\s+)?contents\b\s*:?/i;
/** The label alone on its line. */
const labelLine = new RegExp(`${label.source}\\s*$`, 'i');

/** A contents list run into one line: the label, then four or more "page number, entry" pairs. */
export function isRunOnContents(text: string): boolean {
  if (!label.test(text)) return false;
  return (text.replace(label, ' ').match(/(?:^|\s)\d{1,3}\s+\p{Lu}/gu) ?? []).length >= 4;
}

/** An entry's words, without its numbering ("1.", "IV.", "A.", "(a)"), dotted leaders or page number. */
const entryWords = (text: string) =>
  text
    .trim()
    .replace(/^(?:[-•*]\s+)?(?:\(?(?:\d{1,2}(?:\.\d{1,2})*|[ivxlc]{1,5}|[a-z])[.)]\s+)/i, '')
    .replace(/(?:\s*\.{2,}\s*|\s+)\d{1,3}$/, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Indexes of the lines of a table of contents (with the blank lines between them), found among
 * the first half of `lines` (or its first 40 lines); `removed` lines are skipped.
 */
export function find(lines: readonly SourceLine[], removed: ReadonlySet<number>): Set<number> {
  const found = new Set<number>();
  const limit = Math.min(lines.length, Math.max(40, Math.ceil(lines.length / 2)));
  for (let i = 0; i < limit; i++) {
    if (removed.has(i)) continue;
    const text = lines[i]!.text;
    if (isRunOnContents(text)) {
      found.add(i);
      continue;
    }
    if (!labelLine.test(text)) continue;
    // The first entry, and the text's own heading that it names further down.
    let first = i + 1;
    while (first < lines.length && !lines[first]!.text.trim()) first++;
    const words = first < lines.length ? entryWords(lines[first]!.text) : '';
    if (words.length < 4) continue;
    let entries = 0;
    for (let k = first + 1; k < Math.min(lines.length, first + 80); k++) {
      const line = lines[k]!.text;
      if (!line.trim()) continue;
      if (entryWords(line) === words && entries >= 1) {
        for (let j = i; j < k; j++) found.add(j);
        break;
      }
      // An entry is a short line; running text under the label means it was no contents list.
      if (line.trim().split(/\s+/).length > 20 || /[.!?]["”’)]?$/.test(line.trim())) break;
      entries++;
    }
  }
  return found;
}
