/**
 * The build cache: what the last build made from each source, keyed by a content hash
 * of the source, the templates and styles, the configuration and the tool's version.
 * Kept in `<out>/.briefpress/state.json`; an unreadable or older state is ignored.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import type { BuildConfig } from './config.js';
import type { BriefData, Heading, ManifestEntry } from './types.js';

export const STATE_FILE = '.briefpress/state.json';
const STATE_VERSION = 1;

export interface StoredMessage {
  path: string;
  reason: string;
  line?: number;
  column?: number;
  ruleId?: string;
  fatal?: boolean | null;
}

export interface CachedBrief {
  /** Hash of the source bytes together with the build key. */
  hash: string;
  /** Slug from the title (or `slug:`), before duplicates were resolved. */
  baseSlug: string;
  entry: ManifestEntry;
  data: BriefData;
  body: string;
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

export function emptyState(): BuildState {
  return { version: STATE_VERSION, briefs: {}, archiveFiles: [] };
}

export async function readState(outDir: string): Promise<BuildState> {
  try {
    const state = JSON.parse(await readFile(path.join(outDir, STATE_FILE), 'utf8')) as BuildState;
    return state.version === STATE_VERSION && state.briefs ? state : emptyState();
  } catch {
    return emptyState();
  }
}

async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

/**
 * One hash of everything besides the source that shapes a brief's outputs: the tool's
 * version and code, the templates and styles, and the resolved configuration.
 */
export async function buildKey(config: BuildConfig, toolVersion: string): Promise<string> {
  const hash = createHash('sha256').update(toolVersion);
  // Where the project, its sources, output and templates are does not shape the outputs
  // (the templates' contents do): the same sources build the same bytes in any folder.
  const { root, sourcesDir, outDir, templatesDir, concurrency, ...settings } = config;
  hash.update(JSON.stringify(settings));
  const codeDir = path.dirname(new URL(import.meta.url).pathname);
  for (const [dir, label] of [[templatesDir, 'templates'], [codeDir, 'code']] as const) {
    for (const file of await filesBelow(dir)) hash.update(`${label}/${path.relative(dir, file)}`).update(await readFile(file));
  }
  return hash.digest('hex');
}

export function sourceHash(key: string, bytes: Uint8Array): string {
  return createHash('sha256').update(key).update(bytes).digest('hex');
}

export function storeMessages(...files: VFile[]): StoredMessage[] {
  return files.flatMap((file) =>
    file.messages.map((m) => {
      const place = m.place && 'start' in m.place ? m.place.start : m.place;
      return { path: file.path, reason: m.reason, line: place?.line, column: place?.column, ruleId: m.ruleId, fatal: m.fatal };
    }),
  );
}

/** VFiles carrying stored messages again, so a cached brief's warnings are reported too. */
export function restoreMessages(messages: StoredMessage[]): VFile[] {
  const files = new Map<string, VFile>();
  for (const m of messages) {
    const file = files.get(m.path) ?? new VFile({ path: m.path });
    files.set(m.path, file);
    const message = file.message(m.reason, {
      place: m.line ? { line: m.line, column: m.column ?? 1 } : undefined,
      ruleId: m.ruleId,
      source: 'briefpress',
    });
    message.fatal = m.fatal;
  }
  return [...files.values()];
}
