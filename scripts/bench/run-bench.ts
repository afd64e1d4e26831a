/**
 * One benchmark run on a temporary project: generate sources, then measure the cold
 * build, the no-op rebuild, the one-edit rebuild, bare Chromium on the same pages, and
 * (optionally) md-to-pdf on the same Markdown, plus the build's peak memory.
 */
import { execFile } from 'node:child_process';
import { appendFile, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { existsSync, realpathSync } from 'node:fs';
import { findBrowser, installedSystemBrowsers } from '../print/browser.js';
import { UserError } from '../core/user-error.js';
import { type BuildConfig, CONFIG_FILE, loadConfig } from '../core/config.js';
import type { BuildOptions, BuildResult } from '../build.js';
import type { ManifestEntry } from '../core/types.js';
import { type BaselinePage, type BaselineResult, printBaseline } from './baseline-chromium.js';
import { pairedRatios } from './bench-rows.js';
import { generateSources, writeSources } from './generate-sources.js';
import { type MemoryReport, sampleMemory } from './measure-memory.js';
import { type BuildProcess, runBuildProcess, summaryCount } from './build-process.js';
import { type MdToPdfResult, runMdToPdf } from './peers-md-to-pdf.js';
import { type UaColumn, uaColumn } from './pdf-ua-side-by-side.js';
import { loadPrintPages } from './print-pages.js';
import { median } from './report-table.js';
import type { BenchResult, Timed } from './types.js';

export type { BenchResult, Timed } from './types.js';

const timed = (runs: number[]): Timed => ({ runs: runs.map(Math.round), median: median(runs) });

export interface BenchOptions {
  briefs: number;
  seed: number;
  concurrency: number;
  runs: number;
  coldRuns: number;
  peers: boolean;
  peersLimit: number;
  /** Only the cold builds and bare Chromium, with and without pictures: no rebuilds. */
  coldOnly?: boolean;
  /** Temporary project folder. */
  dir: string;
  /** The repository, whose config and templates are copied. */
  repo: string;
  log: (line: string) => void;
}

/** The bench's project: the repository's configuration and templates, and `o.briefs` generated sources. */
export async function benchProject(
  o: Pick<BenchOptions, 'dir' | 'repo' | 'briefs' | 'seed' | 'concurrency' | 'log'>,
): Promise<{ config: BuildConfig; files: string[] }> {
  await mkdir(o.dir, { recursive: true });
  // The sample's configuration without its packets: they name the sample's briefs, and
  // printing a packet is work that bare Chromium, the floor, does not do.
  const sampleConfig = parseDocument(await readFile(path.join(o.repo, CONFIG_FILE), 'utf8'));
  sampleConfig.delete('packets');
  await writeFile(path.join(o.dir, CONFIG_FILE), sampleConfig.toString());
  await cp(path.join(o.repo, 'templates'), path.join(o.dir, 'templates'), { recursive: true });
  const config = await loadConfig(o.dir, { concurrency: o.concurrency });
  o.log(`generating ${o.briefs} sources in ${config.sourcesDir}`);
  const files = await writeSources(
    config.sourcesDir,
    generateSources({ count: o.briefs, seed: o.seed, organization: config.organization }),
  );
  return { config, files };
}

export async function runBench(o: BenchOptions): Promise<BenchResult> {
  const { build } = (await import('../build.js').catch((error: unknown) => {
    throw new UserError(
      `the build pipeline cannot be loaded yet: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
  })) as { build: (options?: BuildOptions) => Promise<BuildResult> };
  const { config, files } = await benchProject(o);
  const options: BuildOptions = { root: o.dir, quiet: true, concurrency: o.concurrency };
  const measure = async (label: string, run: () => Promise<BuildResult>) => {
    // Once a second: reading every process's smaps_rollup walks its page tables, and at
    // 100 ms this stole a third of the build's time from the process being measured.
    const memory = sampleMemory(process.pid, 1000);
    const start = performance.now();
    const result = await run();
    const ms = performance.now() - start;
    const mem = await memory.stop();
    o.log(`${label}: ${Math.round(ms)} ms (built ${result.built}, cached ${result.cached}, failed ${result.failed})`);
    return { ms, result, mem };
  };

  // Cold builds, each into a fresh output folder, each an `npm run build -- --force` of its
  // own, as a user runs it: the measured time and memory are the build's alone, not those of
  // this process (which holds the generated sources and earlier results). Each is followed
  // at once by bare Chromium doing the same work: this machine's speed drifts by ±10 % over
  // minutes, and paired runs see the same drift. A build takes a picture of page 1 of each
  // brief (`site.page_pictures`, on by default), which costs Chromium more than the print:
  // it is paired with bare Chromium printing and taking the same pictures, and a build with
  // `page_pictures: false` with bare Chromium printing only.
  const cold = { ms: [] as number[], timings: [] as Record<string, number>[] };
  const coldBare: number[] = [];
  let memory: MemoryReport = { peakRss: 0, peakPss: 0, peakProcesses: 0, sawBrowser: false, samples: 0 };
  let last: BuildProcess | undefined;
  const { executablePath } = await findBrowser();
  const baselineRuns: BaselineResult[] = [];
  const printOnlyRuns: BaselineResult[] = [];
  let same: SamePages | undefined;
  await warmBundles(o);
  const bare = async (label: string, pictures: boolean, coldMs: number) => {
    // Bare Chromium on the same print pages, relative URLs resolving in the fresh output folder.
    same ??= await samePages(config);
    const run = await printBaseline(same.pages, {
      concurrency: o.concurrency,
      executablePath,
      baseUrl: same.baseUrl,
      outDir: path.join(o.dir, 'baseline'),
      pictures,
    });
    o.log(
      `${label}: ${run.totalMs} ms (${run.msPerPdf.toFixed(1)} ms/PDF, launch ${run.launchMs} ms); cold build ÷ bare: ${(coldMs / run.totalMs).toFixed(2)}x`,
    );
    return run;
  };
  for (let i = 0; i < o.coldRuns; i++) {
    // Without pictures first: the last build of all takes them, as the rebuilds below expect.
    await setPagePictures(o.dir, false);
    await rm(config.outDir, { recursive: true, force: true });
    const plain = await runBuildProcess(o.dir, ['--force', '--concurrency', String(o.concurrency)], 1000);
    o.log(`cold build without pictures ${i + 1}/${o.coldRuns}: ${Math.round(plain.ms)} ms (${plain.summary})`);
    coldBare.push(plain.ms);
    memory = plain.memory.peakPss > memory.peakPss ? plain.memory : memory;
    printOnlyRuns.push(await bare(`bare Chromium printing only ${i + 1}/${o.coldRuns}`, false, plain.ms));

    await setPagePictures(o.dir, true);
    await rm(config.outDir, { recursive: true, force: true });
    // Sampled once a second: reading every process's smaps_rollup walks its page tables.
    last = await runBuildProcess(o.dir, ['--force', '--concurrency', String(o.concurrency)], 1000);
    o.log(`cold build ${i + 1}/${o.coldRuns}: ${Math.round(last.ms)} ms (${last.summary})`);
    cold.ms.push(last.ms);
    cold.timings.push(last.timings);
    memory = last.memory.peakPss > memory.peakPss ? last.memory : memory;
    baselineRuns.push(await bare(`bare Chromium with pictures ${i + 1}/${o.coldRuns}`, true, last.ms));
  }
  if (!last || !same) throw new Error('no cold build ran');
  const { manifest } = same;
  const pages: Record<number, number> = {};
  for (const e of manifest) pages[e.pages] = (pages[e.pages] ?? 0) + 1;

  // No-op rebuilds: same sources.
  const rebuildRuns = o.coldOnly ? 0 : o.runs;
  const noop = { ms: [] as number[], launchedBrowser: [] as boolean[], browserSeen: [] as boolean[], built: [] as number[] };
  for (let i = 0; i < rebuildRuns; i++) {
    const { ms, result, mem } = await measure(`no-op rebuild ${i + 1}/${o.runs}`, () => build(options));
    noop.ms.push(ms);
    noop.launchedBrowser.push(result.launchedBrowser);
    noop.browserSeen.push(mem.sawBrowser);
    noop.built.push(result.built);
  }

  // One edited source per run (a different one each time).
  const edit = { ms: [] as number[], built: [] as number[] };
  for (let i = 0; i < rebuildRuns; i++) {
    const file = files[(i * 37 + 11) % files.length]!;
    await appendFile(file, `\n\nAn editor added this sentence in benchmark run ${i + 1}.\n`);
    const { ms, result } = await measure(`one-edit rebuild ${i + 1}/${o.runs} (${path.basename(file)})`, () => build(options));
    edit.ms.push(ms);
    edit.built.push(result.built);
  }

  // The same rebuilds from the command line, each a new process that loads its modules and starts its browser.
  const cli = { noop: [] as number[], edit: [] as number[] };
  for (let i = 0; i < rebuildRuns; i++) {
    cli.noop.push(await runCli(o));
    o.log(`no-op rebuild, command line ${i + 1}/${o.runs}: ${Math.round(cli.noop.at(-1)!)} ms`);
  }
  for (let i = 0; i < rebuildRuns; i++) {
    const file = files[(i * 53 + 29) % files.length]!;
    await appendFile(file, `\n\nAn editor added this sentence in command-line run ${i + 1}.\n`);
    cli.edit.push(await runCli(o));
    o.log(`one-edit rebuild, command line ${i + 1}/${o.runs} (${path.basename(file)}): ${Math.round(cli.edit.at(-1)!)} ms`);
  }

  // The same one-edit rebuilds with every other build of Chromium installed (Debian's full
  // browser starts far slower than its headless shell; a user may have either).
  const otherBrowsers: BenchResult['otherBrowsers'] = [];
  for (const other of (o.coldOnly ? [] : installedSystemBrowsers()).filter((b) => !sameFile(b, executablePath))) {
    const saved = process.env.PUPPETEER_EXECUTABLE_PATH;
    process.env.PUPPETEER_EXECUTABLE_PATH = other;
    try {
      const inProcess: number[] = [];
      const fromCli: number[] = [];
      for (let i = 0; i < rebuildRuns; i++) {
        const file = files[(i * 61 + 17) % files.length]!;
        await appendFile(file, `\n\nAn editor added this sentence in run ${i + 1} with ${path.basename(other)}.\n`);
        inProcess.push((await measure(`one-edit rebuild with ${other} ${i + 1}/${o.runs}`, () => build(options))).ms);
      }
      for (let i = 0; i < rebuildRuns; i++) {
        const file = files[(i * 67 + 19) % files.length]!;
        await appendFile(file, `\n\nAn editor added this sentence in command-line run ${i + 1} with ${path.basename(other)}.\n`);
        fromCli.push(await runCli(o));
        o.log(`one-edit rebuild with ${other}, command line ${i + 1}/${o.runs}: ${Math.round(fromCli.at(-1)!)} ms`);
      }
      otherBrowsers.push({ browser: other, edit: timed(inProcess), cliEdit: timed(fromCli) });
    } finally {
      if (saved === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
      else process.env.PUPPETEER_EXECUTABLE_PATH = saved;
    }
  }

  // The same from the command line again, with the browser kept warm between builds (print/warm-browser.ts):
  // the first build starts it, the timed ones print with it.
  const warm: NonNullable<BenchResult['warm']> = [];
  for (const browser of o.coldOnly ? [] : [executablePath, ...installedSystemBrowsers().filter((b) => !sameFile(b, executablePath))]) {
    const saved = process.env.PUPPETEER_EXECUTABLE_PATH;
    process.env.PUPPETEER_EXECUTABLE_PATH = browser;
    try {
      const runs: number[] = [];
      for (let i = 0; i <= rebuildRuns; i++) {
        const file = files[(i * 71 + 23) % files.length]!;
        await appendFile(file, `\n\nAn editor added this sentence in warm run ${i + 1} with ${path.basename(browser)}.\n`);
        const ms = await runCli(o, ['--keep-browser', '60']);
        o.log(
          `one-edit rebuild, command line, warm browser ${path.basename(browser)} ${i}/${o.runs}${i ? '' : ' (starts it)'}: ${Math.round(ms)} ms`,
        );
        if (i > 0) runs.push(ms);
      }
      // In this process, as a program calling build() again and again would (the dev server keeps its own).
      const inProcess: number[] = [];
      for (let i = 0; i < rebuildRuns; i++) {
        const file = files[(i * 73 + 31) % files.length]!;
        await appendFile(file, `\n\nAn editor added this sentence in warm in-process run ${i + 1} with ${path.basename(browser)}.\n`);
        const label = `one-edit rebuild, warm browser ${path.basename(browser)} ${i + 1}/${o.runs}`;
        inProcess.push((await measure(label, () => build({ ...options, keepBrowser: 60 }))).ms);
      }
      warm.push({ browser, cliEdit: timed(runs), edit: timed(inProcess) });
    } finally {
      const { printingLaunch } = await import('../print/browser.js');
      const { stopKeptBrowser } = await import('../print/warm-browser.js');
      stopKeptBrowser(await printingLaunch(browser, true), config.cacheDir);
      if (saved === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
      else process.env.PUPPETEER_EXECUTABLE_PATH = saved;
    }
  }

  let peers: MdToPdfResult | undefined;
  let peersUa: Record<string, UaColumn> | undefined;
  if (o.peers) {
    const briefs = manifest.slice(0, o.peersLimit);
    const markdown = briefs.map((e) => path.join(config.outDir, e.markdown));
    o.log(`md-to-pdf on ${markdown.length} briefs in calls of 10 files`);
    peers = await runMdToPdf(markdown, { workDir: path.join(o.dir, 'md-to-pdf'), executablePath });
    o.log(`md-to-pdf: ${peers.totalMs} ms (${peers.msPerDocument.toFixed(0)} ms/document, ${peers.failed.length} failed)`);
    o.log('PDF/UA-1 checks on both tools’ PDFs of the same briefs');
    peersUa = {
      briefpress: await uaColumn(briefs.map((e) => path.join(config.outDir, e.pdf))),
      [`md-to-pdf ${peers.version}`]: await uaColumn(peers.pdfs),
    };
  }

  return {
    briefs: o.briefs,
    cold: {
      ...timed(cold.ms),
      timings: cold.timings,
      built: summaryCount(last.summary, 'built'),
      failed: summaryCount(last.summary, 'failed'),
      warnings: summaryCount(last.summary, 'warnings'),
      pages,
    },
    ...(o.coldOnly
      ? {}
      : {
          noop: { ...timed(noop.ms), ...noop },
          edit: { ...timed(edit.ms), built: edit.built },
          cli: { noop: timed(cli.noop), edit: timed(cli.edit) },
        }),
    baseline: {
      ...timed(baselineRuns.map((r) => r.totalMs)),
      runsDetail: baselineRuns,
      pairedRatios: pairedRatios(
        cold.ms,
        baselineRuns.map((r) => r.totalMs),
      ),
    },
    coldNoPictures: {
      ...timed(coldBare),
      baseline: timed(printOnlyRuns.map((r) => r.totalMs)),
      pairedRatios: pairedRatios(
        coldBare,
        printOnlyRuns.map((r) => r.totalMs),
      ),
    },
    memory,
    otherBrowsers,
    warm,
    ...(peers ? { peers } : {}),
    ...(peersUa ? { peersUa } : {}),
    chromium: `${baselineRuns[0]?.chromiumVersion ?? 'unknown'} (${executablePath})`,
  };
}

/** Turn `site.page_pictures` on or off in the bench project's configuration. */
async function setPagePictures(dir: string, on: boolean): Promise<void> {
  const file = path.join(dir, CONFIG_FILE);
  const doc = parseDocument(await readFile(file, 'utf8'));
  doc.setIn(['site', 'page_pictures'], on);
  await writeFile(file, doc.toString());
}

interface SamePages {
  /** The cold build's manifest (every cold build writes the same one). */
  manifest: ManifestEntry[];
  /** Its print pages, rendered again for bare Chromium (print-pages.ts). */
  pages: BaselinePage[];
  /** Where bare Chromium's pages start, so relative URLs resolve in the output folder. */
  baseUrl: string;
}

async function samePages(config: BuildConfig): Promise<SamePages> {
  const manifest = JSON.parse(await readFile(path.join(config.outDir, 'manifest.json'), 'utf8')) as ManifestEntry[];
  // A small page of the output folder's root, as the printer opens a blank one: the home
  // page listed every brief once, and opening it took each pooled page 5.8 s at 10,000 briefs.
  const blank = path.join(config.outDir, '404.html');
  const baseUrl = pathToFileURL(existsSync(blank) ? blank : `${config.outDir}/`).href;
  return { manifest, pages: await loadPrintPages(config, manifest), baseUrl };
}

/**
 * Bundle the build command and its worker thread's module before timing anything: after a
 * code change the first run bundles them (scripts/start/load-ts.mjs), which no later run does.
 */
async function warmBundles(o: BenchOptions): Promise<void> {
  const loader = pathToFileURL(path.join(o.repo, 'scripts/start/load-ts.mjs')).href;
  const modules = ['scripts/cli/build.ts', 'scripts/workers/brief-worker.ts'].map((m) => path.join(o.repo, m));
  const code = `const { moduleUrl } = await import(${JSON.stringify(loader)}); for (const m of ${JSON.stringify(modules)}) await moduleUrl(m);`;
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', code], { cwd: o.dir });
}

function sameFile(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  };
  return real(a) === real(b);
}

/** Milliseconds for `npm run build` in the project, in a process of its own (build-process.ts). */
async function runCli(o: BenchOptions, args: string[] = []): Promise<number> {
  return (await runBuildProcess(o.dir, args, 1000)).ms;
}
