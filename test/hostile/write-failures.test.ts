/**
 * Issue 19, item 8: a source the user may not read, and an output folder that cannot be
 * written, are one line each with exit code 1, no stack trace and no temporary file left;
 * an unreadable source fails alone and the other briefs are built.
 */
import { chmod, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addSmallBriefs, newProject, removeProjects } from '../helpers/reliability-project.js';
import { runBuild } from '../helpers/run-build.js';

afterAll(removeProjects);

const leftovers = async (dir: string) => (await readdir(dir, { recursive: true })).filter((f) => String(f).includes('.tmp-'));

/** Root reads any file: the build then runs as `nobody`, for whom the source really is unreadable. */
const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

describe('8. write failures and unreadable sources', () => {
  it('reports an unreadable source on one line and builds the others', async () => {
    const project = await newProject('briefpress-unreadable-');
    await addSmallBriefs(project, 2);
    const secret = path.join(project, 'sources/secret.md');
    await writeFile(secret, '---\ntitle: Secret\n---\n\nBody.\n');
    if (asUser.uid !== undefined) {
      for (const entry of ['', ...(await readdir(project, { recursive: true }))]) await chmod(path.join(project, String(entry)), 0o777);
    }
    await chmod(secret, 0);
    const run = await runBuild(project, [], asUser);
    expect(run.lines.filter((l) => !l.startsWith('briefpress.config.yaml:'))).toEqual([
      'sources/secret.md:1:1: error: cannot read this source: permission denied (let the user who builds read and write it) (read-error)',
    ]);
    expect(run.code).toBe(1);
    const built = await readdir(path.join(project, 'dist/briefs'));
    expect(built).toEqual(expect.arrayContaining(['small-brief-number-01.pdf', 'small-brief-number-02.pdf']));
    expect(await leftovers(project)).toEqual([]);
  });

  it('reports an output folder it cannot write into on one line, with no temporary file left', async () => {
    const project = await newProject('briefpress-unwritable-');
    await addSmallBriefs(project, 1);
    await mkdir(path.join(project, 'dist'));
    await writeFile(path.join(project, 'dist/briefs'), 'a file where the briefs folder goes');
    const run = await runBuild(project);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/internal error|^\s+at /m);
    expect(run.lines.filter((l) => !l.startsWith('briefpress.config.yaml:'))).toEqual([
      expect.stringMatching(
        /^sources\/brief-01\.md: error: .*cannot write dist\/briefs\/small-brief-number-01\.\w+: a file stands where a folder should be/,
      ),
    ]);
    expect(await leftovers(project)).toEqual([]);
  });
});
