/**
 * How the npm scripts start a command: `node scripts/start/run.mjs scripts/cli/build.ts [args]`.
 * The command runs from an esbuild bundle of our TypeScript (see load-ts.mjs for why).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { moduleUrl } from './load-ts.mjs';

// A build is a batch job of seconds to minutes on cores that Chromium keeps busy. V8 by
// default hands a function to its optimizing compiler (on helper threads) soon after it
// warms up: about 4 CPU-seconds per 1,000 briefs, a fifth of this process's CPU, taken
// from Chromium. Waiting for 8 times the usual budget, only the really hot code is
// optimized: about 10 % less CPU for the whole process (npm run bench; docs/performance.md).
v8.setFlagsFromString('--interrupt-budget=540672');

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const entry = process.argv[2];
if (!entry) {
  process.stderr.write('usage: node scripts/start/run.mjs scripts/cli/COMMAND.ts [arguments]\n');
  process.exit(2);
}
const entryPath = path.resolve(repo, entry);
// The command reads its arguments from process.argv.slice(2), as if started directly.
process.argv.splice(1, 2, entryPath);

await import(await moduleUrl(entryPath));
