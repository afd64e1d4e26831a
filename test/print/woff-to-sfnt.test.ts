/**
 * The WOFF unwrapper behind the printer's one font file: every table comes back with the
 * checksum the WOFF file recorded for the original font's table, in a file fontconfig reads.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { woffToSfnt } from '../../scripts/print/woff-to-sfnt.js';

const require = createRequire(import.meta.url);
const faces = ['source-sans-3/files/source-sans-3-latin-400-normal.woff', 'noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff'];

/** The sfnt checksum of a table: its bytes as big-endian 32-bit words, summed modulo 2^32. */
function checksum(data: Buffer, tag: string): number {
  const padded = Buffer.alloc((data.length + 3) & ~3);
  data.copy(padded);
  // The head table's checksum is taken with its checkSumAdjustment (bytes 8-11) as zero.
  if (tag === 'head') padded.writeUInt32BE(0, 8);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

describe('woffToSfnt', () => {
  for (const face of faces) {
    it(`unwraps ${path.basename(face)} table for table, checksums as recorded`, () => {
      const woff = readFileSync(require.resolve(`@fontsource/${face}`));
      const sfnt = woffToSfnt(woff);
      const numTables = sfnt.readUInt16BE(4);
      expect(numTables).toBe(woff.readUInt16BE(12));
      const tags: string[] = [];
      for (let i = 0; i < numTables; i++) {
        const entry = 12 + i * 16;
        const tag = sfnt.toString('latin1', entry, entry + 4);
        const [recorded, offset, length] = [4, 8, 12].map((at) => sfnt.readUInt32BE(entry + at)) as [number, number, number];
        expect(offset % 4, tag).toBe(0);
        expect(checksum(sfnt.subarray(offset, offset + length), tag), tag).toBe(recorded);
        tags.push(tag);
      }
      expect(tags).toEqual([...tags].sort());
      expect(tags).toEqual(expect.arrayContaining(['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post']));
      const dir = mkdtempSync(path.join(os.tmpdir(), 'briefpress-sfnt-'));
      try {
        writeFileSync(path.join(dir, 'face.ttf'), sfnt);
        expect(execFileSync('fc-scan', ['--format', '%{fontformat}', path.join(dir, 'face.ttf')], { encoding: 'utf8' })).toMatch(
          /TrueType|CFF/,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('refuses what is not WOFF 1.0', () => {
    expect(() => woffToSfnt(Buffer.from('wOF2 and more bytes than a header needs, surely enough of them'))).toThrow('not a WOFF 1.0 file');
  });
});
