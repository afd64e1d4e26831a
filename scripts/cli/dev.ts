/** The `npm run dev` command line: the live preview server. */
import { startDevServer } from '../dev/dev-server.js';
import { UserError } from '../core/user-error.js';
import { type CommandSpec, helpText, integerOption, parseCommand, runCommand } from './args.js';

export const devCommand: CommandSpec = {
  usage: 'npm run dev -- [options]',
  summary:
    'Build the site, serve it on http://127.0.0.1 and rebuild when a source, a template or\n' +
    'briefpress.config.yaml changes; open pages reload by themselves. Unchanged briefs are not\n' +
    "printed again. /__print/<slug> shows the pages of a brief's real PDF, with its page count\n" +
    'and any overflow of its page budget. Errors are printed here and shown over the page;\n' +
    'the server keeps running. Stop it with Ctrl-C.',
  options: {
    port: { type: 'string', value: 'N', description: 'port on 127.0.0.1 (default: 4173, or the next free one; 0: any free port)' },
    sources: {
      type: 'string',
      value: 'DIR',
      description: 'folder of sources (default: build.sources of briefpress.config.yaml, "sources")',
    },
    out: { type: 'string', value: 'DIR', description: 'output folder (default: build.out, "dist")' },
    concurrency: { type: 'string', value: 'N', description: 'pages printing at once (default: number of CPU cores)' },
  },
  examples: ['npm run dev', 'npm run dev -- --port 8080 --sources drafts --out preview'],
  exitCodes: {
    0: 'help shown (the server itself runs until stopped)',
    1: 'a bad option, the port is taken, or the configuration cannot be read',
    2: 'internal error (please report it)',
    130: 'stopped with Ctrl-C, after closing the browser and the server',
    143: 'stopped by SIGTERM, likewise',
  },
};

await runCommand(
  async (signal) => {
    const { values, help } = parseCommand(devCommand, process.argv.slice(2));
    if (help) {
      process.stdout.write(helpText(devCommand));
      return 0;
    }
    const port = values.port === '0' ? 0 : integerOption('port', values.port);
    if (port !== undefined && port > 65535) throw new UserError(`--port takes a port from 1 to 65535, not ${port}`);
    const server = await startDevServer({
      port,
      sources: values.sources as string | undefined,
      out: values.out as string | undefined,
      concurrency: integerOption('concurrency', values.concurrency),
    });
    process.stderr.write(`briefpress: serving ${server.url} (print view: ${server.url}__print); watching for changes, Ctrl-C to stop\n`);
    // Serves until Ctrl-C (or SIGTERM) aborts the signal; the exit code is the signal's.
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    await server.close();
    return 0;
  },
  { settlesOnAbort: true },
);
