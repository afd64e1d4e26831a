/**
 * The benchmark's report: medians, the rows of the table with their targets from
 * issue 5, a plain-text table for the terminal, and the machine it ran on.
 */
import os from 'node:os';

export interface Row {
  stage: string;
  /** Median wall-clock ms (or bytes for memory rows, see `unit`). */
  value: number;
  unit: 'ms' | 'bytes';
  perBrief?: number;
  ratio?: number;
  target: string;
  pass?: boolean;
  note?: string;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  ramBytes: number;
  node: string;
  chromium: string;
  platform: string;
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function machineInfo(chromium: string): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    ramBytes: os.totalmem(),
    node: process.version,
    chromium,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

const fmtValue = (r: Row) =>
  r.unit === 'bytes' ? `${(r.value / 2 ** 20).toFixed(0)} MB` : `${Math.round(r.value).toLocaleString('en-US')} ms`;
const fmtNum = (n: number | undefined, digits = 1) => (n === undefined || !Number.isFinite(n) ? '' : n.toFixed(digits));

/** A fixed-width table: stage, median, per brief, ratio, target, pass/fail. */
export function formatTable(rows: Row[]): string {
  const header = ['stage', 'median', 'per brief ms', 'ratio', 'target', 'result'];
  const body = rows.map((r) => [
    r.stage,
    fmtValue(r),
    fmtNum(r.perBrief),
    r.ratio === undefined ? '' : `${fmtNum(r.ratio, 2)}x`,
    r.target,
    r.pass === undefined ? '' : r.pass ? 'pass' : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 || i === 4 ? ':' : '') + '-'.repeat(w + 1 - (i === 0 || i === 4 ? 1 : 0)) + (i === 0 || i === 4 ? '' : ':')).join('|')}|`;
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.stage}: ${r.note}`);
  return [line(header), rule, ...body.map(line), ...(notes.length ? ['', ...notes] : [])].join('\n');
}

export function formatMachine(m: MachineInfo): string {
  return `${m.cpu}, ${m.cores} cores, ${(m.ramBytes / 2 ** 30).toFixed(1)} GB RAM, Node ${m.node}, ${m.chromium}, ${m.platform}`;
}
