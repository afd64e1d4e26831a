/**
 * Rule `repair-mojibake`: UTF-8 text that was once decoded as Windows-1252 shows runs
 * such as `â€™` for `’` or `Ã©` for `é`. Each suspicious run is re-encoded as
 * Windows-1252 bytes and decoded as UTF-8; it is replaced only when that decoding is
 * valid, so ordinary accented text is left alone.
 *
 *   in:  The Internetâ€™s critical infrastructure â€“ Ã©tÃ©
 *   out: The Internet’s critical infrastructure – été
 */
import { defineRule } from '../../core/rules.js';
import { CP1252_BYTE } from '../text/cp1252.js';

export const { id, summary } = defineRule('repair-mojibake');

const toCp1252 = CP1252_BYTE;

/** Characters that stand for a UTF-8 continuation byte (0x80–0xBF) once decoded as Windows-1252. */
const continuation = [...toCp1252].filter(([, byte]) => byte >= 0x80 && byte <= 0xbf).map(([char]) => char);
const escapeClass = (chars: string[]) => chars.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
const suspicious = new RegExp(`[\\u00c2-\\u00f4][${escapeClass(continuation)}]{1,3}`, 'g');
const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface MojibakeRepair {
  text: string;
  /** Offsets (in the input) and the first repaired sequence, for the message. */
  count: number;
  first?: { index: number; from: string; to: string };
}

/** Repair mojibake runs; runs twice to undo text that was mis-decoded twice. */
export function repairMojibake(text: string): MojibakeRepair {
  let count = 0;
  let first: MojibakeRepair['first'];
  // `â€` + U+FFFD: the right double quote, whose last byte (0x9D) Windows-1252 lacks and a decoder replaced.
  let current = text.replace(/\u00e2\u20ac\ufffd/g, (run, index: number) => {
    count++;
    first ??= { index, from: run, to: '\u201d' };
    return '\u201d';
  });
  for (let pass = 0; pass < 2; pass++) {
    let changed = false;
    current = current.replace(suspicious, (run, index: number) => {
      const lead = toCp1252.get(run[0]!) ?? run.charCodeAt(0);
      const needed = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
      if (run.length < needed + 1) return run;
      const bytes = Uint8Array.from([...run.slice(0, needed + 1)].map((c) => toCp1252.get(c) ?? c.charCodeAt(0)));
      let fixed: string;
      try {
        fixed = utf8.decode(bytes);
      } catch {
        return run;
      }
      count++;
      changed = true;
      if (pass === 0) first ??= { index, from: run.slice(0, needed + 1), to: fixed };
      return fixed + run.slice(needed + 1);
    });
    if (!changed) break;
  }
  return { text: current, count, first };
}
