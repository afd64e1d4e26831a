/**
 * The bench's table: each measurement of a 1,000-brief run (run-bench.ts) against its
 * target (issues 5 and 23), with the ratios and whether it is met.
 */
import { median, type Row } from './report-table.js';
import type { BenchResult } from './types.js';

const GB = 2 ** 30;

/** Each cold build ÷ the bare run made right after it, as measured (unrounded). */
export function pairedRatios(cold: number[], bare: number[]): number[] {
  return cold.map((ms, i) => ms / bare[i]!);
}

export function benchRows(r: BenchResult): Row[] {
  const coldPerBrief = r.cold.median / r.briefs;
  const pairs = pairedRatios(r.cold.runs, r.baseline.runs);
  const paired = median(pairs);
  const rows: Row[] = [
    {
      stage: `cold build (${r.briefs} briefs)`,
      value: r.cold.median,
      unit: 'ms',
      perBrief: coldPerBrief,
      ratio: r.cold.median / r.baseline.median,
      target: '≤ 1.2x bare',
      // Met only when the ratio of the medians and the median of the paired ratios both are.
      pass: r.cold.median <= 1.2 * r.baseline.median && paired <= 1.2,
      note: `\`npm run build -- --force\` in a process of its own, Node start and browser launch included, pictures of page 1 taken; each ÷ the bare run right after it: ${pairs.map((x) => `${x.toFixed(2)}x`).join(', ')} (median ${paired.toFixed(2)}x)`,
    },
    {
      stage: 'bare Chromium, same pages and pictures',
      value: r.baseline.median,
      unit: 'ms',
      perBrief: r.baseline.median / r.briefs,
      ratio: 1,
      target: 'floor',
      note: 'one browser, pool of reused pages, setContent + pdf + screenshot of page 1; launch included',
    },
  ];
  const plain = r.coldNoPictures;
  if (plain) {
    const plainPairs = pairedRatios(plain.runs, plain.baseline.runs);
    const plainPaired = median(plainPairs);
    rows.push(
      {
        stage: 'cold build, site.page_pictures: false',
        value: plain.median,
        unit: 'ms',
        perBrief: plain.median / r.briefs,
        ratio: plain.median / plain.baseline.median,
        target: '≤ 1.2x bare',
        pass: plain.median <= 1.2 * plain.baseline.median && plainPaired <= 1.2,
        note: `each ÷ bare Chromium printing only, right after it: ${plainPairs.map((x) => `${x.toFixed(2)}x`).join(', ')} (median ${plainPaired.toFixed(2)}x)`,
      },
      {
        stage: 'bare Chromium, same pages, no pictures',
        value: plain.baseline.median,
        unit: 'ms',
        perBrief: plain.baseline.median / r.briefs,
        ratio: 1,
        target: 'floor',
        note: `setContent + pdf; the cold build with pictures ÷ this: ${(r.cold.median / plain.baseline.median).toFixed(2)}x`,
      },
    );
  }
  if (r.peers) {
    const ratio = r.peers.msPerDocument / coldPerBrief;
    rows.push({
      stage: `md-to-pdf ${r.peers.version}, calls of 10 (${r.peers.documents})`,
      value: r.peers.totalMs,
      unit: 'ms',
      perBrief: r.peers.msPerDocument,
      ratio,
      target: '≥ 7x slower',
      pass: ratio >= 7 && r.peers.failed.length === 0,
      ...(r.peers.failed.length ? { note: `${r.peers.failed.length} failed` } : {}),
    });
  }
  if (r.noop && r.edit && r.cli) rows.push(...rebuildRows(r.noop, r.edit, r.cli));
  for (const other of r.otherBrowsers ?? []) {
    rows.push(
      {
        stage: `one-edit rebuild, ${other.browser}`,
        value: other.edit.median,
        unit: 'ms',
        target: '< 1000 ms',
        pass: other.edit.median < 1000,
      },
      {
        stage: `one-edit rebuild, command line, ${other.browser}`,
        value: other.cliEdit.median,
        unit: 'ms',
        target: '< 1500 ms',
        pass: other.cliEdit.median < 1500,
      },
    );
  }
  for (const warm of r.warm ?? []) {
    rows.push({
      stage: `one-edit rebuild, command line, warm browser (--keep-browser), ${warm.browser}`,
      value: warm.cliEdit.median,
      unit: 'ms',
      target: '< 1500 ms',
      pass: warm.cliEdit.median < 1500,
      note: `runs ${warm.cliEdit.runs.join(', ')} ms`,
    });
    if (warm.edit)
      rows.push({
        stage: `one-edit rebuild, warm browser (keepBrowser), ${warm.browser}`,
        value: warm.edit.median,
        unit: 'ms',
        target: '< 1000 ms',
        pass: warm.edit.median < 1000,
        note: `runs ${warm.edit.runs.join(', ')} ms`,
      });
  }
  rows.push(
    {
      stage: 'peak memory (PSS, tree)',
      value: r.memory.peakPss,
      unit: 'bytes',
      target: '< 1 GB',
      pass: r.memory.peakPss < GB,
      note: `${r.memory.peakProcesses} processes at most; PSS counts shared pages once`,
    },
    {
      stage: 'peak memory (RSS summed)',
      value: r.memory.peakRss,
      unit: 'bytes',
      target: 'reference',
      note: 'sum of every process’s RSS; counts Chromium’s shared pages once per process',
    },
  );
  return rows;
}

/** The rebuilds' rows (absent with `--cold-only`). */
function rebuildRows(
  noop: NonNullable<BenchResult['noop']>,
  edit: NonNullable<BenchResult['edit']>,
  cli: NonNullable<BenchResult['cli']>,
): Row[] {
  const launched = noop.launchedBrowser.some(Boolean) || noop.browserSeen.some(Boolean);
  return [
    {
      stage: 'no-op rebuild',
      value: noop.median,
      unit: 'ms',
      target: '< 500 ms, no browser',
      pass: noop.median < 500 && !launched,
      note: `browser launched: ${launched ? 'yes' : 'no'}; rebuilt ${noop.built.join('/')}`,
    },
    {
      stage: 'one-edit rebuild',
      value: edit.median,
      unit: 'ms',
      target: '< 1000 ms',
      pass: edit.median < 1000,
      note: `briefs rebuilt per run: ${edit.built.join('/')}`,
    },
    {
      stage: 'no-op rebuild, command line',
      value: cli.noop.median,
      unit: 'ms',
      target: '< 1000 ms',
      pass: cli.noop.median < 1000,
      note: 'a new Node process per run, as `npm run build` starts it (npm’s own start-up not included)',
    },
    { stage: 'one-edit rebuild, command line', value: cli.edit.median, unit: 'ms', target: '< 1500 ms', pass: cli.edit.median < 1500 },
  ];
}
