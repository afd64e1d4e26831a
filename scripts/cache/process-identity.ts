/**
 * What tells a process from a later one that got the same pid (pids are reused, and in a
 * container the build is often pid 1 or 7 every time): on Linux, the boot's id and the
 * process's start time in clock ticks since boot. Elsewhere there is none, and a live pid
 * is all a lock can go by.
 */
import { readFileSync } from 'node:fs';

let bootId: string | undefined | null = null;

/** `boot/start` of process `pid`, or nothing where /proc does not say (not Linux, no such process). */
export function processIdentity(pid: number): string | undefined {
  try {
    bootId ??= readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces and parentheses); the start time is field 22.
    const started = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return started ? `${bootId}/${started}` : undefined;
  } catch {
    bootId ??= undefined;
    return undefined;
  }
}
