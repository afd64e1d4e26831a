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
// warms up, taking CPU from Chromium. Waiting for 8 times the usual budget, only the really
// hot code is optimized (npm run bench; docs/performance.md). The flag exists only in
// Node 20's V8 (11.x): Node 22 and 24 refuse it on the command line ("bad option") and
// print an error when it is set here, so it cannot go into the npm scripts, and it is set
// only where V8 knows it (setting a flag this early, before any of our code has run).
if (Number(process.versions.v8.split('.')[0]) < 12) v8.setFlagsFromString('--interrupt-budget=540672');

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const entry = process.argv[2];
if (!entry) {
  process.stderr.write('usage: node scripts/start/run.mjs scripts/cli/COMMAND.ts [arguments]\n');
  process.exit(2);
}
const entryPath = path.resolve(repo, entry);
// The command reads its arguments from process.argv.slice(2), as if started directly.
process.argv.splice(1, 2, entryPath);
const args = process.argv.slice(2);

// --help is answered from the command lines alone (scripts/cli/specs.ts), before the command
// is bundled and loaded: on a first run, bundling `bench` with every stage it imports took
// 8-10 s of a 10-12 s `--help` on a loaded machine. Arguments that only seem to ask for help
// (a bad option beside it, "-h" as an option's value) are left to the command.
const asksHelp = args.slice(0, args.includes('--') ? args.indexOf('--') : undefined).some((a) => a === '--help' || /^-[a-z]*h/i.test(a));
const help =
  asksHelp && path.dirname(entryPath) === path.join(repo, 'scripts/cli')
    ? (await import(await moduleUrl(path.join(repo, 'scripts/cli/specs.ts')))).helpFor(path.basename(entryPath, '.ts'), args)
    : undefined;
if (help !== undefined) process.stdout.write(help);
else await import(await moduleUrl(entryPath));
