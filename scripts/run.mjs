/**
 * How the npm scripts start a command: `node scripts/run.mjs scripts/cli/build.ts [args]`.
 * The command runs from an esbuild bundle of our TypeScript (see load-ts.mjs for why).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { moduleUrl } from './load-ts.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = process.argv[2];
if (!entry) {
  process.stderr.write('usage: node scripts/run.mjs scripts/cli/COMMAND.ts [arguments]\n');
  process.exit(2);
}
const entryPath = path.resolve(repo, entry);
// The command reads its arguments from process.argv.slice(2), as if started directly.
process.argv.splice(1, 2, entryPath);

await import(await moduleUrl(entryPath));
