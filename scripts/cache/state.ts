/**
 * The build cache: what the last build made from each source, keyed by a content hash
 * of the source, the templates and styles, the configuration and the tool's version.
 * Kept in `state.json` of the build cache folder beside the output folder (`config.cacheDir`,
 * cache-dir.ts); an unreadable or older state is ignored.
 *
 * The state holds each brief's metadata only. Its body HTML is kept beside it, one file
 * per body named by its hash (`bodies/<hash>.html` of the cache folder), written when the brief
 * is printed and read only when the archive needs it, so a build neither parses nor
 * holds every body. Bodies no brief uses any more are removed when the state is saved.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuildConfig } from '../core/config.js';
import type { StoredMessage } from '../core/messages.js';
import type { BriefData, Heading, ManifestEntry } from '../core/types.js';
import { removeOutput, writeOutput } from '../core/write-file.js';
import { shortHash } from '../core/short-hash.js';

export const STATE_FILE = 'state.json';
export const BODIES_DIR = 'bodies';
const STATE_VERSION = 2;

export interface CachedBrief {
  /** Hash of the source bytes together with the build key. */
  hash: string;
  /** Slug from the title (or `slug:`), before duplicates were resolved. */
  baseSlug: string;
  entry: ManifestEntry;
  data: BriefData;
  /** Hash of the body HTML, kept in `bodies/<hash>.html` of the cache folder (see `storeBody`). */
  bodyHash: string;
  headings: Heading[];
  /** Warnings and notes of the last build, shown again on every build. */
  messages: StoredMessage[];
}

export interface BuildState {
  version: number;
  /** Keyed by the source path relative to the project root. */
  briefs: Record<string, CachedBrief>;
  /** Archive pages written last time, relative to the output folder. */
  archiveFiles: string[];
  /** The last build was interrupted: some briefs are newer than the archive pages. */
  incomplete?: boolean;
}

/** A cached brief with its body, as shard manifests carry it (they travel without the cache folder). */
export interface ShippedBrief extends CachedBrief {
  body: string;
}

export function emptyState(): BuildState {
  return { version: STATE_VERSION, briefs: {}, archiveFiles: [] };
}

export async function readState(cacheDir: string): Promise<BuildState> {
  try {
    const state = JSON.parse(await readFile(path.join(cacheDir, STATE_FILE), 'utf8')) as BuildState;
    return state.version === STATE_VERSION && state.briefs ? state : emptyState();
  } catch {
    return emptyState();
  }
}

async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/**
 * One hash of everything besides the source that shapes a brief's outputs: the tool's
 * version and code, the templates and styles, and the resolved configuration.
 */
export async function buildKey(config: BuildConfig, toolVersion: string): Promise<string> {
  const hash = createHash('sha256').update(toolVersion);
  // Where the project, its sources, output, cache and templates are does not shape the outputs
  // (the templates' contents do): the same sources build the same bytes in any folder.
  // Packets are made from the printed briefs: declaring one, or editing its cover
  // (templates/packet/), reprints no brief; the packet stage has keys of its own.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { root, sourcesDir, outDir, cacheDir, templatesDir, concurrency, packets, ...settings } = config;
  hash.update(JSON.stringify(settings));
  const codeDir = path.dirname(path.dirname(new URL(import.meta.url).pathname));
  for (const [dir, label] of [
    [templatesDir, 'templates'],
    [codeDir, 'code'],
  ] as const) {
    for (const file of await filesBelow(dir)) {
      if (label === 'templates' && file.startsWith(path.join(templatesDir, 'packet') + path.sep)) continue;
      hash.update(`${label}/${path.relative(dir, file)}`).update(await readFile(file));
    }
  }
  return hash.digest('hex');
}

export function sourceHash(key: string, bytes: Uint8Array): string {
  return createHash('sha256').update(key).update(bytes).digest('hex');
}

const HASH = /^[0-9a-f]{32}$/;

export function bodyHash(html: string): string {
  return shortHash(html);
}

const bodyFile = (hash: string) => `${BODIES_DIR}/${hash}.html`;
const storing = new Map<string, Promise<void>>();

/** Keep a brief's body HTML in the cache; returns its hash. Two briefs with one body share the file. */
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

/** Remove the bodies none of `briefs` uses. */
export async function pruneBodies(cacheDir: string, briefs: Iterable<CachedBrief>): Promise<void> {
  const used = new Set([...briefs].map((b) => `${b.bodyHash}.html`));
  const names = await readdir(path.join(cacheDir, BODIES_DIR)).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.endsWith('.html') && !used.has(n)).map((n) => removeOutput(cacheDir, `${BODIES_DIR}/${n}`)));
}
