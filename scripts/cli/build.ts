/** The `npm run build` command line. */
import path from 'node:path';
import { build } from '../build.js';
import { BROWSER_WS_ENV, browserEndpoints } from '../print/browser-endpoints.js';
import { parseShard } from '../scale/shard.js';
import { packetLine } from '../packet/packet-line.js';
import { UserError } from '../core/user-error.js';
import { type CommandSpec, helpText, integerOption, type ParsedCommand, parseCommand, runCommand } from './args.js';

/** Seconds a warm browser stays after an interactive build (print/warm-browser.ts). */
const KEEP_BROWSER_SECONDS = 300;
const KEEP_BROWSER_ENV = 'BRIEFPRESS_KEEP_BROWSER';

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

export const buildCommand: CommandSpec = {
  usage: 'npm run build -- [options]\n       npm run build -- --merge DIR... [--out DIR]',
  summary: 'Normalize every source, print each brief to PDF and write the HTML archive.\nUnchanged briefs are reused from the last build.',
  options: {
    sources: {
      type: 'string',
      value: 'DIR',
      description: 'folder of sources (default: build.sources of briefpress.config.yaml, "sources")',
    },
    out: { type: 'string', value: 'DIR', description: 'output folder (default: build.out, "dist")' },
    concurrency: { type: 'string', value: 'N', description: 'pages printing at once (default: number of CPU cores)' },
    strict: { type: 'boolean', description: 'treat warnings (page budget overflow, guessed sources) as errors' },
    force: { type: 'boolean', description: 'ignore the build cache and rebuild every brief' },
    quiet: { type: 'boolean', short: 'q', description: 'print problems only, no progress or summary' },
    'browser-ws': {
      type: 'string',
      multiple: true,
      value: 'URL',
      description: `print through a running browser (ws://… DevTools endpoint or http://host:port) instead of launching one; repeat or comma-separate for several (default: ${BROWSER_WS_ENV})`,
    },
    'keep-browser': {
      type: 'string',
      value: 'S',
      description: `keep the browser running S seconds after a build that printed a few briefs, for the next build to use (default: ${KEEP_BROWSER_SECONDS} in a terminal, else 0; ${KEEP_BROWSER_ENV})`,
    },
    shard: {
      type: 'string',
      value: 'K/N',
      description: 'build only the K-th of N parts of the briefs and write shard-K-of-N.json instead of the archive',
    },
    merge: {
      type: 'boolean',
      description: 'assemble the site from the output folders of --shard builds given after it (or folders holding them)',
    },
  },
  allowPositionals: true,
  examples: [
    'npm run build',
    'npm run build -- --sources drafts --out preview --strict',
    'npm run build -- --browser-ws ws://chrome-1:9222/devtools/browser/ID,ws://chrome-2:9222/devtools/browser/ID',
    'npm run build -- --shard 2/4 --out shard-2',
    'npm run build -- --merge shard-1 shard-2 shard-3 shard-4 --out dist',
  ],
  exitCodes: {
    0: 'every brief built',
    1: 'a source, the configuration or the browser has a problem (see the messages)',
    2: 'internal error (please report it)',
  },
};

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
