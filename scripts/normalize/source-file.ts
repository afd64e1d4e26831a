/**
 * A source as a VFile: its raw bytes, with `path` relative to the project root. A module
 * of its own so that the build can make one without loading the normalizer.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { isPdf } from './pdf/is-pdf.js';

/**
 * Read a source's raw bytes into a VFile whose path is relative to `root` (value = the raw
 * bytes); a PDF's layout is read too, the one step of normalizing that is asynchronous.
 */
export async function readSource(absPath: string, root: string): Promise<VFile> {
  const file = sourceFile(absPath, root, await readFile(absPath));
  await preRead(file);
  return file;
}

/** Read what a source needs before `normalize()`: for a PDF, its layout (pdf.js loads only then). */
export async function preRead(file: VFile): Promise<void> {
  if (typeof file.value !== 'string' && isPdf(file.value)) await (await import('./pdf/pre-read.js')).preReadPdf(file);
}

/** A source already read: its VFile, with `path` relative to `root`. */
export function sourceFile(absPath: string, root: string, value: Uint8Array): VFile {
  return new VFile({ path: path.relative(root, absPath) || path.basename(absPath), cwd: root, value });
}
