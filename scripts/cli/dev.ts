/** The `npm run dev` command line: the live preview server. */
import { startDevServer } from '../dev/dev-server.js';
import { UserError } from '../core/user-error.js';
import { helpText, integerOption, parseCommand, runCommand } from './args.js';
import { devCommand } from './specs.js';

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
