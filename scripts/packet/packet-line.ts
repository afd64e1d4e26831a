/** What a command says of a packet it made: its briefs, pages, sheets and file. */
import path from 'node:path';
import type { PacketEntry } from '../core/types.js';

/** `packet wcit-hill-day: 5 briefs, 12 pages, 6 sheets printed on both sides → dist/packets/wcit-hill-day.pdf` */
export function packetLine(entry: Pick<PacketEntry, 'name' | 'briefs' | 'pages' | 'sheets'>, file: string): string {
  const n = entry.briefs.length;
  const shown = path.relative(process.cwd(), file) || file;
  return `packet ${entry.name}: ${n} ${n === 1 ? 'brief' : 'briefs'}, ${entry.pages} pages, ${entry.sheets} ${entry.sheets === 1 ? 'sheet' : 'sheets'} printed on both sides → ${shown}`;
}
