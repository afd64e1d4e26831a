/** Text set in a fixed-pitch font, written back as Markdown code: a code span, or a fenced code block. */
import type { PdfLine } from './layout-lines.js';

/** A code span: fenced by more backticks than any run of them inside, with a space where it starts or ends with one. */
export function codeSpan(text: string): string {
  const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = /^`|`$/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * A code block from lines in a fixed-pitch font: each line's indent from its left edge in
 * character widths, a blank line where the gap between two lines is wider than the rest.
 */
export function codeBlock(lines: readonly PdfLine[]): string {
  const left = Math.min(...lines.map((l) => l.x0));
  const char = Math.min(...lines.map((l) => (l.x1 - l.x0) / Math.max(1, l.text.length)));
  const steps = lines.slice(1).map((l, k) => lines[k]!.y - l.y);
  const step = Math.min(...steps);
  const out: string[] = [];
  lines.forEach((line, k) => {
    if (k > 0 && steps[k - 1]! > step * 1.6) out.push('');
    out.push(' '.repeat(Math.max(0, Math.round((line.x0 - left) / char))) + line.segments.map((s) => s.text).join(''));
  });
  const text = out.join('\n');
  const fence = '`'.repeat(Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  return `${fence}\n${text}\n${fence}`;
}
