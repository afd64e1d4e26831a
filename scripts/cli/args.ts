/**
 * Command-line options for every briefpress command: `--help` with the options and an
 * example, and a clear error with a suggestion for an unknown or malformed option.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest } from '../core/did-you-mean.js';
import { abortOnSignals, runCleanups } from '../core/on-interrupt.js';
import { finishWrites } from '../core/write-file.js';
import { UserError } from '../core/user-error.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** Shown in --help, e.g. "DIR". */
  value?: string;
  description: string;
}

export interface CommandSpec {
  /** e.g. "npm run build --" */
  usage: string;
  summary: string;
  options: Record<string, OptionSpec>;
  examples: string[];
  /** Exit codes and their meaning. */
  exitCodes?: Record<number, string>;
  allowPositionals?: boolean;
}

export function helpText(spec: CommandSpec): string {
  const rows = Object.entries({ ...spec.options, help: { type: 'boolean', short: 'h', description: 'show this help' } as OptionSpec }).map(
    ([name, o]) => [`${o.short ? `-${o.short}, ` : '    '}--${name}${o.value ? ` ${o.value}` : ''}`, o.description],
  );
  const width = Math.max(...rows.map(([left]) => left!.length)) + 2;
  const lines = [
    `Usage: ${spec.usage}`,
    '',
    spec.summary,
    '',
    'Options:',
    ...rows.map(([left, right]) => `  ${left!.padEnd(width)}${right}`),
  ];
  lines.push('', 'Examples:', ...spec.examples.map((e) => `  ${e}`));
  if (spec.exitCodes) lines.push('', 'Exit codes:', ...Object.entries(spec.exitCodes).map(([code, meaning]) => `  ${code}  ${meaning}`));
  return `${lines.join('\n')}\n`;
}

export interface ParsedCommand {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  help: boolean;
}

export function parseCommand(spec: CommandSpec, argv: string[]): ParsedCommand {
  const options: ParseArgsConfig['options'] = { help: { type: 'boolean', short: 'h' } };
  for (const [name, o] of Object.entries(spec.options))
    options[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: spec.allowPositionals ?? false, strict: true });
    return { values, positionals, help: values.help === true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '(-{1,2})([^']+)'/.exec(message);
    if (unknown) {
      const guess = closest(unknown[2]!, Object.keys(spec.options));
      throw new UserError(`unknown option ${unknown[1]}${unknown[2]}${guess ? ` (did you mean --${guess}?)` : ''}; see --help`);
    }
    throw new UserError(`${message.split('. ')[0]}; see --help`);
  }
}

/** A whole number option, or a clear error. */
export function integerOption(name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UserError(`--${name} takes a whole number of 1 or more, not "${String(value)}"`);
  return n;
}

export interface RunOptions {
  /**
   * `main` stops soon after its signal is aborted (and cleans up after itself): on Ctrl-C the
   * process exits once it has. Otherwise the registered cleanups run and it exits at once.
   */
  settlesOnAbort?: boolean;
}

/**
 * Run a command's main function: user errors print one line and exit 1, anything else exits 2;
 * Ctrl-C and SIGTERM abort `main`'s signal and exit with 130 / 143 once it is cleaned up.
 */
export async function runCommand(main: (signal: AbortSignal) => Promise<number>, options: RunOptions = {}): Promise<never> {
  const controller = new AbortController();
  const interrupted = abortOnSignals(controller);
  const running = main(controller.signal).catch((error: unknown) => {
    if (controller.signal.aborted && error instanceof Error && error.name === 'AbortError') return 130; // the code comes from the signal
    if (error instanceof UserError) {
      process.stderr.write(`briefpress: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`briefpress: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  });
  let code = await Promise.race([running, interrupted]);
  if (controller.signal.aborted) {
    code = await interrupted;
    if (options.settlesOnAbort) await running;
    await runCleanups();
    await finishWrites(); // no half-written file stays behind
  }
  // On a pipe (CI logs) writes are asynchronous: exiting at once would cut off the last lines, the summary among them.
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((resolve) => stream.write('', () => resolve()))));
  process.exit(code);
}
