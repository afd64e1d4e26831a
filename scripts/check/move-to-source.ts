/**
 * Messages about a brief's normalized Markdown, placed in its source file. When the source
 * has the message's line as it is (a Markdown source, whose body passes through), the place
 * moves to that line; otherwise the words under the message (a link's text, an image's
 * address) are looked up in the source; when neither is found the message names the line
 * of the normalized Markdown instead.
 */
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { placeAt } from '../normalize/text/place.js';

export function moveToSource(message: VFileMessage, markdown: string, source: VFile): VFileMessage {
  const sourceText = typeof source.value === 'string' ? source.value : new TextDecoder().decode(source.value);
  const start = message.place && 'start' in message.place ? message.place.start : message.place;
  if (sourceText === markdown || !start?.line) return message;

  const line = markdown.split(/\r?\n/)[start.line - 1] ?? '';
  const sameLine = line.trim() ? sourceText.split(/\r?\n/).indexOf(line) : -1;
  const words = /^!?\[?([^\]()[]{3,60})/.exec(line.slice((start.column ?? 1) - 1).replace(/^[#>*\s-]+/, ''))?.[1]?.trim();
  const offset = sameLine >= 0 ? -1 : words ? sourceText.indexOf(words) : -1;
  if (sameLine >= 0) return relocated(message, source, { line: sameLine + 1, column: start.column ?? 1 });
  if (offset >= 0) return relocated(message, source, placeAt(sourceText, offset));
  return relocated(message, source, undefined, ` (line ${start.line} of the normalized Markdown)`);
}

function relocated(message: VFileMessage, source: VFile, place: { line: number; column: number } | undefined, note = ''): VFileMessage {
  const moved = new VFileMessage(`${message.reason}${note}`, { place, ruleId: message.ruleId, source: message.source ?? undefined });
  moved.fatal = message.fatal;
  moved.file = source.path;
  return moved;
}
