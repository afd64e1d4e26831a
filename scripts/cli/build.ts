/** The `npm run build` command line. */
import path from 'node:path';
import { build } from '../build.js';
import { type CommandSpec, helpText, integerOption, parseCommand, runCommand } from './args.js';

export const buildCommand: CommandSpec = {
  usage: 'npm run build -- [options]',
  summary: 'Normalize every source, print each brief to PDF and write the HTML archive.\nUnchanged briefs are reused from the last build.',
  options: {
    sources: { type: 'string', value: 'DIR', description: 'folder of sources (default: build.sources of briefpress.config.yaml, "sources")' },
    out: { type: 'string', value: 'DIR', description: 'output folder (default: build.out, "dist")' },
    concurrency: { type: 'string', value: 'N', description: 'pages printing at once (default: number of CPU cores)' },
    strict: { type: 'boolean', description: 'treat warnings (page budget overflow, guessed sources) as errors' },
    force: { type: 'boolean', description: 'ignore the build cache and rebuild every brief' },
    quiet: { type: 'boolean', short: 'q', description: 'print problems only, no progress or summary' },
  },
  examples: ['npm run build', 'npm run build -- --sources drafts --out preview --strict'],
  exitCodes: { 0: 'every brief built', 1: 'a source, the configuration or the browser has a problem (see the messages)', 2: 'internal error (please report it)' },
};

await runCommand(async () => {
  const { values, help } = parseCommand(buildCommand, process.argv.slice(2));
  if (help) {
    process.stdout.write(helpText(buildCommand));
    return 0;
  }
  const result = await build({
    sources: values.sources as string | undefined,
    out: values.out as string | undefined,
    concurrency: integerOption('concurrency', values.concurrency),
    strict: values.strict === true,
    force: values.force === true,
    quiet: values.quiet === true,
  });
  for (const line of result.messages) process.stderr.write(`${line}\n`);
  if (!values.quiet) {
    const stages = Object.entries(result.timings).map(([stage, ms]) => `${stage} ${ms} ms`).join(', ');
    const out = path.relative(process.cwd(), path.resolve((values.out as string | undefined) ?? 'dist')) || '.';
    process.stderr.write(
      `briefpress: ${result.built} built, ${result.cached} cached, ${result.failed} failed, ${result.removed} removed; ` +
        `${result.pages} pages; ${result.errors} errors, ${result.warnings} warnings (${stages}) → ${out}/\n`,
    );
  }
  return result.ok ? 0 : 1;
});
