/**
 * Bold and italic type that all of a block's words are set in is the block's style (a
 * heading, a header row, a letter's bold subject line, an italic standfirst), not emphasis
 * inside it: the lines come back without it. Type that only some of the words have is
 * emphasis, and stays.
 */
import type { PdfLine } from './layout-lines.js';

export function withoutUniformType(lines: readonly PdfLine[]): PdfLine[] {
  const worded = lines.flatMap((line) => line.segments).filter((segment) => /[\p{L}\p{N}]/u.test(segment.text));
  const bold = worded.length > 0 && worded.every((segment) => segment.bold);
  const italic = worded.length > 0 && worded.every((segment) => segment.italic);
  if (!bold && !italic) return [...lines];
  return lines.map((line) => ({
    ...line,
    segments: line.segments.map(({ bold: b, italic: i, ...rest }) => ({
      ...rest,
      ...(b && !bold ? { bold: b } : {}),
      ...(i && !italic ? { italic: i } : {}),
    })),
  }));
}
