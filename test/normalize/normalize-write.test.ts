/**
 * `normalize --write`: a raw text becomes an editable Markdown source beside it, the raw
 * text moves into `.raw/` (which the build skips), and a Markdown file edited since it
 * was written is never overwritten without --force (and then kept in `.raw/`).
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listSources } from '../../scripts/core/list-sources.js';
import { normalizeWrite } from '../../scripts/normalize/write-source.js';
import { formatMessages } from '../../scripts/core/report.js';
import { command } from '../helpers/command.js';

const repo = path.resolve(import.meta.dirname, '../..');
const POST = '002_6d3c26cd4b054413.txt';
const SLUG = 'itu-ill-suited-to-regulate-cybersecurity';
let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'briefpress-write-'));
  await mkdir(path.join(root, 'sources'));
  await writeFile(path.join(root, 'sources', POST), await readFile(path.join(repo, 'sources', POST)));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const write = (file: string, force = false) => normalizeWrite([file], { root, force });
const errors = (result: Awaited<ReturnType<typeof write>>) => formatMessages(result.files).filter((m) => m.includes(': error: '));

describe('normalize --write', () => {
  it('writes <slug>.md beside the raw text and moves the raw text into .raw/', async () => {
    const result = await write(`sources/${POST}`);
    expect(errors(result)).toEqual([]);
    expect(result.written).toEqual([{ raw: `sources/${POST}`, markdown: `sources/${SLUG}.md`, movedTo: `sources/.raw/${POST}` }]);
    const markdown = await readFile(path.join(root, 'sources', `${SLUG}.md`), 'utf8');
    expect(markdown).toMatch(/^---\ntitle: ITU Ill-Suited to Regulate Cybersecurity\n/);
    expect(await readFile(path.join(root, 'sources/.raw', POST))).toEqual(await readFile(path.join(repo, 'sources', POST)));
    expect((await readdir(path.join(root, 'sources/.raw'))).sort()).toEqual([POST, `${POST}.written.json`]);
    // The build sees only the Markdown source now.
    expect((await listSources(path.join(root, 'sources'))).paths).toEqual([path.join(root, 'sources', `${SLUG}.md`)]);
  });

  it('re-normalizes a raw text from .raw/ over an unedited Markdown file', async () => {
    await write(`sources/${POST}`);
    const again = await write(`sources/.raw/${POST}`);
    expect(errors(again)).toEqual([]);
    expect(again.written[0]).toMatchObject({ markdown: `sources/${SLUG}.md` });
    expect(again.written[0]!.keptEdited).toBeUndefined();
  });

  it('never overwrites a Markdown file edited since without --force, and keeps the edited one with it', async () => {
    await write(`sources/${POST}`);
    const target = path.join(root, 'sources', `${SLUG}.md`);
    const edited = `${await readFile(target, 'utf8')}\nAn editor's added paragraph.\n`;
    await writeFile(target, edited);

    const refused = await write(`sources/.raw/${POST}`);
    expect(refused.written).toEqual([]);
    expect(errors(refused)).toEqual([
      `sources/.raw/${POST}: error: sources/${SLUG}.md was edited since it was written; not overwriting it (use --force to replace it; the edited file is then kept in sources/.raw/) (write-refused)`,
    ]);
    expect(await readFile(target, 'utf8')).toBe(edited);

    const forced = await write(`sources/.raw/${POST}`, true);
    expect(forced.written[0]).toMatchObject({ keptEdited: `sources/.raw/${SLUG}.edited.md` });
    expect(await readFile(path.join(root, 'sources/.raw', `${SLUG}.edited.md`), 'utf8')).toBe(edited);
    expect(await readFile(target, 'utf8')).not.toContain("An editor's added paragraph.");
  });

  it('never overwrites a Markdown file it did not write', async () => {
    await writeFile(path.join(root, 'sources', `${SLUG}.md`), '---\ntitle: Mine\n---\n\nHand-written.\n');
    const refused = await write(`sources/${POST}`);
    expect(errors(refused)[0]).toContain('was not written from this raw text; not overwriting it');
    expect(await readFile(path.join(root, 'sources', POST))).toBeTruthy();
  });

  it('leaves a Markdown source alone', async () => {
    await writeFile(path.join(root, 'sources', 'mine.md'), '---\ntitle: Mine\ndate: 2024-01-02\n---\n\nHand-written.\n');
    const result = await write('sources/mine.md');
    expect(result.written).toEqual([]);
    expect(formatMessages(result.files).join('\n')).toContain('already a Markdown source; nothing to write (already-markdown)');
  });
});

describe('the normalize command line with --write', () => {
  it('writes each file, reports what it did, and refuses an edited file with exit code 1', async () => {
    await cp(path.join(repo, 'briefpress.config.yaml'), path.join(root, 'briefpress.config.yaml'));
    const run = (...args: string[]) =>
      promisify(execFile)(...command('normalize', args), { cwd: root }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    const first = await run('--write', `sources/${POST}`);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`sources/${SLUG}.md`);
    await writeFile(path.join(root, 'sources', `${SLUG}.md`), 'edited\n');
    const second = await run('--write', `sources/.raw/${POST}`);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('(write-refused)');
    expect(await readFile(path.join(root, 'sources', `${SLUG}.md`), 'utf8')).toBe('edited\n');
    expect((await run('--write', '--force', `sources/.raw/${POST}`)).code).toBe(0);
  });
});
