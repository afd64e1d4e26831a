/**
 * A worker of the brief pool for tests (test/workers/brief-pool.test.ts): a thread that
 * ends (exit code 0) on its first request, as one that dies with work on it, or works as
 * brief-worker.ts. `BRIEFPRESS_TEST_STOP` says which: `always` ends every thread; a file's
 * path ends only the first thread to find no such file (it makes the file).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

const when = process.env.BRIEFPRESS_TEST_STOP;
const stops = when === 'always' || (when !== undefined && !existsSync(when));
if (stops) {
  if (when !== 'always') writeFileSync(when!, '');
  parentPort?.once('message', () => process.exit(0));
} else {
  // Only now: a listener of this module's would take requests brief-worker's has not seen.
  await import('../../scripts/workers/brief-worker.js');
}
