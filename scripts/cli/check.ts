/** The `npm run check` command line: is every source ready to print? Writes nothing. */
import { checkSources } from '../check/check-sources.js';
import { helpText, parseCommand, runCommand } from './args.js';
import { checkCommand } from './specs.js';

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
