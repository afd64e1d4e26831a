/**
 * Peak resident memory of a process and all its descendants (Node plus the Chromium
 * processes it starts), sampled from /proc every ~100 ms by walking the process tree.
 * Also notes whether a browser process ever appeared, which is how the benchmark tells
 * that a no-op rebuild launched none. Linux only; elsewhere it reports nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface MemoryReport {
  /** Peak of the summed RSS of the tree, in bytes (0 when /proc is unavailable). Counts pages
   * shared between Chromium's processes once per process, so it overstates what the tree uses. */
  peakRss: number;
  /** Peak of the summed PSS (proportional set size: shared pages divided among their sharers). */
  peakPss: number;
  /** Largest number of processes in the tree at one sample. */
  peakProcesses: number;
  /** Whether a Chrome/Chromium process was seen in the tree. */
  sawBrowser: boolean;
  samples: number;
}

export interface MemorySampler {
  stop(): MemoryReport;
}

const PAGE_SIZE = 4096;

interface Proc {
  pid: number;
  ppid: number;
  comm: string;
}

function listProcesses(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (comm) state ppid ..." — comm may hold spaces and parentheses.
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const ppid = Number(stat.slice(close + 2).split(' ')[1]);
      out.push({ pid: Number(name), ppid, comm });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return out;
}

/** The processes of the tree rooted at `root`, root included. */
export function processTree(root: number, processes = listProcesses()): Proc[] {
  const children = new Map<number, Proc[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const self = processes.find((p) => p.pid === root);
  const tree: Proc[] = self ? [self] : [];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!.pid) ?? []));
  return tree;
}

function rssOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
    return Number(fields[1]) * PAGE_SIZE;
  } catch {
    return 0;
  }
}

function pssOf(pid: number): number {
  try {
    const kb = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return kb ? Number(kb[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export function sampleMemory(root = process.pid, intervalMs = 100): MemorySampler {
  const report: MemoryReport = { peakRss: 0, peakPss: 0, peakProcesses: 0, sawBrowser: false, samples: 0 };
  let supported = true;
  const sample = () => {
    if (!supported) return;
    try {
      const tree = processTree(root);
      const rss = tree.reduce((sum, p) => sum + rssOf(p.pid), 0);
      report.peakRss = Math.max(report.peakRss, rss);
      report.peakPss = Math.max(report.peakPss, tree.reduce((sum, p) => sum + pssOf(p.pid), 0));
      report.peakProcesses = Math.max(report.peakProcesses, tree.length);
      report.sawBrowser ||= tree.some((p) => /chrom|headless_shell/i.test(p.comm));
      report.samples++;
    } catch {
      supported = false;
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { ...report };
    },
  };
}
