/** The `npm run check` command line: is every source ready to print? Writes nothing. */
import { checkSources } from '../check/check-sources.js';
import { type CommandSpec, helpText, parseCommand, runCommand } from './args.js';

export const checkCommand: CommandSpec = {
  usage: 'npm run check -- [options]',
  summary:
    'Check everything a print run needs, without printing or writing anything: every source\n' +
    'normalizes and validates; title, date and authors (or the organization) are set; no link is\n' +
    'empty or an unresolved [text](#) [n] reference; no two briefs share a slug; internal links,\n' +
    'anchors and images resolve; images have alt text; and every brief fits its page budget,\n' +
    'measured by printing it in the browser.',
  options: {
    sources: {
      type: 'string',
      value: 'DIR',
      description: 'folder of sources (default: build.sources of briefpress.config.yaml, "sources")',
    },
    strict: { type: 'boolean', description: 'fail on warnings too (for CI)' },
    'no-layout': { type: 'boolean', description: 'skip laying pages out in the browser (no page-budget check)' },
    quiet: { type: 'boolean', short: 'q', description: 'print problems only, no summary' },
  },
  examples: ['npm run check', 'npm run check -- --sources drafts --strict'],
  exitCodes: {
    0: 'ready to print (there may be warnings)',
    1: 'errors found (or warnings, with --strict), or a bad option or configuration',
    2: 'internal error (please report it)',
  },
};

await runCommand(async () => {
  const { values, help } = parseCommand(checkCommand, process.argv.slice(2));
  if (help) {
    process.stdout.write(helpText(checkCommand));
    return 0;
  }
  const result = await checkSources({
    sources: values.sources as string | undefined,
    strict: values.strict === true,
    noLayout: values['no-layout'] === true,
  });
  for (const line of result.messages) process.stdout.write(`${line}\n`);
  if (!values.quiet) {
    const { error, warning } = result.counts;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const verdict = result.ok ? 'ready to print' : 'not ready to print';
    const pages = values['no-layout'] ? '; page budgets not checked (--no-layout)' : '';
    process.stdout.write(
      `briefpress check: ${plural(result.sources, 'source')}, ${plural(error, 'error')}, ${plural(warning, 'warning')}: ${verdict}${pages}\n`,
    );
  }
  return result.ok ? 0 : 1;
});
