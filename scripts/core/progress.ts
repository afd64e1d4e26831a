/**
 * Progress while building: a live bar on a terminal, plain periodic lines in CI logs,
 * nothing when quiet. Written to stderr so stdout stays clean for piping.
 */
export interface Progress {
  stage(name: string, total: number): void;
  tick(label?: string): void;
  done(): void;
}

export interface ProgressOptions {
  quiet?: boolean;
  stream?: NodeJS.WriteStream;
  /** Minimum time between plain lines, in ms. */
  interval?: number;
}

export function createProgress({ quiet = false, stream = process.stderr, interval = 2000 }: ProgressOptions = {}): Progress {
  if (quiet) return { stage() {}, tick() {}, done() {} };
  const live = stream.isTTY === true && !process.env.CI;
  let name = '';
  let total = 0;
  let count = 0;
  let lastLine = 0;

  const bar = (label = '') => {
    const width = 24;
    const filled = total ? Math.round((count / total) * width) : width;
    const text = `${name.padEnd(10)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${count}/${total} ${label}`;
    stream.write(`\r${text.slice(0, (stream.columns ?? 100) - 1).padEnd((stream.columns ?? 100) - 1)}`);
  };

  return {
    stage(stageName, stageTotal) {
      if (live && name) stream.write('\n');
      [name, total, count, lastLine] = [stageName, stageTotal, 0, 0];
      if (live) bar();
      else if (stageTotal > 0) stream.write(`${stageName}: ${stageTotal}\n`);
    },
    tick(label) {
      count++;
      if (live) return bar(label);
      const now = Date.now();
      if (count === total || now - lastLine >= interval) {
        lastLine = now;
        stream.write(`${name}: ${count}/${total}\n`);
      }
    },
    done() {
      if (live && name) stream.write('\n');
      name = '';
    },
  };
}
