/**
 * How a command stops on Ctrl-C or SIGTERM. The command line turns the signal into an
 * `AbortSignal` (`abortOnSignals`): a build stops at its next step, closes its browser and
 * remembers what it printed. Cleanups that must run however a run ends (a server closed,
 * a browser of `check`) are registered with `onInterrupt` and run before the exit with
 * 130 / 143. (A library caller keeps its own signal handling and passes its own signal.)
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

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * For command lines: the first SIGINT or SIGTERM aborts `controller` and resolves with the
 * exit code the shell expects (130, 143). Later signals are ignored: a second Ctrl-C (or a
 * wrapper such as npm passing the signal on again) must not kill the process halfway
 * through its cleanup.
 */
export function abortOnSignals(controller: AbortController): Promise<number> {
  return new Promise((resolve) => {
    let received = false;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => {
        if (received) return;
        received = true;
        process.stderr.write(`\nbriefpress: ${signal === 'SIGINT' ? 'interrupted' : 'terminated'}; cleaning up\n`);
        controller.abort();
        resolve(EXIT_CODES[signal]);
      });
    }
  });
}
