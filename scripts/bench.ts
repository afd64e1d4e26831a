/**
 * `npm run bench -- [--briefs N] [--peers] [--concurrency N] [--runs N] [--json FILE] [--keep]`:
 * measures briefpress against the targets of issue 5 on a temporary project of N
 * generated sources, prints a table of medians and writes the same as JSON. A script,
 * not a test: nothing here asserts a time.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CommandSpec, helpText, integerOption, parseCommand, runCommand } from './cli/args.js';
import { type BenchResult, runBench } from './bench/run-bench.js';
import { formatMachine, formatTable, machineInfo, median, type Row } from './bench/report-table.js';
import { formatShardTable, runShardBench } from './bench/run-shards.js';

const spec: CommandSpec = {
  usage: 'npm run bench -- [options]',
  summary: 'Benchmark cold, no-op and one-edit builds against bare Chromium (and md-to-pdf with --peers).',
  options: {
    briefs: { type: 'string', value: 'N', description: 'number of generated sources (default 100)' },
    peers: { type: 'boolean', description: 'also run md-to-pdf on the same Markdown (first 100 briefs)' },
    concurrency: { type: 'string', value: 'N', description: 'pages printing at once (default: CPU count)' },
    runs: { type: 'string', value: 'N', description: 'repetitions of each timing (default 3; cold builds 1 at 500+ briefs)' },
    seed: { type: 'string', value: 'N', description: 'seed of the source generator (default 1)' },
    json: { type: 'string', value: 'FILE', description: 'write the results here (default bench-results.json in the temp folder)' },
    keep: { type: 'boolean', description: 'keep the temporary project folder' },
    shards: { type: 'string', value: 'N', description: 'instead: simulate a build in N shards run one after another, plus the merge (see docs/scaling.md)' },
  },
  examples: ['npm run bench -- --briefs 100 --peers', 'npm run bench -- --briefs 1000 --json /tmp/bench.json', 'npm run bench -- --briefs 1000 --shards 4'],
};

const GB = 2 ** 30;

export function benchRows(r: BenchResult): Row[] {
  const coldPerBrief = r.cold.median / r.briefs;
  const paired = median(r.baseline.pairedRatios);
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
      note: `\`npm run build -- --force\` in a process of its own, Node start and browser launch included; each ÷ the bare run right after it: ${r.baseline.pairedRatios.map((x) => `${x.toFixed(2)}x`).join(', ')} (median ${paired.toFixed(2)}x)`,
    },
    { stage: 'bare Chromium, same pages', value: r.baseline.median, unit: 'ms', perBrief: r.baseline.median / r.briefs, ratio: 1, target: 'floor', note: 'one browser, pool of reused pages, setContent + pdf; launch included' },
  ];
  if (r.baselinePrinterFlags) {
    const tuned = r.baselinePrinterFlags.median;
    rows.push({ stage: 'bare Chromium with the printer’s flags', value: tuned, unit: 'ms', perBrief: tuned / r.briefs, ratio: r.cold.median / tuned, target: 'reference', note: `cold build ÷ this; flags: ${r.baselinePrinterFlags.args.join(' ')}` });
  }
  if (r.peers) {
    const ratio = r.peers.msPerDocument / coldPerBrief;
    rows.push({ stage: `md-to-pdf ${r.peers.version}, calls of 10 (${r.peers.documents})`, value: r.peers.totalMs, unit: 'ms', perBrief: r.peers.msPerDocument, ratio, target: '≥ 7x slower', pass: ratio >= 7 && r.peers.failed.length === 0, ...(r.peers.failed.length ? { note: `${r.peers.failed.length} failed` } : {}) });
  }
  const launched = r.noop.launchedBrowser.some(Boolean) || r.noop.browserSeen.some(Boolean);
  rows.push(
    { stage: 'no-op rebuild', value: r.noop.median, unit: 'ms', target: '< 1000 ms, no browser', pass: r.noop.median < 1000 && !launched, note: `browser launched: ${launched ? 'yes' : 'no'}; rebuilt ${r.noop.built.join('/')}` },
    { stage: 'one-edit rebuild', value: r.edit.median, unit: 'ms', target: '< 2000 ms', pass: r.edit.median < 2000, note: `briefs rebuilt per run: ${r.edit.built.join('/')}` },
    { stage: 'no-op rebuild, command line', value: r.cli.noop.median, unit: 'ms', target: '< 1000 ms', pass: r.cli.noop.median < 1000, note: 'a new Node process per run, as `npm run build` starts it (npm’s own start-up not included)' },
    { stage: 'one-edit rebuild, command line', value: r.cli.edit.median, unit: 'ms', target: '< 2000 ms', pass: r.cli.edit.median < 2000 },
    { stage: 'peak memory (PSS, tree)', value: r.memory.peakPss, unit: 'bytes', target: '< 1.5 GB', pass: r.memory.peakPss < 1.5 * GB, note: `${r.memory.peakProcesses} processes at most; PSS counts shared pages once` },
    { stage: 'peak memory (RSS summed)', value: r.memory.peakRss, unit: 'bytes', target: '< 1.5 GB', pass: r.memory.peakRss < 1.5 * GB, note: 'sum of every process’s RSS; counts Chromium’s shared pages once per process' },
  );
  return rows;
}

async function main(): Promise<number> {
  const { values, help } = parseCommand(spec, process.argv.slice(2));
  if (help) {
    process.stdout.write(helpText(spec));
    return 0;
  }
  const briefs = integerOption('briefs', values.briefs) ?? 100;
  const runs = integerOption('runs', values.runs);
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'briefpress-bench-'));
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  let finished = false;
  try {
    const shards = integerOption('shards', values.shards);
    if (shards !== undefined) {
      const concurrency = integerOption('concurrency', values.concurrency) ?? os.availableParallelism();
      const result = await runShardBench({ briefs, shards, seed: integerOption('seed', values.seed) ?? 1, concurrency, dir, repo, log });
      const machine = machineInfo(result.chromium);
      process.stdout.write(`\n${formatShardTable(result)}\n\nMachine: ${formatMachine(machine)}\n`);
      const json = path.resolve(typeof values.json === 'string' ? values.json : path.join(dir, 'bench-shards.json'));
      await writeFile(json, `${JSON.stringify({ date: new Date().toISOString(), machine, result }, null, 2)}\n`);
      process.stdout.write(`Results: ${json}\n`);
      if (values.keep || !values.json) process.stdout.write(`Project kept in ${dir}\n`);
      finished = true;
      return result.differences.length === 0 ? 0 : 1;
    }
    const result = await runBench({
      briefs,
      seed: integerOption('seed', values.seed) ?? 1,
      concurrency: integerOption('concurrency', values.concurrency) ?? os.availableParallelism(),
      runs: runs ?? 3,
      coldRuns: runs ?? (briefs >= 500 ? 1 : 3),
      peers: values.peers === true,
      peersLimit: 100,
      dir,
      repo,
      log,
    });
    const machine = machineInfo(result.chromium);
    const rows = benchRows(result);
    const stages = Object.entries(result.cold.timings.at(-1) ?? {}).map(([k, v]) => `${k} ${v} ms`).join(', ');
    const pages = Object.entries(result.cold.pages).map(([n, c]) => `${c} × ${n} p.`).join(', ');
    process.stdout.write(
      `\n${formatTable(rows)}\n\nMachine: ${formatMachine(machine)}\n` +
        `Cold build stages (last run): ${stages}\nPrinted lengths: ${pages}; warnings ${result.cold.warnings}, failed ${result.cold.failed}\n`,
    );
    const json = path.resolve(typeof values.json === 'string' ? values.json : path.join(dir, 'bench-results.json'));
    await writeFile(json, `${JSON.stringify({ date: new Date().toISOString(), machine, rows, result }, null, 2)}\n`);
    process.stdout.write(`Results: ${json}\n`);
    if (values.keep || !values.json) process.stdout.write(`Project kept in ${dir}\n`);
    finished = true;
    return rows.every((r) => r.pass !== false) ? 0 : 1;
  } finally {
    if (!values.keep && (!finished || typeof values.json === 'string')) await rm(dir, { recursive: true, force: true });
  }
}

await runCommand(main);
