/**
 * A source as a VFile: its raw bytes, with `path` relative to the project root. A module
 * of its own so that the build can make one without loading the normalizer.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';

/** Read a source's raw bytes into a VFile whose path is relative to `root` (value = the raw bytes). */
export async function readSource(absPath: string, root: string): Promise<VFile> {
  return sourceFile(absPath, root, await readFile(absPath));
}

/** A source already read: its VFile, with `path` relative to `root`. */
export function sourceFile(absPath: string, root: string, value: Uint8Array): VFile {
  return new VFile({ path: path.relative(root, absPath) || path.basename(absPath), cwd: root, value });
}
