/**
 * `npm run bench -- [--briefs N] [--peers] [--concurrency N] [--runs N] [--json FILE] [--keep] [--cold-only | --dev | --shards N]`:
 * measures briefpress against its targets (docs/performance.md) on a temporary project of N
 * generated sources, prints a table of medians and writes the same as JSON. A script,
 * not a test: nothing here asserts a time.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { helpText, integerOption, parseCommand, runCommand } from './args.js';
import { benchRows } from '../bench/bench-rows.js';
import { benchProject, runBench } from '../bench/run-bench.js';
import { type DevLoopResult, devLoopRows, measureDevLoop } from '../bench/dev-loop.js';
import { findBrowser, installedSystemBrowsers } from '../print/browser.js';
import { formatMachine, formatTable, machineInfo } from '../bench/report-table.js';
import { formatShardTable, runShardBench } from '../bench/run-shards.js';
import { measurePdfReading } from '../bench/pdf-reading.js';
import { loadConfig } from '../core/config.js';
import { benchCommand } from './specs.js';

async function main(): Promise<number> {
  const { values, help } = parseCommand(benchCommand, process.argv.slice(2));
  if (help) {
    process.stdout.write(helpText(benchCommand));
    return 0;
  }
  const briefs = integerOption('briefs', values.briefs) ?? 100;
  const runs = integerOption('runs', values.runs);
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'briefpress-bench-'));
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  let finished = false;
  try {
    const roundTrip = integerOption('pdf-round-trip', values['pdf-round-trip']);
    if (roundTrip !== undefined) {
      const { roundTripProject, roundTripBuild } = await import('../bench/pdf-round-trip.js');
      await roundTripProject(dir, repo, roundTrip, integerOption('seed', values.seed) ?? 7);
      const { build } = await import('../build.js');
      log(`printing ${roundTrip} generated briefs, the samples and the render fixtures`);
      await build({ root: dir, quiet: true });
      const config = await loadConfig(dir, {});
      const results = await roundTripBuild(dir, config.outDir, config.organization);
      const passed = results.filter((r) => r.ok).length;
      const words = results.map((r) => r.words).sort((a, b) => a - b);
      for (const r of results.filter((x) => !x.ok)) process.stdout.write(`${r.slug}: ${r.problems.join('; ')}\n`);
      process.stdout.write(
        `\nPDF round trip: ${passed} of ${results.length} PDFs read back as the Markdown they were printed from ` +
          `(title, date, headings, list items, links, >= 99.5% of words in order); words in order: median ${(words[Math.floor(words.length / 2)]! * 100).toFixed(2)}%, lowest ${(words[0]! * 100).toFixed(2)}%\n`,
      );
      finished = true;
      return passed === results.length ? 0 : 1;
    }
    const postProcess = integerOption('post-process', values['post-process']);
    if (postProcess !== undefined) {
      const { benchPostProcess, formatPostProcess } = await import('../bench/post-process.js');
      log(`printing ${postProcess} generated briefs once`);
      const result = await benchPostProcess({ briefs: postProcess, seed: integerOption('seed', values.seed) ?? 1, repo });
      process.stdout.write(`\n${formatPostProcess(result)}\n`);
      finished = true;
      return result.fallbacks === 0 ? 0 : 1;
    }
    if (values.dev) {
      const concurrency = integerOption('concurrency', values.concurrency) ?? os.availableParallelism();
      const { files } = await benchProject({ dir, repo, briefs, seed: integerOption('seed', values.seed) ?? 1, concurrency, log });
      const browsers = installedSystemBrowsers();
      if (browsers.length === 0) browsers.push((await findBrowser()).executablePath);
      const results: DevLoopResult[] = [];
      for (const executablePath of browsers) {
        // A dev server of its own for each browser, each starting from a cold build.
        await rm(path.join(dir, 'dist'), { recursive: true, force: true });
        await rm(path.join(dir, '.briefpress'), { recursive: true, force: true });
        results.push(await measureDevLoop({ root: dir, files, runs: runs ?? 5, executablePath, log }));
      }
      const machine = machineInfo(results.map((r) => r.browser).join(', '));
      const rows = results.flatMap(devLoopRows);
      process.stdout.write(`\n${formatTable(rows)}\n\nMachine: ${formatMachine(machine)}\n`);
      const json = path.resolve(typeof values.json === 'string' ? values.json : path.join(dir, 'bench-dev.json'));
      await writeFile(json, `${JSON.stringify({ date: new Date().toISOString(), machine, rows, results }, null, 2)}\n`);
      process.stdout.write(`Results: ${json}\n`);
      if (values.keep || !values.json) process.stdout.write(`Project kept in ${dir}\n`);
      finished = true;
      return rows.every((r) => r.pass !== false) ? 0 : 1;
    }
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
      coldOnly: values['cold-only'] === true,
      dir,
      repo,
      log,
    });
    const machine = machineInfo(result.chromium);
    const rows = benchRows(result);
    const stages = Object.entries(result.cold.timings.at(-1) ?? {})
      .map(([k, v]) => `${k} ${v} ms`)
      .join(', ');
    const pages = Object.entries(result.cold.pages)
      .map(([n, c]) => `${c} × ${n} p.`)
      .join(', ');
    process.stdout.write(
      `\n${formatTable(rows)}\n\nMachine: ${formatMachine(machine)}\n` +
        `Cold build stages (last run): ${stages}\nPrinted lengths: ${pages}; warnings ${result.cold.warnings}, failed ${result.cold.failed}\n`,
    );
    if (result.peersUa) {
      const { formatUaSideBySide } = await import('../bench/pdf-ua-side-by-side.js');
      process.stdout.write(`\n${formatUaSideBySide(result.peersUa)}\n\n`);
    }
    const config = await loadConfig(dir, {});
    const pdfReading = await measurePdfReading(dir, config.outDir, config.organization);
    if (pdfReading) {
      process.stdout.write(
        `Reading a two-page PDF back (pdf.js + PDF reader, warm, ${pdfReading.pdfs} PDFs): median ${pdfReading.medianMs.toFixed(1)} ms, ` +
          `slowest ${pdfReading.maxMs.toFixed(1)} ms (target < 100 ms)\n`,
      );
    }
    const json = path.resolve(typeof values.json === 'string' ? values.json : path.join(dir, 'bench-results.json'));
    await writeFile(json, `${JSON.stringify({ date: new Date().toISOString(), machine, rows, result, pdfReading }, null, 2)}\n`);
    process.stdout.write(`Results: ${json}\n`);
    if (values.keep || !values.json) process.stdout.write(`Project kept in ${dir}\n`);
    finished = true;
    return rows.every((r) => r.pass !== false) ? 0 : 1;
  } finally {
    if (!values.keep && (!finished || typeof values.json === 'string')) await rm(dir, { recursive: true, force: true });
  }
}

await runCommand(main);
