/**
 * Whether a PDF's line goes on with the block before it (a paragraph's, a heading's or a list
 * item's next line) or starts one of its own: by structure in a tagged PDF; else by layout,
 * from the region, type, line spacing and indent, and from a sentence running on across a
 * column or page.
 */
import type { PdfLine } from './layout-lines.js';
import { endsSentence } from './line-text.js';

export interface JoinContext {
  tagged: boolean;
  /** The line is in the same structure element as the one before (tagged PDFs), or goes on with it across a page. */
  sameElement: boolean;
  /** The usual distance between baselines, per type size. */
  pitch: Map<number, number>;
  /** The body's type size. */
  body: number;
}

export function joins(
  draft: { kind: string; item?: { x: number }; lines?: readonly PdfLine[] },
  previous: PdfLine,
  line: PdfLine,
  { tagged, sameElement, pitch, body }: JoinContext,
): boolean {
  if (tagged && previous.element !== undefined && line.element !== undefined) return sameElement;
  const continues = !endsSentence(previous.text) && /^\p{Ll}/u.test(line.text);
  if (line.region !== previous.region || line.page !== previous.page) return continues && draft.kind !== 'heading';
  const step = previous.y - line.y;
  const usual = pitch.get(previous.size) ?? previous.size * 1.25;
  // A list item's bold lead-in ("Title of the item: In advance") goes on in plain type on its next line.
  const leadIn = draft.kind === 'item' && previous.bold && !line.bold && continues && line.x0 >= draft.item!.x + body * 0.3;
  if (Math.abs(line.size - previous.size) > 0.1 * previous.size || (line.bold !== previous.bold && !leadIn)) return false;
  if (step <= 0 || step > usual * 1.3) return false;
  // An item's lines after its first line up with one another: after its last sentence, a line set elsewhere (a
  // paragraph's first-line indent) starts a paragraph.
  if (draft.kind === 'item' && previous !== draft.lines?.[0] && endsSentence(previous.text) && Math.abs(line.x0 - previous.x0) > body * 0.5)
    return false;
  if (draft.kind === 'item') return line.x0 >= draft.item!.x + body * 0.3 || continues || /\p{L}[-\u2010\u00ad]$/u.test(previous.text);
  if (draft.kind === 'heading') return !endsSentence(previous.text) && line.x0 <= previous.x0 + body;
  // A first-line indent after a sentence starts a new paragraph.
  if (line.x0 > previous.x0 + body * 0.8 && endsSentence(previous.text)) return false;
  return true;
}
