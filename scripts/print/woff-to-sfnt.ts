/**
 * A WOFF 1.0 font file back to the TrueType/OpenType file it wraps (W3C WOFF 1.0, section 4:
 * each table is the sfnt table, zlib-compressed when that made it smaller). Fontsource ships
 * WOFF and WOFF2 only, and fontconfig wants a font file Chromium can open itself (see
 * print/font-config.ts); WOFF 1.0 needs nothing but zlib to unwrap, WOFF2 would need its
 * own decoder.
 */
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;

interface Table {
  tag: number;
  checksum: number;
  data: Buffer;
}

export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.length < WOFF_HEADER || woff.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error('not a WOFF 1.0 file');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: Table[] = [];
  for (let i = 0; i < numTables; i++) {
    const entry = WOFF_HEADER + i * WOFF_ENTRY;
    const [tag, offset, compLength, origLength, checksum] = [0, 4, 8, 12, 16].map((at) => woff.readUInt32BE(entry + at)) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(stored) : Buffer.from(stored);
    if (data.length !== origLength) throw new Error(`WOFF table ${i} is ${data.length} bytes, not ${origLength}`);
    tables.push({ tag, checksum, data });
  }
  // The sfnt table directory is sorted by tag, as the WOFF one already is.
  tables.sort((a, b) => a.tag - b.tag);
  const padded = (n: number) => (n + 3) & ~3;
  const size = SFNT_HEADER + SFNT_ENTRY * numTables + tables.reduce((sum, t) => sum + padded(t.data.length), 0);
  const out = Buffer.alloc(size);
  const power = 2 ** Math.floor(Math.log2(numTables || 1));
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(numTables * 16 - power * 16, 10);
  let offset = SFNT_HEADER + SFNT_ENTRY * numTables;
  tables.forEach((table, i) => {
    const entry = SFNT_HEADER + i * SFNT_ENTRY;
    out.writeUInt32BE(table.tag, entry);
    out.writeUInt32BE(table.checksum, entry + 4);
    out.writeUInt32BE(offset, entry + 8);
    out.writeUInt32BE(table.data.length, entry + 12);
    table.data.copy(out, offset);
    offset += padded(table.data.length);
  });
  return out;
}
