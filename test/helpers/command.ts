/**
 * A briefpress command as `npm run NAME` starts it: `node scripts/start/run.mjs scripts/cli/NAME.ts`,
 * the esbuild bundle of our code rather than each module through the tsx loader (which took
 * seconds of each start on a loaded machine).
 */
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '../..');

/** The program and the arguments that start `scripts/cli/<name>.ts` with `args`. */
export function command(name: string, args: readonly string[] = []): [string, string[]] {
  return [process.execPath, [path.join(repo, 'scripts/start/run.mjs'), path.join(repo, `scripts/cli/${name}.ts`), ...args]];
}
