/** The source files of a site: every regular file below the sources folder, sorted, hidden ones skipped. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from './user-error.js';

export async function listSources(sourcesDir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(sourcesDir, { recursive: true, withFileTypes: true });
  } catch {
    throw new UserError(`${sourcesDir}: no such folder of sources; put your texts in it or pass --sources DIR`);
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter(
      (file) =>
        !path
          .relative(sourcesDir, file)
          .split(path.sep)
          .some((part) => part.startsWith('.')),
    )
    .sort();
}
