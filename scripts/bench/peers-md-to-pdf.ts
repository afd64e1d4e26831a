/**
 * md-to-pdf 5.2.5 in its working mode: its CLI called with 10 files at a time. Each
 * call is a fresh Node process that launches one browser and opens one page per file
 * at once (see its `dist/cli.js`: a Listr task per file, `concurrent: true`). The
 * Markdown is copied to a work folder first, since md-to-pdf writes each PDF next to
 * its input.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { launchArgs } from '../print/browser.js';

export interface MdToPdfOptions {
  workDir: string;
  executablePath: string;
  /** Files per CLI call. Default 10. */
  batchSize?: number;
}

export interface MdToPdfResult {
  documents: number;
  calls: number;
  batchSize: number;
  totalMs: number;
  msPerDocument: number;
  /** Files whose PDF is missing after their call. */
  failed: string[];
  /** The PDFs it wrote. */
  pdfs: string[];
  version: string;
}

const require = createRequire(import.meta.url);

function runCli(args: string[], cwd: string): Promise<{ code: number; stderr: string }> {
  const cli = require.resolve('md-to-pdf/dist/cli.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
  });
}

export async function runMdToPdf(markdownFiles: string[], options: MdToPdfOptions): Promise<MdToPdfResult> {
  const batchSize = options.batchSize ?? 10;
  await mkdir(options.workDir, { recursive: true });
  const inputs = await Promise.all(
    markdownFiles.map(async (file) => {
      const copy = path.join(options.workDir, path.basename(file));
      await copyFile(file, copy);
      return copy;
    }),
  );
  const launch = JSON.stringify({ executablePath: options.executablePath, args: launchArgs() });
  const failed: string[] = [];
  const pdfs: string[] = [];
  let calls = 0;
  const start = performance.now();
  for (let i = 0; i < inputs.length; i += batchSize) {
    const batch = inputs.slice(i, i + batchSize);
    calls++;
    const { code, stderr } = await runCli(['--launch-options', launch, ...batch.map((f) => path.basename(f))], options.workDir);
    for (const file of batch) {
      const pdf = file.replace(/\.md$/, '.pdf');
      const ok = await stat(pdf).then(
        (s) => s.size > 0,
        () => false,
      );
      if (ok) pdfs.push(pdf);
      else failed.push(path.basename(file));
    }
    if (code !== 0 && failed.length === 0) failed.push(`call ${calls}: exit ${code}: ${stderr.trim().split('\n')[0] ?? ''}`);
  }
  const totalMs = performance.now() - start;
  const version = (require('md-to-pdf/package.json') as { version: string }).version;
  return {
    documents: inputs.length,
    calls,
    batchSize,
    totalMs: Math.round(totalMs),
    msPerDocument: inputs.length ? totalMs / inputs.length : 0,
    pdfs,
    failed,
    version,
  };
}
