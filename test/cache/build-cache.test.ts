/**
 * The build cache keeps each brief's metadata in `state.json` and its body beside it, one
 * file per body: a rebuild reads no body it does not need, a deleted body is made again
 * by rebuilding that brief (not a crash), and bodies of deleted sources are removed.
 */
import { readFile, readdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../scripts/build.js';
import { BODIES_DIR, type BuildState, STATE_FILE } from '../../scripts/cache/state.js';
import { addSmallBriefs, listFiles, newProject, removeProjects } from '../helpers/reliability-project.js';

let project: string;
let out: string;
let cold: BuildResult;

const state = async () => JSON.parse(await readFile(path.join(out, STATE_FILE), 'utf8')) as BuildState;
const bodyFiles = async () => (await readdir(path.join(out, BODIES_DIR))).sort();

/** Every file of the output folder but the PDFs (printed again, they may carry other IDs), with its text. */
async function snapshot(): Promise<Map<string, string>> {
  const files = (await listFiles(out)).filter((f) => !f.endsWith('.pdf'));
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(path.join(out, f), 'utf8')] as const)));
}

beforeAll(async () => {
  project = await newProject('briefpress-cache-');
  out = path.join(project, 'dist');
  await addSmallBriefs(project, 3);
  cold = await build({ root: project, quiet: true });
}, 120_000);
afterAll(removeProjects);

describe('the build cache', () => {
  it('keeps metadata in state.json and each body in a file of its own, named by its hash', async () => {
    expect(cold).toMatchObject({ ok: true, built: 3 });
    const { briefs } = await state();
    const records = Object.values(briefs);
    expect(records).toHaveLength(3);
    expect(JSON.stringify(records)).not.toContain('<p>');
    expect(await bodyFiles()).toEqual([...new Set(records.map((b) => `${b.bodyHash}.html`))].sort());
    for (const brief of records) {
      const body = await readFile(path.join(out, BODIES_DIR, `${brief.bodyHash}.html`), 'utf8');
      expect(body).toContain('<li>');
      expect(await readFile(path.join(out, brief.entry.html), 'utf8')).toContain(body);
    }
  });

  it('rebuilds nothing and starts no browser when nothing changed', async () => {
    const again = await build({ root: project, quiet: true });
    expect(again).toMatchObject({ ok: true, built: 0, cached: 3, launchedBrowser: false });
  });

  it('builds a brief whose cached body was deleted again, and the site comes out the same', async () => {
    const before = await snapshot();
    const { briefs } = await state();
    const [source, lost] = Object.entries(briefs)[1]!;
    await unlink(path.join(out, BODIES_DIR, `${lost.bodyHash}.html`));
    const again = await build({ root: project, quiet: true });
    expect(again).toMatchObject({ ok: true, built: 1, cached: 2, failed: 0 });
    expect(again.manifest.map((e) => e.source)).toContain(source);
    const after = await snapshot();
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [file, text] of before) expect(after.get(file), file).toBe(text);
  });

  it('with --force, makes every archive page again, also one changed by hand', async () => {
    const home = path.join(out, 'index.html');
    const before = await readFile(home, 'utf8');
    await writeFile(home, 'changed by hand');
    expect((await build({ root: project, quiet: true })).ok).toBe(true);
    expect(await readFile(home, 'utf8')).toBe('changed by hand'); // its key is the same: left alone
    expect((await build({ root: project, quiet: true, force: true })).ok).toBe(true);
    expect(await readFile(home, 'utf8')).toBe(before);
  });

  it('removes the body of a deleted source with its outputs', async () => {
    const { briefs } = await state();
    const [source, gone] = Object.entries(briefs)[0]!;
    await unlink(path.join(project, source));
    const again = await build({ root: project, quiet: true });
    expect(again).toMatchObject({ ok: true, built: 0, cached: 2 });
    expect(await bodyFiles()).not.toContain(`${gone.bodyHash}.html`);
    expect(await bodyFiles()).toHaveLength(2);
    expect((await listFiles(out)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});
