/** The `npm run packet` command line: one packet, now, from the briefs of the last build. */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, packetSchema } from '../core/config.js';
import { UserError } from '../core/user-error.js';
import { insideFolder } from '../core/write-file.js';
import { slugFor } from '../normalize/text/slug.js';
import { packetLine } from '../packet/packet-line.js';
import { makeOneOffPacket } from '../packet/one-off-packet.js';
import { helpText, parseCommand, runCommand } from './args.js';
import { packetCommand } from './specs.js';

/** Option names of the packet's keys, for messages. */
const OPTION_OF: Record<string, string> = { tags: 'tag', slugs: 'slug', authors: 'author' };

await runCommand(async () => {
  const { values, help } = parseCommand(packetCommand, process.argv.slice(2));
  if (help) {
    process.stdout.write(helpText(packetCommand));
    return 0;
  }
  const title = typeof values.title === 'string' ? values.title.trim() : '';
  if (!title) throw new UserError('give the packet a title with --title, e.g. --title "WCIT Hill Day"; see --help');
  const parsed = packetSchema.safeParse({
    name: slugFor(title),
    title,
    event: values.event,
    date: values.date,
    tags: values.tag,
    slugs: values.slug,
    authors: values.author,
    kind: values.kind,
    from: values.from,
    to: values.to,
    order: values.order ?? ((values.slug as string[] | undefined)?.length ? 'given' : undefined),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path[0] === undefined ? undefined : String(issue.path[0]);
    const option = key ? `--${OPTION_OF[key] ?? key}: ` : '';
    const message = key
      ? issue.message
      : `${issue.message.replace('tags, slugs, authors, kind, from or to', '--tag, --slug, --author, --kind, --from or --to')}`;
    throw new UserError(`${option}${message}; see --help`);
  }
  const spec = parsed.data;

  const root = process.cwd();
  const config = await loadConfig(root);
  const file = await outputFile(config.outDir, values.out as string | undefined, spec.name);
  if (!values.out && config.packets.some((p) => p.name === spec.name)) {
    throw new UserError(
      `the configuration declares a packet named \`${spec.name}\`, which npm run build makes; give this one another title or --out`,
    );
  }
  const result = await makeOneOffPacket({ config, spec, file });
  for (const line of result.warnings) process.stderr.write(`briefpress: warning: ${line}\n`);
  if (!values.quiet) process.stderr.write(`briefpress: ${packetLine(result.entry, file)}\n`);
  process.stdout.write(`${path.relative(root, file) || file}\n`);
  return 0;
});

/** The packet's file: `--out` (a .pdf inside the output folder, after symlinks), or packets/<name>.pdf there. */
async function outputFile(outDir: string, out: string | undefined, name: string): Promise<string> {
  const realOut = await realpath(outDir).catch(() => {
    throw new UserError(`no build in ${path.relative(process.cwd(), outDir) || outDir}/ yet: run npm run build first`);
  });
  if (out === undefined) return path.join(realOut, 'packets', `${name}.pdf`);
  if (!out.toLowerCase().endsWith('.pdf')) throw new UserError(`--out: ${out} is not a .pdf file name`);
  const target = path.resolve(out);
  // The folder it goes in, as it really is: a symlink must not lead out of the output folder.
  let folder = path.dirname(target);
  const missing: string[] = [];
  for (;;) {
    const real = await realpath(folder).catch(() => undefined);
    if (real) {
      folder = path.join(real, ...missing);
      break;
    }
    missing.unshift(path.basename(folder));
    folder = path.dirname(folder);
  }
  const file = path.join(folder, path.basename(target));
  if (!insideFolder(realOut, file)) {
    throw new UserError(
      `--out: ${out} is outside the output folder ${path.relative(process.cwd(), outDir) || outDir}/; briefpress writes nowhere else`,
    );
  }
  return file;
}
