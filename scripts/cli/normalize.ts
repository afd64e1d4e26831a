/**
 * `npm run normalize -- FILE…`: print the normalized Markdown of one source, or write
 * `DIR/<slug>.md` for each with `--out DIR`. Problems go to stderr as
 * `path:line:column: severity: message (rule)`; exit code 1 on any fatal problem (the
 * other files are still written), 2 on an unexpected internal error.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { CONFIG_FILE, parseConfig } from '../core/config.js';
import { closest } from '../core/did-you-mean.js';
import { normalize, normalizeOptionsOf, readSource, type NormalizeOptions } from '../normalize/index.js';
import { runNormalizeWrite } from '../normalize/write-source.js';
import { UserError } from '../core/user-error.js';
import { ruleSummary } from '../core/rules.js';

const USAGE = `Usage: npm run --silent normalize -- [options] FILE...

Turn raw texts (PDF one-pager extractions, web "print" exports, Markdown) into
Markdown with YAML front matter.

Options:
  -o, --out DIR      write DIR/<slug>.md for each file (needed for several files)
      --explain      also list on stderr every line removed from the body, with its rule
      --write        write <slug>.md beside each raw text and move the raw text into .raw/
      --force        with --write: replace a Markdown file edited since (kept in .raw/)
      --config FILE  configuration with the organization's letterhead and normalize.title_case
                     (default: ${CONFIG_FILE} in the current folder, when present)
  -h, --help         show this help

Examples:
  npm run --silent normalize -- sources/000_c8c5cf1051ebe974.txt
  npm run --silent normalize -- --out /tmp/normalized sources/*.txt
  npm run normalize -- --write sources/000_c8c5cf1051ebe974.txt`;

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  explain: { type: 'boolean' },
  write: { type: 'boolean' },
  force: { type: 'boolean' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    if (unknown) {
      const guess = closest(unknown.replace(/^-+/, ''), Object.keys(OPTIONS));
      throw new UserError(`unknown option ${unknown}${guess ? ` (did you mean --${guess}?)` : ''}; see --help`);
    }
    throw new UserError(`${message.split('\n')[0]}; see --help`);
  }
}

/** The normalizer's options from the configuration (its organization, `normalize.title_case`), when there is one. */
async function loadOptions(configPath: string | undefined): Promise<NormalizeOptions> {
  const file = configPath ?? CONFIG_FILE;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    if (configPath) throw new UserError(`${configPath}: cannot read the configuration file`);
    return {};
  }
  return normalizeOptionsOf(parseConfig(text, file));
}

function formatMessage(file: VFile, message: VFileMessage): string {
  const severity = message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info';
  const rule = message.ruleId ? ` (${message.ruleId})` : '';
  return `${file.path}:${message.line ?? 1}:${message.column ?? 1}: ${severity}: ${message.reason}${rule}`;
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UserError('no input file; usage: npm run --silent normalize -- FILE (see --help)');
  if (values.write)
    return runNormalizeWrite(positionals, {
      root: process.cwd(),
      force: values.force === true,
      normalize: await loadOptions(values.config),
    });
  if (positionals.length > 1 && !values.out)
    throw new UserError(`${positionals.length} files given: use --out DIR to write one Markdown file per source`);
  const options = await loadOptions(values.config);
  const cwd = process.cwd();
  if (values.out) await mkdir(values.out, { recursive: true });

  let status = 0;
  for (const input of positionals) {
    const absPath = path.resolve(cwd, input);
    let file: VFile;
    try {
      file = await readSource(absPath, cwd);
    } catch (error) {
      process.stderr.write(
        `${input}:1:1: error: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`,
      );
      status = Math.max(status, 1);
      continue;
    }
    try {
      const brief = normalize(file, options);
      if (values.out) {
        const target = path.join(values.out, `${brief.slug}.md`);
        await writeFile(target, brief.markdown);
      } else process.stdout.write(brief.markdown);
    } catch (error) {
      if (!(error instanceof VFileMessage)) {
        process.stderr.write(`${file.path}: internal error: ${(error as Error).message}\n`);
        status = 2;
        continue;
      }
      status = Math.max(status, 1);
    } finally {
      for (const message of file.messages) {
        if (message.fatal !== undefined || values.explain) process.stderr.write(`${formatMessage(file, message)}\n`);
      }
      if (values.explain) {
        for (const removed of file.data.removed ?? [])
          process.stderr.write(`${file.path}:${removed.line}: removed (${removed.ruleId}): ${removed.text}\n`);
        // Why: what each rule that spoke does, from the catalogue.
        const fired = new Set([...file.messages.map((m) => m.ruleId), ...(file.data.removed ?? []).map((r) => r.ruleId)]);
        for (const id of fired) {
          const summary = ruleSummary(id);
          if (summary) process.stderr.write(`${file.path}: rule ${id}: ${summary}\n`);
        }
      }
    }
  }
  return status;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof UserError) {
      process.stderr.write(`normalize: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`normalize: internal error: ${(error as Error)?.message ?? String(error)}\n`);
      process.exitCode = 2;
    }
  },
);
