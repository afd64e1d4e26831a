/**
 * The lines of a PDF taken out of the body (furniture, letterhead, a byline), each under the
 * rule that took it, recorded as the text readers record theirs (`--explain` lists them).
 */
import type { VFile } from 'vfile';
import type { RuleId } from '../../core/rules.js';
import { recordRemoved, type SourceLine } from '../text/source-lines.js';
import type { PdfLine } from './layout-lines.js';

export interface RemovedLines {
  /** Line `i` as a source line of the text view (one line each, counted from 1). */
  at(i: number): SourceLine;
  has(i: number): boolean;
  /** Take line `i` out under `ruleId` (the first rule to take it keeps it). */
  remove(i: number, ruleId: RuleId): void;
}

export function removedLines(file: VFile, lines: readonly PdfLine[]): RemovedLines {
  const taken = new Map<number, RuleId>();
  const at = (i: number): SourceLine => ({ text: lines[i]!.text, line: i + 1, column: 1 });
  return {
    at,
    has: (i) => taken.has(i),
    remove(i, ruleId) {
      if (taken.has(i)) return;
      taken.set(i, ruleId);
      recordRemoved(file, [at(i)], ruleId);
    },
  };
}
