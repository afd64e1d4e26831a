/**
 * Processes as Linux's /proc lists them: to find the browser a build started (a descendant
 * of the build's process, or any process whose command line names its profile folder) and
 * to check that none is left behind.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** Its process group: a browser started `detached` leads a group that its children join. */
  pgid: number;
  /** The command line, arguments joined by spaces. */
  cmdline: string;
}

export function listProcesses(): ProcessInfo[] {
  const list: ProcessInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name (field 2) may hold spaces and parentheses: parse after its last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z') continue; // a zombie has exited; it only waits for its parent to reap it
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ').trim();
      list.push({ pid: Number(name), ppid: Number(fields[1]), pgid: Number(fields[2]), cmdline });
    } catch {
      // The process exited while we looked.
    }
  }
  return list;
}

/** Every process below `pid` (children, grandchildren, …). */
export function descendants(pid: number, all = listProcesses()): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const p of all) {
      if (p.ppid === parent) {
        found.push(p);
        queue.push(p.pid);
      }
    }
  }
  return found;
}

const isBrowser = (p: ProcessInfo) => /chrom/i.test(p.cmdline.split(' ')[0] ?? '') && p.cmdline.includes('--user-data-dir=');

/** The browsers (main processes, not their renderers) started below `pid`. */
export function browsersBelow(pid: number): ProcessInfo[] {
  return descendants(pid).filter((p) => isBrowser(p) && !p.cmdline.includes('--type='));
}

/** The profile folder a browser process was started with. */
export function userDataDir(p: ProcessInfo): string | undefined {
  return /--user-data-dir=(\S+)/.exec(p.cmdline)?.[1];
}

/** Processes still running whose command line names one of these profile folders. */
export function processesUsing(dirs: readonly string[]): ProcessInfo[] {
  return listProcesses().filter((p) => dirs.some((dir) => p.cmdline.includes(dir)));
}

export function isAlive(pid: number): boolean {
  return listProcesses().some((p) => p.pid === pid);
}

/**
 * Wait until no process names one of these profile folders any more (only a browser's main
 * process does: its zygotes, renderers and GPU process are started without the flag; to wait
 * for those, give the process group they share, `group`). A killed browser's children exit a
 * moment after it, and may write into the profile until they do (ENOTEMPTY when it is removed).
 * Polls /proc; fails after `timeoutMs` with the processes still there (a bound for a process
 * that never exits, generous because a loaded machine is slow to reap them).
 */
export async function waitUntilGone(dirs: readonly string[], timeoutMs = 60_000, group?: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = listProcesses().filter((p) => p.pgid === group || dirs.some((dir) => p.cmdline.includes(dir)));
    if (left.length === 0) return;
    if (Date.now() > deadline) throw new Error(`still running after ${timeoutMs} ms: ${left.map((p) => p.pid).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
