/**
 * Cleanups that must run however a run ends: the browser closed, temporary files
 * removed. Stages register them; a command line installs the signal handlers, so
 * Ctrl-C and SIGTERM run them, then exit with 130 / 143. (A library caller keeps
 * its own signal handling.)
 */
const cleanups = new Set<() => Promise<void> | void>();

export function onInterrupt(cleanup: () => Promise<void> | void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

export async function runCleanups(): Promise<void> {
  const pending = [...cleanups];
  cleanups.clear();
  await Promise.allSettled(pending.map((cleanup) => cleanup()));
}

let installed = false;

/** For command lines: on SIGINT/SIGTERM run the cleanups, then exit. */
export function exitCleanlyOnSignals(): void {
  if (installed) return;
  installed = true;
  let exiting = false;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    // Stays installed: a second Ctrl-C (or a wrapper such as tsx or npm passing the signal on
    // again) must not kill the process halfway through its cleanup.
    process.on(signal, () => {
      if (exiting) return;
      exiting = true;
      process.stderr.write(`\nbriefpress: ${signal === 'SIGINT' ? 'interrupted' : 'terminated'}; cleaning up\n`);
      void runCleanups().finally(() => process.exit(code));
    });
  }
}
