/**
 * Cleanups that must run however a run ends: the browser closed, temporary files
 * removed. Ctrl-C and SIGTERM run them, then exit with 130 / 143.
 */
const cleanups = new Set<() => Promise<void> | void>();
let installed = false;

export function onInterrupt(cleanup: () => Promise<void> | void): () => void {
  cleanups.add(cleanup);
  if (!installed) {
    installed = true;
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      process.once(signal, () => {
        process.stderr.write(`\nbriefpress: ${signal === 'SIGINT' ? 'interrupted' : 'terminated'}; cleaning up\n`);
        void runCleanups().finally(() => process.exit(code));
      });
    }
  }
  return () => cleanups.delete(cleanup);
}

export async function runCleanups(): Promise<void> {
  const pending = [...cleanups];
  cleanups.clear();
  await Promise.allSettled(pending.map((cleanup) => cleanup()));
}
