/** The `npm run new` command line: start a new Markdown brief with its front matter filled in. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { loadConfig } from '../core/config.js';
import { briefDataSchema } from '../core/front-matter.js';
import { slugFor } from '../normalize/text/slug.js';
import { UserError } from '../core/user-error.js';
import { helpText, parseCommand, runCommand } from './args.js';
import { newCommand } from './specs.js';

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The text of a new brief: front matter that validates, and the sections a one-pager usually has. */
export function newBriefText(title: string, kind: 'brief' | 'post', date: string): string {
  const data = { title, date, kind, authors: [], tags: [], summary: 'TODO: one or two sentences saying what this brief is about.' };
  const parsed = briefDataSchema.safeParse(data);
  if (!parsed.success)
    throw new UserError(parsed.error.issues.map((i) => `${i.path.join('.') || 'front matter'}: ${i.message}`).join('; '));
  const body =
    kind === 'post'
      ? ['TODO: the post, in paragraphs. Link what you cite: [the report](https://example.org/report).']
      : [
          'TODO: an opening paragraph stating the issue and why it matters now.',
          '',
          '## Key Points',
          '',
          '- TODO: the first point a reader must take away',
          '- TODO: the second point',
          '',
          '## Further Information',
          '',
          'TODO: who to contact, e.g. Jane Doe, Policy Counsel, <jane@example.org>.',
        ];
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body.join('\n')}\n`;
}

await runCommand(async () => {
  const { values, positionals, help } = parseCommand(newCommand, process.argv.slice(2));
  if (help) {
    process.stdout.write(helpText(newCommand));
    return 0;
  }
  const title = positionals.join(' ').trim();
  if (!title) throw new UserError('give the new brief a title, e.g. npm run new -- "Net Neutrality in Five Points"; see --help');
  const kind = (values.kind as string | undefined) ?? 'brief';
  if (kind !== 'brief' && kind !== 'post') throw new UserError(`--kind is brief or post, not "${kind}"`);
  const date = (values.date as string | undefined) ?? today();
  const text = newBriefText(title, kind, date);

  const root = process.cwd();
  const config = await loadConfig(root, { sources: values.sources as string | undefined });
  const slug = slugFor(title);
  const target = path.join(config.sourcesDir, `${slug}.md`);
  await mkdir(config.sourcesDir, { recursive: true });
  try {
    await writeFile(target, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new UserError(`${path.relative(root, target)} already exists; choose another title or edit that file`);
    throw error;
  }
  process.stdout.write(`${path.relative(root, target)}\n`);
  process.stderr.write(
    'briefpress: created it; fill in the TODOs, then `npm run dev` to see it printed, `npm run check` before printing\n',
  );
  return 0;
});
