/**
 * The entry of briefpress's worker threads: loads the TypeScript module named in
 * `workerData.module` (bundled, or through tsx; see load-ts.mjs), which then does the work.
 */
import { workerData } from 'node:worker_threads';
import { moduleUrl } from './load-ts.mjs';

await import(await moduleUrl(workerData.module));
