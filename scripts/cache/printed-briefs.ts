/**
 * The briefs printed so far in a build, kept on disk (one JSON line each, in the output
 * build cache folder) until the archive stage needs them all. Held in memory, they made the
 * build's peak grow with the number of briefs (about 4 KB of heap a brief, more than twice
 * that once V8's slack is counted: some 90 MB at 10,000 briefs) while Chromium was running;
 * on disk, the printing stage's memory stays the same whatever the number of briefs.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { CachedBrief } from './state.js';

export interface PrintedBriefs {
  /** Keep `brief`, printed from `source`. */
  add(source: string, brief: CachedBrief): void;
  /** How many were added. */
  readonly size: number;
  /** Every brief added, by source, in the order added; the file is removed. Call once. */
  read(): Promise<Map<string, CachedBrief>>;
}

export function printedBriefs(cacheDir: string): PrintedBriefs {
  const file = path.join(cacheDir, `printed.tmp-${process.pid}.jsonl`);
  let out: WriteStream | undefined;
  let failed: Error | undefined;
  let size = 0;
  const open = (): WriteStream => {
    if (out) return out;
    mkdirSync(path.dirname(file), { recursive: true });
    out = createWriteStream(file);
    out.on('error', (error) => (failed ??= error));
    return out;
  };
  return {
    add(source, brief) {
      open().write(`${JSON.stringify([source, brief])}\n`);
      size += 1;
    },
    get size() {
      return size;
    },
    async read() {
      const briefs = new Map<string, CachedBrief>();
      if (!out) return briefs;
      await new Promise<void>((resolve) => out!.end(resolve));
      try {
        if (failed) throw failed;
        const text = await readFile(file, 'utf8');
        for (const line of text.split('\n')) {
          if (!line) continue;
          const [source, brief] = JSON.parse(line) as [string, CachedBrief];
          briefs.set(source, brief);
        }
        return briefs;
      } finally {
        await rm(file, { force: true });
      }
    },
  };
}
