/**
 * Each brief's body HTML, kept in the build cache folder beside the store, one file per body
 * named by its hash (`bodies/<hash>.html`): written when the brief is printed and read only
 * when the archive needs it, so a build neither parses nor holds every body. Bodies no brief
 * uses any more are removed when the build is saved. (Worker threads read them too: this
 * module loads nothing of the store.)
 */
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { removeOutput, writeOutput } from '../core/write-file.js';
import { shortHash } from '../core/short-hash.js';
import type { CachedBrief, ShippedBrief } from './state.js';

export const BODIES_DIR = 'bodies';
const HASH = /^[0-9a-f]{32}$/;

export function bodyHash(html: string): string {
  return shortHash(html);
}

const bodyFile = (hash: string) => `${BODIES_DIR}/${hash}.html`;
const storing = new Map<string, Promise<void>>();

/** Keep a brief's body HTML in the cache folder; returns its hash. Two briefs with one body share the file. */
export async function storeBody(cacheDir: string, html: string): Promise<string> {
  const hash = bodyHash(html);
  const id = `${cacheDir}\0${hash}`;
  let pending = storing.get(id);
  if (!pending) {
    pending = writeOutput(cacheDir, bodyFile(hash), html).finally(() => storing.delete(id));
    storing.set(id, pending);
  }
  await pending;
  return hash;
}

/**
 * A body from the cache. Read synchronously: bodies are small and read one after another
 * while pages render, where a promise-based read of a small file costs ten times more.
 */
export async function readBody(cacheDir: string, hash: string): Promise<string> {
  if (!HASH.test(hash)) throw new Error(`not a body hash: ${JSON.stringify(hash)}`);
  return readFileSync(path.join(cacheDir, bodyFile(hash)), 'utf8');
}

/** Cached briefs with their bodies, for a shard manifest. */
export async function withBodies(cacheDir: string, briefs: CachedBrief[]): Promise<ShippedBrief[]> {
  return Promise.all(briefs.map(async (b) => ({ ...b, body: await readBody(cacheDir, b.bodyHash) })));
}

/** Remove the bodies none of `used` (body hashes) names. */
export async function pruneBodies(cacheDir: string, used: Iterable<string>): Promise<void> {
  const keep = new Set([...used].map((hash) => `${hash}.html`));
  const names = await readdir(path.join(cacheDir, BODIES_DIR)).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.endsWith('.html') && !keep.has(n)).map((n) => removeOutput(cacheDir, `${BODIES_DIR}/${n}`)));
}
