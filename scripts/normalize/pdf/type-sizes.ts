/** Sizes of type a PDF's lines are set in. */
import type { PdfLine } from './layout-lines.js';

/** The body's type: the size most letters have. */
export function bodySize(lines: readonly PdfLine[]): number {
  const sizes = new Map<number, number>();
  for (const line of lines) sizes.set(line.size, (sizes.get(line.size) ?? 0) + line.text.length);
  return [...sizes].reduce((a, b) => (b[1] > a[1] ? b : a), [10, 0])[0];
}

/** The usual distance between baselines in a paragraph, per type size. */
export function linePitch(lines: readonly PdfLine[]): Map<number, number> {
  const found = new Map<number, number[]>();
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    const d = a.y - b.y;
    if (a.page === b.page && a.region === b.region && a.size === b.size && d > 0 && d < a.size * 2.2) {
      if (!found.has(a.size)) found.set(a.size, []);
      found.get(a.size)!.push(d);
    }
  }
  const out = new Map<number, number>();
  for (const [size, ds] of found) out.set(size, ds.sort((x, y) => x - y)[Math.floor(ds.length * 0.3)]!);
  return out;
}
