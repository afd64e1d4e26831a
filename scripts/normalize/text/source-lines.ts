/**
 * The line model shared by the plain-text readers: each line keeps its place in the
 * decoded source, and every line a rule drops is recorded (for `--explain`), so
 * nothing a user wrote disappears silently.
 */
import type { VFile } from 'vfile';
import type { RuleId } from '../../core/rules.js';

export interface SourceLine {
  /** The line's text, without the line ending. */
  text: string;
  /** 1-based line in the decoded source. */
  line: number;
  /** 1-based column of `text`'s first character (after a form feed it is past it). */
  column: number;
  /** The line follows a form feed: a new page starts here. */
  pageStart?: boolean;
}

/** A line removed from the body, and the rule that removed it. */
export interface RemovedLine {
  line: number;
  text: string;
  ruleId: string;
}

declare module 'vfile' {
  interface DataMap {
    /** Lines the normalizer removed from the body, in source order (shown by `--explain`). */
    removed: RemovedLine[];
  }
}

/** The line without the spaces, tabs and no-break spaces at its end. */
function trimTrailingBlanks(text: string): string {
  let end = text.length;
  for (let code = text.charCodeAt(end - 1); code === 0x20 || code === 0x09 || code === 0xa0; code = text.charCodeAt(end - 1)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** Split decoded text into lines; form feeds start a new page (and a new line). */
export function toLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const pages = raw.split('\f');
    let column = 1;
    pages.forEach((segment, page) => {
      const entry: SourceLine = { text: trimTrailingBlanks(segment), line: index + 1, column };
      if (page > 0) entry.pageStart = true;
      lines.push(entry);
      column += segment.length + 1;
    });
  });
  return lines;
}

export const isBlank = (line: SourceLine | undefined): boolean => !line || line.text.trim() === '';

/**
 * Record lines as removed by a rule (shown with `--explain`). Rules record in their own
 * order; `normalize()` puts the list in source order once, at the end (sorting here, on
 * every call, made a source of many removed lines quadratic).
 */
export function recordRemoved(file: VFile, lines: readonly SourceLine[], ruleId: RuleId): void {
  const removed = (file.data.removed ??= []);
  for (const line of lines) {
    if (line.text.trim() !== '') removed.push({ line: line.line, text: line.text.trim(), ruleId });
  }
}

/** The place of a line (or of a column inside it) for a vfile message. */
export function placeOf(line: SourceLine | undefined, offset = 0): { line: number; column: number } {
  if (!line) return { line: 1, column: 1 };
  const indent = line.text.length - line.text.trimStart().length;
  return { line: line.line, column: line.column + indent + offset };
}
