/**
 * The bench's verdict on the cold build (scripts/bench/bench-rows.ts): met only when the
 * ratio of the medians and the median of the paired ratios are both at most 1.2, on the
 * ratios as measured, not as printed.
 */
import { describe, expect, it } from 'vitest';
import { benchRows } from '../../scripts/bench/bench-rows.js';
import type { BenchResult } from '../../scripts/bench/run-bench.js';

function result(cold: number[], bare: number[]): BenchResult {
  const timed = (runs: number[]) => ({ runs, median: [...runs].sort((a, b) => a - b)[runs.length >> 1]! });
  return {
    briefs: 1000,
    cold: { ...timed(cold), timings: [], built: 1000, failed: 0, warnings: 0, pages: {} },
    noop: { ...timed([150]), ms: [150], launchedBrowser: [false], browserSeen: [false], built: [0] },
    edit: { ...timed([600]), built: [1] },
    cli: { noop: timed([400]), edit: timed([1300]) },
    baseline: { ...timed(bare), runsDetail: [], pairedRatios: [] },
    memory: { peakRss: 1e9, peakPss: 8e8, peakProcesses: 9, sawBrowser: true, samples: 10 },
    chromium: 'test',
  } as BenchResult;
}

const coldRow = (r: BenchResult) => benchRows(r).find((row) => row.stage.startsWith('cold build'))!;

describe('the cold-build target', () => {
  it('is met when both the medians and the paired runs are within 1.2x', () => {
    expect(coldRow(result([23_000, 24_000, 22_000], [20_000, 20_500, 19_000])).pass).toBe(true);
  });

  it('is missed when the paired runs are not, even if the medians are', () => {
    // Medians 24.0 / 20.0 s = 1.2x, but the pairs are 1.3x, 1.06x, 1.25x.
    expect(coldRow(result([26_000, 24_000, 25_000], [20_000, 22_600, 20_000])).pass).toBe(false);
  });

  it('judges the ratios as measured: a median pair of 1.2005x is over, though it prints as 1.20x', () => {
    // Medians 24.08 / 20.2 s = 1.19x; pairs 1.204x, 1.2005x, 0.33x.
    const row = coldRow(result([24_080, 24_250, 10_000], [20_000, 20_200, 30_000]));
    expect(row.ratio).toBeLessThan(1.2);
    expect(row.note).toContain('1.20x, 1.20x, 0.33x (median 1.20x)');
    expect(row.pass).toBe(false);
  });
});

describe('the warm-browser rows', () => {
  it('judge each browser’s edit with --keep-browser against 1.5 s from the command line and 1 s in process', () => {
    const r = result([23_000], [20_000]);
    r.warm = [
      { browser: '/usr/bin/chromium', cliEdit: { runs: [1400, 1450, 1600], median: 1450 }, edit: { runs: [900, 1100, 950], median: 950 } },
      { browser: '/usr/lib/chromium/chromium-headless-shell', cliEdit: { runs: [1700], median: 1700 } },
    ];
    const rows = benchRows(r).filter((row) => row.stage.includes('warm browser'));
    expect(rows.map((row) => [row.stage.includes('command line'), row.stage.endsWith('/usr/bin/chromium'), row.target, row.pass])).toEqual([
      [true, true, '< 1500 ms', true],
      [false, true, '< 1000 ms', true],
      [true, false, '< 1500 ms', false],
    ]);
    expect(rows[0]!.note).toContain('1400, 1450, 1600');
    expect(rows[1]!.note).toContain('900, 1100, 950');
  });
});

describe('the cold build without pictures', () => {
  it('is judged against bare Chromium printing only, and the rebuild rows are left out with --cold-only', () => {
    const r = result([30_000], [25_000]);
    r.coldNoPictures = { runs: [21_000], median: 21_000, baseline: { runs: [20_000], median: 20_000 }, pairedRatios: [1.05] };
    delete r.noop;
    delete r.edit;
    delete r.cli;
    const rows = benchRows(r);
    const plain = rows.find((row) => row.stage.startsWith('cold build, site.page_pictures: false'))!;
    expect(plain.ratio).toBeCloseTo(1.05, 5);
    expect(plain.pass).toBe(true);
    expect(rows.find((row) => row.stage.startsWith('bare Chromium, same pages, no pictures'))!.note).toContain('1.50x');
    expect(rows.some((row) => row.stage.includes('rebuild'))).toBe(false);
  });
});
