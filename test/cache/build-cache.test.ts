/**
 * The build cache lives beside the output folder, never in it (the output folder is what
 * users publish): a store of one record per brief, and each body in a file of its own. A
 * rebuild reads no body it does not need; a deleted body or output is made again by
 * rebuilding that brief (not a crash); bodies of deleted sources are removed; an old cache
 * found inside the output folder is moved out and used.
 */
import { mkdir, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../scripts/build.js';
import { BODIES_DIR } from '../../scripts/cache/bodies.js';
import { cacheDirOf } from '../../scripts/core/cache-dir.js';
import { readStore } from '../helpers/build-store.js';
import { addSmallBriefs, listFiles, newProject, removeProjects } from '../helpers/reliability-project.js';

let project: string;
let out: string;
let cache: string;
let cold: BuildResult;

const bodyFiles = async () => (await readdir(path.join(cache, BODIES_DIR))).sort();

/** Every file of the output folder but the PDFs (printed again, they may carry other IDs), with its text. */
async function snapshot(): Promise<Map<string, string>> {
  const files = (await listFiles(out)).filter((f) => !f.endsWith('.pdf'));
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(path.join(out, f), 'utf8')] as const)));
}

beforeAll(async () => {
  project = await newProject('briefpress-cache-');
  out = path.join(project, 'dist');
  cache = path.join(project, '.briefpress', 'dist');
  await addSmallBriefs(project, 3);
  cold = await build({ root: project, quiet: true });
});
afterAll(removeProjects);

describe('the build cache', () => {
  it('is beside the output folder, not in it: a record per brief, each body in a file of its own named by its hash', async () => {
    expect(cold).toMatchObject({ ok: true, built: 3 });
    expect(cacheDirOf(out)).toBe(cache);
    expect((await listFiles(out)).filter((f) => f.includes('.briefpress') || f.includes('state'))).toEqual([]);
    const { briefs, incomplete } = await readStore(out);
    expect(incomplete).toBe(false);
    const records = [...briefs.values()];
    expect(records).toHaveLength(3);
    expect(JSON.stringify(records)).not.toContain('<p>');
    expect(await bodyFiles()).toEqual([...new Set(records.map((b) => `${b.bodyHash}.html`))].sort());
    for (const brief of records) {
      const body = await readFile(path.join(cache, BODIES_DIR, `${brief.bodyHash}.html`), 'utf8');
      expect(body).toContain('<li>');
      expect(await readFile(path.join(out, brief.entry.html), 'utf8')).toContain(body);
      expect(brief.stat).toMatchObject({ size: expect.any(Number) as number, mtimeMs: expect.any(Number) as number });
    }
  });

  it('rebuilds nothing and starts no browser when nothing changed, and still removes a stray brief file', async () => {
    await writeFile(path.join(out, 'briefs', 'left-by-another-build.pdf'), '%PDF-1.7\n');
    const again = await build({ root: project, quiet: true });
    expect(again).toMatchObject({ ok: true, built: 0, cached: 3, launchedBrowser: false, removed: 1 });
    expect(await readdir(path.join(out, 'briefs'))).not.toContain('left-by-another-build.pdf');
    // Its manifest, read from the store on first use, is the last build's.
    expect(again.manifest).toEqual(cold.manifest);
  });

  it('builds a brief whose cached body was deleted again, and the site comes out the same', async () => {
    const before = await snapshot();
    const [source, lost] = [...(await readStore(out)).briefs][1]!;
    await unlink(path.join(cache, BODIES_DIR, `${lost.bodyHash}.html`));
    const again = await build({ root: project, quiet: true });
    expect(again).toMatchObject({ ok: true, built: 1, cached: 2, failed: 0 });
    expect(again.manifest.map((e) => e.source)).toContain(source);
    const after = await snapshot();
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [file, text] of before) expect(after.get(file), file).toBe(text);
  });

  it('builds everything again when the output folder was deleted, though the cache is still there', async () => {
    const before = await snapshot();
    await rm(out, { recursive: true });
    const again = await build({ root: project, quiet: true });
    expect(again).toMatchObject({ ok: true, built: 3, cached: 0, failed: 0 });
    const after = await snapshot();
    expect([...after.keys()]).toEqual([...before.keys()]);
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

  it('moves a cache left inside the output folder by an older version out of it, and uses it', async () => {
    // An older version's cache: the same folder, inside the output folder.
    await rename(cache, path.join(out, '.briefpress'));
    const again = await build({ root: project, quiet: true });
    expect(again).toMatchObject({ ok: true, built: 0, cached: 3 });
    expect((await listFiles(out)).filter((f) => f.includes('.briefpress'))).toEqual([]);
    expect((await readStore(out)).briefs.size).toBe(3);
    // When there is a cache beside the output folder already, the one inside is only removed.
    await mkdir(path.join(out, '.briefpress', 'bodies'), { recursive: true });
    await writeFile(path.join(out, '.briefpress', 'state.json'), '{"version":2,"briefs":{}}');
    expect(await build({ root: project, quiet: true })).toMatchObject({ ok: true, built: 0, cached: 3 });
    expect((await listFiles(out)).filter((f) => f.includes('.briefpress'))).toEqual([]);
  });

  it('removes the body of a deleted source with its outputs', async () => {
    const [source, gone] = [...(await readStore(out)).briefs][0]!;
    await unlink(path.join(project, source));
    const again = await build({ root: project, quiet: true });
    expect(again).toMatchObject({ ok: true, built: 0, cached: 2 });
    expect(await bodyFiles()).not.toContain(`${gone.bodyHash}.html`);
    expect(await bodyFiles()).toHaveLength(2);
    expect((await readStore(out)).briefs.has(source)).toBe(false);
    expect((await listFiles(out)).filter((f) => f.includes('.tmp-'))).toEqual([]);
    // Its page, PDF, Markdown and picture of page 1 went with it.
    expect(gone.entry.cover).toBe(`briefs/${gone.entry.slug}.jpg`);
    const left = await listFiles(out);
    for (const file of [gone.entry.html, gone.entry.pdf, gone.entry.markdown, gone.entry.cover]) expect(left).not.toContain(file);
  });

  it('prints a brief again when its picture of page 1 is missing from the output folder', async () => {
    const [, kept] = [...(await readStore(out)).briefs][0]!;
    await unlink(path.join(out, kept.entry.cover!));
    expect(await build({ root: project, quiet: true })).toMatchObject({ ok: true, built: 1, cached: 1 });
    expect(await listFiles(out)).toContain(kept.entry.cover);
  });

  it('takes no pictures with `site.page_pictures: false`, removes the old ones, and does not print again for want of one', async () => {
    const configFile = path.join(project, 'briefpress.config.yaml');
    const config = await readFile(configFile, 'utf8');
    await writeFile(configFile, config.replace(/^site:\n/m, 'site:\n  page_pictures: false\n'));
    try {
      const off = await build({ root: project, quiet: true });
      expect(off).toMatchObject({ ok: true, built: 2 }); // another configuration: printed again
      expect(off.manifest.every((entry) => entry.cover === undefined)).toBe(true);
      const files = await listFiles(out);
      expect(files.filter((f) => f.endsWith('.jpg'))).toEqual([]);
      expect(await readFile(path.join(out, 'index.html'), 'utf8')).not.toContain('.jpg');
      expect(await build({ root: project, quiet: true })).toMatchObject({ ok: true, built: 0, cached: 2, launchedBrowser: false });
    } finally {
      await writeFile(configFile, config);
    }
  });

  it('keeps a numbered slug while nothing changes, and gives the slug back when the brief that had it goes', async () => {
    const twin = (n: number) => `---\ntitle: Twin Brief ${n}\nslug: twin\ndate: 2014-02-0${n}\n---\n\nTwin number ${n} says one thing.\n`;
    await writeFile(path.join(project, 'sources', 'twin-1.md'), twin(1));
    await writeFile(path.join(project, 'sources', 'twin-2.md'), twin(2));
    const both = await build({ root: project, quiet: true });
    const slugOf = (result: BuildResult, title: string) => result.manifest.find((e) => e.title === title)?.slug;
    expect([slugOf(both, 'Twin Brief 1'), slugOf(both, 'Twin Brief 2')]).toEqual(['twin', 'twin-2']);
    // Nothing changed: the slugs are checked, not resolved again, and nothing is printed.
    const again = await build({ root: project, quiet: true });
    expect(again).toMatchObject({ ok: true, built: 0, launchedBrowser: false });
    expect(again.messages.filter((m) => m.includes('duplicate-slug'))).toEqual(both.messages.filter((m) => m.includes('duplicate-slug')));
    // The first goes: the second is printed again under the slug it asked for.
    await unlink(path.join(project, 'sources', 'twin-1.md'));
    const one = await build({ root: project, quiet: true });
    expect(one).toMatchObject({ ok: true, built: 1 });
    expect(slugOf(one, 'Twin Brief 2')).toBe('twin');
    const files = await listFiles(out);
    expect(files).toContain('briefs/twin.pdf');
    expect(files.filter((f) => f.startsWith('briefs/twin-2.'))).toEqual([]);
  });
});
