/**
 * One `npm run build` command in a process of its own, as a user or a CI machine runs it
 * (`node scripts/start/run.mjs scripts/cli/build.ts …`: Node start and browser launch included),
 * timed, with the peak memory of that process and its children, and its summary line.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MemoryReport, sampleMemory } from './measure-memory.js';

export interface BuildProcess {
  ms: number;
  memory: MemoryReport;
  /** The `briefpress: … built …` or `briefpress: merged …` line. */
  summary: string;
  /** Milliseconds per stage, from the summary line. */
  timings: Record<string, number>;
}

const RUN = path.join(path.dirname(fileURLToPath(import.meta.url)), '../start/run.mjs');

export async function runBuildProcess(cwd: string, args: string[], sampleEveryMs = 100): Promise<BuildProcess> {
  const start = performance.now();
  const child = spawn(process.execPath, [RUN, 'scripts/cli/build.ts', ...args], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, CI: '1' },
  });
  const sampler = sampleMemory(child.pid, sampleEveryMs);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // 'close', not 'exit': the last of a long stderr may still be on its way at exit.
  const code = await new Promise<number>((resolve) => child.once('close', (c) => resolve(c ?? 1)));
  const ms = performance.now() - start;
  const memory = await sampler.stop();
  const summary = /^briefpress: (?:\d+ built|merged).*$/m.exec(stderr)?.[0] ?? '';
  if (code !== 0 || !summary)
    throw new Error(`npm run build -- ${args.join(' ')} failed (exit ${code}):\n${stderr.split('\n').slice(-15).join('\n')}`);
  const stages = /\(([^()]*)\) → /.exec(summary)?.[1] ?? '';
  const timings = Object.fromEntries([...stages.matchAll(/(\w+) (\d+) ms/g)].map((m) => [m[1]!, Number(m[2])]));
  return { ms, memory, summary, timings };
}

/** A number from a summary line: `summaryCount(summary, 'built')` → 1000. */
export function summaryCount(summary: string, label: string): number {
  return Number(new RegExp(`(\\d+) ${label}\\b`).exec(summary)?.[1] ?? 0);
}
