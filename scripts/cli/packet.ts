/** The `npm run packet` command line: one packet, now, from the briefs of the last build. */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, PACKET_ORDERS, packetSchema } from '../core/config.js';
import { UserError } from '../core/user-error.js';
import { insideFolder } from '../core/write-file.js';
import { slugFor } from '../normalize/text/slug.js';
import { packetLine } from '../packet/packet-line.js';
import { makeOneOffPacket } from '../packet/one-off-packet.js';
import { type CommandSpec, helpText, parseCommand, runCommand } from './args.js';

export const packetCommand: CommandSpec = {
  usage: 'npm run packet -- --title TEXT [selection] [options]',
  summary:
    'Print one packet from the briefs of the last build (run npm run build first): a cover with\n' +
    'the title, event and date, a contents page, then each selected brief as printed, each\n' +
    'starting on a right-hand page for double-sided printing. A brief is in it when its slug is\n' +
    'given with --slug, or when it matches every other criterion given. To print a packet with\n' +
    'every build, declare it under `packets:` in briefpress.config.yaml instead.',
  options: {
    title: { type: 'string', value: 'TEXT', description: 'title on the cover (required)' },
    event: { type: 'string', value: 'TEXT', description: 'a line under the title: the meeting, its place' },
    date: { type: 'string', value: 'YYYY-MM-DD', description: "the meeting's date, on the cover" },
    tag: { type: 'string', multiple: true, value: 'TAG', description: 'briefs with this tag (repeat for any of several)' },
    slug: { type: 'string', multiple: true, value: 'SLUG', description: 'this brief, whatever the other criteria say (repeat)' },
    author: { type: 'string', multiple: true, value: 'NAME', description: 'briefs by this author (repeat for any of several)' },
    kind: { type: 'string', value: 'KIND', description: 'only briefs of this kind: brief or post' },
    from: { type: 'string', value: 'YYYY-MM-DD', description: 'only briefs dated on or after this day' },
    to: { type: 'string', value: 'YYYY-MM-DD', description: 'only briefs dated on or before this day' },
    order: {
      type: 'string',
      value: 'ORDER',
      description: `${PACKET_ORDERS.join(', ')}: newest first, A to Z, or the order of --slug (default: given with --slug, else date)`,
    },
    out: {
      type: 'string',
      value: 'FILE.pdf',
      description: 'where to write it, inside the output folder (default: <build.out>/packets/<title as a slug>.pdf)',
    },
    quiet: { type: 'boolean', short: 'q', description: 'print problems only' },
  },
  examples: [
    'npm run packet -- --title "WCIT Hill Day" --event "Meetings on the Hill" --date 2012-11-15 --tag WCIT --tag ITU',
    'npm run packet -- --title "Privacy Coalition" --slug do-not-track --slug data-retention --order given --out dist/privacy.pdf',
  ],
  exitCodes: {
    0: 'the packet was written (warnings, such as a slug no brief has, are printed)',
    1: 'no brief matches, no build yet, or a bad option',
    2: 'internal error (please report it)',
  },
};

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
