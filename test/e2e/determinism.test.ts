/**
 * Two clean builds of the same sources, in two projects in different folders, with a
 * different number of pages printing at once, one normalizing and rendering in worker
 * threads and the other in its own thread, give byte-identical output folders: every
 * PDF (IDs and dates come from the brief), page, feed and manifest; and the same build
 * state beside the output folder (stable order, no absolute paths), none of it inside it.
 */
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.js';
import { cacheDirOf } from '../../scripts/core/cache-dir.js';
import { STATE_FILE } from '../../scripts/cache/state.js';
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
  it('give byte-identical output folders, build state included', async () => {
    const [a, b] = [await project(), await project()];
    const [first, second] = [
      await build({ root: a, quiet: true, concurrency: 2, threads: 2 }),
      await build({ root: b, quiet: true, concurrency: 1, threads: 0 }),
    ];
    expect(first.built).toBe(11);
    expect(second.messages).toEqual(first.messages);

    const files = await listFiles(path.join(a, 'dist'));
    expect(await listFiles(path.join(b, 'dist'))).toEqual(files);
    expect(files.filter((f) => f.includes('.briefpress') || f.includes('state'))).toEqual([]);
    expect(files.filter((f) => f.startsWith(`briefs${path.sep}`) && f.endsWith('.pdf'))).toHaveLength(11);
    const different: string[] = [];
    for (const file of files) {
      const [x, y] = await Promise.all([readFile(path.join(a, 'dist', file)), readFile(path.join(b, 'dist', file))]);
      if (!x.equals(y)) different.push(file);
    }
    expect(different).toEqual([]);

    // The state names sources and outputs relative to the project, never where it is.
    const state = await readFile(path.join(cacheDirOf(path.join(a, 'dist')), STATE_FILE), 'utf8');
    expect(state).toBe(await readFile(path.join(cacheDirOf(path.join(b, 'dist')), STATE_FILE), 'utf8'));
    expect(state).toContain('good-broadband.md');
    expect(state).not.toContain(a);
    expect(state).not.toContain(repo);
  });
});
