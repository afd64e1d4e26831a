/**
 * The lines of a plain text as the reader's steps see them: each step removes lines (with
 * the rule that removed them, for `--explain`) and the rest are the body.
 */
import type { VFile } from 'vfile';
import type { RuleId } from '../../core/rules.js';
import { isBlank, recordRemoved, type SourceLine } from '../text/source-lines.js';

export interface Page {
  file: VFile;
  lines: SourceLine[];
  /** Indexes of the lines that are no part of the body (letterhead, the title, the date line…). */
  removed: Set<number>;
  /** Remove line `index`, recorded under `instead` when given, else under `ruleId`. */
  remove(index: number, ruleId: RuleId, instead?: RuleId): void;
}

export function toPage(file: VFile, lines: SourceLine[]): Page {
  const removed = new Set<number>();
  return {
    file,
    lines,
    removed,
    remove(index, ruleId, instead) {
      removed.add(index);
      recordRemoved(file, [lines[index]!], instead ?? ruleId);
    },
  };
}

/** The lines still in the body. */
export const bodyLines = (page: Page): SourceLine[] => page.lines.filter((_, i) => !page.removed.has(i));

/** Index of the next (step 1) or previous (step -1) non-blank line. */
export function neighbour(lines: readonly SourceLine[], from: number, step: 1 | -1): number {
  for (let i = from + step; i >= 0 && i < lines.length; i += step) {
    if (!isBlank(lines[i])) return i;
  }
  return -1;
}
