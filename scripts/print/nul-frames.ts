/**
 * The DevTools pipe's framing, which the warm browser's socket uses too: JSON messages,
 * each ended by a NUL byte, split across chunks as the stream delivers them.
 */
import type { Readable } from 'node:stream';

/** Call `onMessage` with each NUL-terminated message of `stream`, as UTF-8 text. */
export function nulFrames(stream: Readable, onMessage: (text: string) => void): void {
  let pending: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => {
    let start = 0;
    for (let end = chunk.indexOf(0); end >= 0; end = chunk.indexOf(0, start)) {
      pending.push(chunk.subarray(start, end));
      const text = Buffer.concat(pending).toString('utf8');
      pending = [];
      start = end + 1;
      onMessage(text);
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  });
}
