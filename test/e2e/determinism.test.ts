/**
 * Two clean builds of the same sources, in two projects in different folders, with a
 * different number of pages printing at once, one normalizing and rendering in worker
 * threads and the other in its own thread, give byte-identical output folders: every
 * PDF (IDs and dates come from the brief), page, feed and manifest; and the same records
 * in the build store beside the output folder (no absolute paths), none of it inside it.
 */
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.js';
import { readStore } from '../helpers/build-store.js';
import { addSmallBriefs, fixtureSources, listFiles, newProject, removeProjects, repo } from '../helpers/reliability-project.js';

async function project(): Promise<string> {
  const dir = await newProject('briefpress-determinism-');
  await cp(path.join(repo, 'sources'), path.join(dir, 'sources'), { recursive: true });
  for (const name of ['good-broadband.md', 'good-plain.txt', 'hostile.md', 'dup-a.md', 'dup-b.md']) {
    await cp(path.join(fixtureSources, name), path.join(dir, 'sources', name));
  }
  await addSmallBriefs(dir, 4);
  return dir;
}

afterAll(removeProjects);

describe('two clean builds of the same sources', () => {
  it('give byte-identical output folders and the same build records', async () => {
    const [a, b] = [await project(), await project()];
    const [first, second] = [
      await build({ root: a, quiet: true, concurrency: 2, threads: 2 }),
      await build({ root: b, quiet: true, concurrency: 1, threads: 0 }),
    ];
    // Should a brief not build, the failure says why (its messages).
    expect(first.built, JSON.stringify(first.messages)).toBe(11);
    expect(second.messages).toEqual(first.messages);

    const files = await listFiles(path.join(a, 'dist'));
    expect(await listFiles(path.join(b, 'dist'))).toEqual(files);
    expect(files.filter((f) => f.includes('.briefpress'))).toEqual([]);
    expect(files.filter((f) => f.startsWith(`briefs${path.sep}`) && f.endsWith('.pdf'))).toHaveLength(11);
    const different: string[] = [];
    for (const file of files) {
      const [x, y] = await Promise.all([readFile(path.join(a, 'dist', file)), readFile(path.join(b, 'dist', file))]);
      if (!x.equals(y)) different.push(file);
    }
    expect(different).toEqual([]);

    // The records name sources and outputs relative to the project, never where it is; the
    // fingerprints of the source files (times, sizes) differ, the rest is the same.
    const records = async (dir: string) => {
      const { briefs, archiveFiles, incomplete } = await readStore(path.join(dir, 'dist'));
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const withoutLooks = [...briefs].map(([source, { stat, ...brief }]) => [source, brief]);
      return JSON.stringify({ briefs: withoutLooks, archiveFiles, incomplete });
    };
    const state = await records(a);
    expect(state).toBe(await records(b));
    expect(state).toContain('good-broadband.md');
    expect(state).not.toContain(a);
    expect(state).not.toContain(repo);
  });
});
