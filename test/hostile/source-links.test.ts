/**
 * Issue 19, item 5: symbolic links in `sources/`. One that leads to a file inside the
 * sources is read like that file; one that leads outside them, to a folder or nowhere is
 * skipped, and the user is told which and why, at the link's path.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSources } from '../../scripts/check/check-sources.js';
import { listSources } from '../../scripts/core/list-sources.js';
import { newProject, removeProjects } from '../helpers/reliability-project.js';

const BRIEF = (title: string) => `---\ntitle: ${title}\ndate: 2024-05-01\n---\n\nA paragraph of ${title.toLowerCase()}.\n`;

let project: string;
let outside: string;
let sources: string;

beforeAll(async () => {
  project = await newProject('briefpress-links-');
  outside = await mkdtemp(path.join(os.tmpdir(), 'briefpress-links-outside-'));
  sources = path.join(project, 'sources');
  await writeFile(path.join(outside, 'secret.md'), BRIEF('Secret'));
  await mkdir(path.join(sources, 'shared'));
  await writeFile(path.join(sources, 'shared', 'real.md'), BRIEF('Real'));
  await symlink(path.join(sources, 'shared', 'real.md'), path.join(sources, 'inside.md'));
  await symlink(path.join(outside, 'secret.md'), path.join(sources, 'outside.md'));
  await symlink(path.join(sources, 'gone.md'), path.join(sources, 'dangling.md'));
  await symlink(path.join(sources, 'shared'), path.join(sources, 'folder-link'));
  await symlink('../../', path.join(sources, 'shared', 'up.md'));
});
afterAll(async () => {
  await removeProjects();
  await rm(outside, { recursive: true, force: true });
});

describe('symbolic links in the sources', () => {
  it('reads a link to a file inside the sources and skips the others, one warning each', async () => {
    const { paths, skipped } = await listSources(sources, project);
    expect(paths).toEqual([path.join(sources, 'inside.md'), path.join(sources, 'shared', 'real.md')]);
    const lines = skipped.map((file) => `${file.path}: ${file.messages.map((m) => `${m.reason} (${m.ruleId})`).join('; ')}`);
    expect(lines).toEqual([
      'sources/dangling.md: skipped: a symbolic link to a file that does not exist (source-link-skipped)',
      'sources/folder-link: skipped: a symbolic link to a folder; folders are read only where they are, not through links (source-link-skipped)',
      expect.stringMatching(
        /^sources\/outside\.md: skipped: a symbolic link to .*secret\.md, outside the sources folder; .* \(source-link-skipped\)$/,
      ),
      expect.stringMatching(
        /^sources\/shared\/up\.md: skipped: a symbolic link to .*, outside the sources folder; .*\(source-link-skipped\)$/,
      ),
    ]);
  });

  it('tells the user what `npm run check` skipped, and never reads what lies outside', async () => {
    const result = await checkSources({ root: project, noLayout: true });
    expect(result.sources).toBe(2);
    const skippedLines = result.messages.filter((line) => line.includes('source-link-skipped'));
    expect(skippedLines).toHaveLength(4);
    expect(skippedLines.every((line) => /^sources\/\S+: warning: skipped: /.test(line))).toBe(true);
    expect(result.messages.join('\n')).not.toMatch(/Secret/);
  });
});
