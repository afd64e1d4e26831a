/**
 * The source files of a site: every regular file below the sources folder, sorted, hidden
 * ones skipped. A symbolic link is read when its real path (after every link) is a file
 * inside the sources folder; a link that leads outside it, to a folder or nowhere is
 * skipped with a warning, so that nothing is left out without a word.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { fsReason } from './fs-reason.js';
import { insideFolder } from './write-file.js';
import { defineRule } from './rules.js';
import { UserError } from './user-error.js';

const skippedLink = defineRule('source-link-skipped');

export interface SourceList {
  /** Absolute paths of the sources to read, sorted. */
  paths: string[];
  /** One file per symbolic link that was not followed, with a warning saying why. */
  skipped: VFile[];
}

export async function listSources(sourcesDir: string, root: string = path.dirname(sourcesDir)): Promise<SourceList> {
  let entries: Dirent[];
  try {
    entries = await readdir(sourcesDir, { recursive: true, withFileTypes: true });
  } catch {
    throw new UserError(`${sourcesDir}: no such folder of sources; put your texts in it or pass --sources DIR`);
  }
  // A file directly in the folder (most are) is hidden by its own name; `path.relative` for each
  // of 10,000 sources took a build with nothing to do some 30 ms.
  const hidden = (entry: Dirent) =>
    entry.parentPath === sourcesDir
      ? entry.name.startsWith('.')
      : path
          .relative(sourcesDir, path.join(entry.parentPath, entry.name))
          .split(path.sep)
          .some((part) => part.startsWith('.'));
  const visible = entries.filter((entry) => !hidden(entry));
  // `path.join` of the folder (already absolute and normalized) and a name is the two with a
  // separator between: joined so, 10,000 sources are listed without normalizing each path.
  const plain = path.isAbsolute(sourcesDir) && sourcesDir === path.normalize(sourcesDir) && !sourcesDir.endsWith(path.sep);
  const pathOf = (entry: Dirent) =>
    plain && entry.parentPath === sourcesDir ? `${sourcesDir}${path.sep}${entry.name}` : path.join(entry.parentPath, entry.name);
  const paths = visible.filter((entry) => entry.isFile()).map(pathOf);
  const links = visible.filter((entry) => entry.isSymbolicLink()).map((entry) => path.join(entry.parentPath, entry.name));
  const skipped: VFile[] = [];
  if (links.length > 0) {
    const realSources = await realpath(sourcesDir);
    for (const link of links) {
      const why = await whyNotFollowed(link, realSources);
      if (why === undefined) paths.push(link);
      else {
        const file = new VFile({ path: path.relative(root, link) || link, cwd: root });
        skippedLink.report(file, `skipped: ${why}`);
        skipped.push(file);
      }
    }
  }
  return { paths: paths.sort(), skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}

/** Why a symbolic link in the sources is not read, or nothing when it leads to a source file. */
async function whyNotFollowed(link: string, realSources: string): Promise<string | undefined> {
  let real: string;
  try {
    real = await realpath(link);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? 'a symbolic link to a file that does not exist'
      : `a symbolic link that cannot be followed: ${fsReason(error)}`;
  }
  if (!insideFolder(realSources, real)) return `a symbolic link to ${real}, outside the sources folder; copy the file into it to build it`;
  if (!(await stat(real)).isFile()) return 'a symbolic link to a folder; folders are read only where they are, not through links';
  return undefined;
}
