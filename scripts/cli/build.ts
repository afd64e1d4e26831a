/** The `npm run build` command line. */
import path from 'node:path';
import { build } from '../build.js';
import { browserEndpoints } from '../print/browser-endpoints.js';
import { parseShard } from '../scale/shard.js';
import { packetLine } from '../packet/packet-line.js';
import { UserError } from '../core/user-error.js';
import { helpText, integerOption, type ParsedCommand, parseCommand, runCommand } from './args.js';
import { buildCommand, KEEP_BROWSER_ENV, KEEP_BROWSER_SECONDS } from './specs.js';

/**
 * How long to keep the browser warm: the option, else the variable, else five minutes when a
 * person builds in a terminal. Not in CI nor in scripts, where no next build comes soon and
 * a process left behind would surprise.
 */
function keepBrowserSeconds(option: string | undefined): number {
  const given = option ?? process.env[KEEP_BROWSER_ENV];
  if (given === undefined || given === '') return process.stderr.isTTY && !process.env.CI ? KEEP_BROWSER_SECONDS : 0;
  const seconds = integerOption('keep-browser', given) ?? 0;
  return Math.max(0, seconds);
}

await runCommand(
  async (signal) => {
    const { values, positionals, help } = parseCommand(buildCommand, process.argv.slice(2));
    if (help) {
      process.stdout.write(helpText(buildCommand));
      return 0;
    }
    if (values.merge) return merge(values, positionals);
    if (positionals.length) throw new UserError(`unexpected argument "${positionals[0]}"; folders to merge go after --merge; see --help`);
    const result = await build({
      sources: values.sources as string | undefined,
      out: values.out as string | undefined,
      concurrency: integerOption('concurrency', values.concurrency),
      strict: values.strict === true,
      force: values.force === true,
      quiet: values.quiet === true,
      browserWs: browserEndpoints(values['browser-ws'] as string[] | undefined),
      keepBrowser: keepBrowserSeconds(values['keep-browser'] as string | undefined),
      ...(typeof values.shard === 'string' ? { shard: parseShard(values.shard) } : {}),
      signal,
    });
    for (const line of result.messages) process.stderr.write(`${line}\n`);
    if (!values.quiet) {
      for (const { entry, cached } of result.packets) {
        const file = path.resolve((values.out as string | undefined) ?? 'dist', entry.pdf);
        process.stderr.write(`briefpress: ${packetLine(entry, file)}${cached ? ' (cached)' : ''}\n`);
      }
      const stages = Object.entries(result.timings)
        .map(([stage, ms]) => `${stage} ${ms} ms`)
        .join(', ');
      const out = path.relative(process.cwd(), path.resolve((values.out as string | undefined) ?? 'dist')) || '.';
      process.stderr.write(
        `briefpress: ${result.built} built, ${result.cached} cached, ${result.failed} failed, ${result.removed} removed; ` +
          `${result.pages} pages; ${result.errors} errors, ${result.warnings} warnings (${stages}) → ${out}/\n`,
      );
    }
    return result.ok ? 0 : 1;
  },
  { settlesOnAbort: true },
);

async function merge(values: ParsedCommand['values'], dirs: string[]): Promise<number> {
  for (const name of ['shard', 'browser-ws', 'sources', 'concurrency', 'force']) {
    if (values[name] !== undefined) throw new UserError(`--${name} has no meaning with --merge; see --help`);
  }
  const { mergeShards } = await import('../scale/merge-shards.js');
  const result = await mergeShards({ dirs, out: values.out as string | undefined, strict: values.strict === true });
  for (const line of result.messages) process.stderr.write(`${line}\n`);
  if (!values.quiet) {
    const out = path.relative(process.cwd(), path.resolve((values.out as string | undefined) ?? 'dist')) || '.';
    const stages = Object.entries(result.timings)
      .map(([stage, ms]) => `${stage} ${ms} ms`)
      .join(', ');
    process.stderr.write(
      `briefpress: merged ${result.shards} shards: ${result.briefs} briefs, ${result.failed} failed, ${result.removed} removed; ` +
        `${result.pages} pages; ${result.errors} errors, ${result.warnings} warnings (${stages}) → ${out}/\n`,
    );
  }
  return result.ok ? 0 : 1;
}
