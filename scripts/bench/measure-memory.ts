/**
 * Peak resident memory of a process and all its descendants (Node plus the Chromium
 * processes it starts), sampled from /proc every ~100 ms by walking the process tree.
 * The files are read asynchronously: a sample takes 15 ms or more (the kernel walks each
 * process's page tables), and read synchronously it stalled the build it was measuring
 * when that build ran in the same process, holding up the browser's replies.
 * Also notes whether a browser process ever appeared, which is how the benchmark tells
 * that a no-op rebuild launched none. Linux only; elsewhere it reports nothing.
 */
import { readdir, readFile } from 'node:fs/promises';

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
  /** Takes a last sample and ends the sampling. */
  stop(): Promise<MemoryReport>;
}

const PAGE_SIZE = 4096;

interface Proc {
  pid: number;
  ppid: number;
  comm: string;
}

async function listProcesses(): Promise<Proc[]> {
  const out: Proc[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
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
export async function processTree(root: number, listed?: Proc[]): Promise<Proc[]> {
  const processes = listed ?? (await listProcesses());
  const children = new Map<number, Proc[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const self = processes.find((p) => p.pid === root);
  const tree: Proc[] = self ? [self] : [];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!.pid) ?? []));
  return tree;
}

async function rssOf(pid: number): Promise<number> {
  try {
    const fields = (await readFile(`/proc/${pid}/statm`, 'utf8')).split(' ');
    return Number(fields[1]) * PAGE_SIZE;
  } catch {
    return 0;
  }
}

async function pssOf(pid: number): Promise<number> {
  try {
    const kb = /^Pss:\s+(\d+) kB/m.exec(await readFile(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return kb ? Number(kb[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export function sampleMemory(root = process.pid, intervalMs = 100): MemorySampler {
  const report: MemoryReport = { peakRss: 0, peakPss: 0, peakProcesses: 0, sawBrowser: false, samples: 0 };
  let supported = true;
  let stopped = false;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const sample = async () => {
    if (!supported) return;
    try {
      const tree = await processTree(root);
      const [rss, pss] = await Promise.all([Promise.all(tree.map((p) => rssOf(p.pid))), Promise.all(tree.map((p) => pssOf(p.pid)))]);
      report.peakRss = Math.max(report.peakRss, sum(rss));
      report.peakPss = Math.max(report.peakPss, sum(pss));
      report.peakProcesses = Math.max(report.peakProcesses, tree.length);
      report.sawBrowser ||= tree.some((p) => /chrom|headless_shell/i.test(p.comm));
      report.samples++;
    } catch {
      supported = false;
    }
  };
  // One sample at a time: the next starts `intervalMs` after the last one ended.
  let timer: NodeJS.Timeout | undefined;
  let running = sample();
  const loop = () => {
    timer = setTimeout(() => {
      running = sample().then(() => {
        if (!stopped) loop();
      });
    }, intervalMs);
    timer.unref();
  };
  void running.then(loop);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await sample();
      return { ...report };
    },
  };
}
