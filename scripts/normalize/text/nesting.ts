/**
 * How deep a Markdown line nests block quotes and lists at its start (`> > - 1. x` is four
 * deep). Every Markdown parser and HTML writer walks nested blocks recursively, and
 * micromark's time grows with the square of the depth: a line of 100,000 `> ` takes minutes
 * and then overflows the stack. Real documents nest a few levels; markdown-it stops at 100
 * (`maxNesting`), and briefpress refuses a source that nests deeper than `MAX_NESTING`.
 * One pass over each line's start: linear in the text.
 */
export const MAX_NESTING = 32;

/** The first line (1-based, within `text`) nesting deeper than `max`, its column and depth; nothing when none does. */
export function tooDeep(text: string, max = MAX_NESTING): { line: number; column: number; depth: number } | undefined {
  let line = 1;
  for (let start = 0; start < text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const depth = isThematicBreak(text, start, end) ? 0 : nestingAt(text, start, end);
    if (depth > max) return { line, column: 1, depth };
    start = end + 1;
  }
  return undefined;
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/** Block quote and list markers at the start of `text[start, end)`, one after another. */
function nestingAt(text: string, start: number, end: number): number {
  let depth = 0;
  let i = start;
  for (;;) {
    while (i < end && isBlank(text[i])) i++;
    const c = text[i];
    if (c === '>') {
      i++;
    } else if ((c === '-' || c === '*' || c === '+') && (i + 1 === end || isBlank(text[i + 1]))) {
      i++;
    } else {
      let d = i;
      while (d < end && d - i < 9 && text[d]! >= '0' && text[d]! <= '9') d++;
      if (d === i || (text[d] !== '.' && text[d] !== ')') || !(d + 1 === end || isBlank(text[d + 1]))) return depth;
      i = d + 1;
    }
    depth++;
  }
}

/** `- - -`, `* * * *`: a rule, which CommonMark reads before a list. */
function isThematicBreak(text: string, start: number, end: number): boolean {
  let mark: string | undefined;
  let count = 0;
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (isBlank(c) || c === '\r') continue;
    if (c !== '-' && c !== '*' && c !== '_') return false;
    if (mark !== undefined && c !== mark) return false;
    mark = c;
    count++;
  }
  return count >= 3;
}
