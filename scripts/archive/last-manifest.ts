/**
 * The last `manifest.json`, which an edit copies the unchanged briefs' parts from
 * (archive-index.ts): taken only when it is the file the archive index was saved with.
 *
 * The index names that file by its identity (size, modification time in nanoseconds and inode
 * number), taken once the file is in place: the manifest (13 MB at 10,000 briefs) is written
 * through a temporary file and a rename, so the next build's manifest, or one changed by hand,
 * is another file or another time. Hashing it instead took two passes over 13 MB an edit (the
 * last file checked, the new one hashed). An index saved before names the file by the hash of
 * its bytes (32 hex digits), which is still checked as it was.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { shortHash } from '../core/short-hash.js';

const MANIFEST = 'manifest.json';
const OLD_HASH = /^[0-9a-f]{32}$/;

/** What names the `manifest.json` of `outDir` as it is now, or '' when there is none. */
export function manifestIdentity(outDir: string): string {
  try {
    const info = statSync(path.join(outDir, MANIFEST), { bigint: true });
    return `${info.size}:${info.mtimeNs}:${info.ino}`;
  } catch {
    return '';
  }
}

/** The bytes of `outDir`'s `manifest.json` when it is the file `saved` names and `length` bytes long; else undefined. */
export function lastManifest(outDir: string, saved: string | undefined, length: number): Buffer | undefined {
  if (!saved) return undefined;
  const oldHash = OLD_HASH.test(saved);
  if (!oldHash && manifestIdentity(outDir) !== saved) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(outDir, MANIFEST));
  } catch {
    return undefined;
  }
  if (bytes.length !== length) return undefined;
  return !oldHash || shortHash(bytes) === saved ? bytes : undefined;
}
