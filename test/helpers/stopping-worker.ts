/**
 * A worker of the brief pool for tests (test/workers/brief-pool.test.ts): a thread that
 * ends (exit code 0) on its first request, as one that dies with work on it, or works as
 * brief-worker.ts. `BRIEFPRESS_TEST_STOP` says which: `always` ends every thread; a file's
 * path ends only the first thread to find no such file (it makes the file).
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const when = process.env.BRIEFPRESS_TEST_STOP;
const stops = when === 'always' || (when !== undefined && !existsSync(when));
if (stops) {
  if (when !== 'always') writeFileSync(when!, '');
  parentPort?.once('message', () => process.exit(0));
} else {
  // Only now: a listener of this module's would take requests brief-worker's has not seen.
  // brief-worker's own bundle, as the pool's threads load it (and made already by the other
  // tests of the file): imported by name, it would be bundled into this module's bundle, a
  // second bundle of every stage the worker imports (20-40 s on a loaded machine). This
  // module runs from its bundle, so the repository is found from its path, not its URL.
  const repo = path.resolve(path.dirname(workerData.module as string), '../..');
  const loader = pathToFileURL(path.join(repo, 'scripts/start/load-ts.mjs')).href;
  const { moduleUrl } = (await import(loader)) as { moduleUrl: (file: string) => Promise<string> };
  await import(await moduleUrl(path.join(repo, 'scripts/workers/brief-worker.ts')));
}
