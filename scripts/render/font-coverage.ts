/**
 * Which characters the shipped fonts can print: the union of the `unicode-range`s of the
 * @font-face rules in the print stylesheets (fonts.css, fallback-fonts.css). Fontsource
 * builds each file's range from the characters its subset holds, so the ranges are the
 * fonts' coverage, file by file. A character outside all of them has no shipped glyph: the
 * browser would take it from whatever fonts the machine has, or print a box.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { report } from '../core/rules.js';

export interface FontCoverage {
  covers(codePoint: number): boolean;
}

/** The coverage of the stylesheets (paths under `templates/`), read once. */
export function fontCoverage(templatesDir: string, stylesheets: string[]): FontCoverage {
  const ranges: [number, number][] = [];
  for (const sheet of stylesheets) {
    let css: string;
    try {
      css = readFileSync(path.join(templatesDir, sheet), 'utf8');
    } catch {
      continue;
    }
    for (const face of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
      const range = /unicode-range:\s*([^;}]+)/.exec(face[1]!)?.[1];
      // A face without a range covers whatever its font has: nothing can be said of it here.
      if (!range) return { covers: () => true };
      for (const part of range.split(',')) {
        const m = /U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/i.exec(part.trim());
        if (!m) continue;
        const low = parseInt(m[1]!.replace(/\?/g, '0'), 16);
        const high = m[2] ? parseInt(m[2], 16) : parseInt(m[1]!.replace(/\?/g, 'f'), 16);
        ranges.push([low, high]);
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [low, high] of ranges) {
    const last = merged.at(-1);
    if (last && low <= last[1] + 1) last[1] = Math.max(last[1], high);
    else merged.push([low, high]);
  }
  return {
    covers(codePoint) {
      let lo = 0;
      let hi = merged.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const [low, high] = merged[mid]!;
        if (codePoint < low) hi = mid - 1;
        else if (codePoint > high) lo = mid + 1;
        else return true;
      }
      return false;
    },
  };
}

/** Characters that print nothing of their own (spaces, controls, joiners, variation selectors). */
const INVISIBLE = /[\s\p{Cc}\p{Default_Ignorable_Code_Point}]/u;

/** Warn at its line and column of each character of `file` no shipped font has (once per character). */
export function reportMissingGlyphs(file: VFile, coverage: FontCoverage): void {
  const text = String(file.value);
  const seen = new Set<number>();
  let line = 1;
  let column = 1;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 10) {
      line++;
      column = 1;
      continue;
    }
    if (cp > 0x7e && !seen.has(cp) && !INVISIBLE.test(ch) && !coverage.covers(cp)) {
      seen.add(cp);
      const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
      report(file, 'no-glyph', `no shipped font has the character “${ch}” (${code}); it prints as an empty box`, {
        place: { line, column },
      });
    }
    column += ch.length;
  }
}
