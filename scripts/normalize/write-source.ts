/**
 * `npm run normalize -- --write FILE...`: turn raw texts into editable Markdown sources.
 * Each raw text's normalized Markdown is written as `<dir>/<slug>.md` beside it, and the
 * raw text is moved aside into `<dir>/.raw/` (hidden folders are skipped by the build).
 * A sidecar `.raw/<name>.written.json` remembers a hash of what was written, so a Markdown
 * file edited since is never overwritten without `force` (and even then the edited
 * version is kept in `.raw/` first). Run again on `.raw/<name>`, it re-normalizes in place.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import type { NormalizeOptions } from './reader.js';
import { normalize, readSource } from './index.js';
import { countMessages, formatMessages } from '../core/report.js';
import { defineRule, report } from '../core/rules.js';

export const RAW_FOLDER = '.raw';

export interface NormalizeWriteOptions {
  /** Project root: message paths are relative to it. */
  root: string;
  /** The organization whose letterhead lines the normalizer removes, and how titles are cased. */
  normalize?: NormalizeOptions;
  /** Overwrite a Markdown file edited since it was written (the edited one is kept in `.raw/`). */
  force?: boolean;
}

export interface WrittenSource {
  /** The raw text as given, relative to the root. */
  raw: string;
  /** The Markdown source written, relative to the root. */
  markdown: string;
  /** Where the raw text is now, relative to the root. */
  movedTo: string;
  /** Where an edited Markdown file overwritten with `force` was kept. */
  keptEdited?: string;
}

export interface NormalizeWriteResult {
  written: WrittenSource[];
  /** One file per input, carrying the normalizer's messages and any refusal (fatal). */
  files: VFile[];
}

/** What a sidecar records about the Markdown file written from a raw text. */
interface WrittenRecord {
  markdown: string;
  sha256: string;
}

const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

async function readIfExists(file: string): Promise<Buffer | undefined> {
  return readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}

async function readRecord(sidecar: string): Promise<WrittenRecord | undefined> {
  const bytes = await readIfExists(sidecar);
  if (!bytes) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8')) as WrittenRecord;
  } catch {
    return undefined;
  }
}

/** A free name in `folder` for `base` + `ext`: `base.ext`, `base-2.ext`, … */
async function freeName(folder: string, base: string, ext: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = path.join(folder, `${base}${n === 1 ? '' : `-${n}`}${ext}`);
    if ((await readIfExists(candidate)) === undefined) return candidate;
  }
}

export async function normalizeWrite(rawPaths: readonly string[], options: NormalizeWriteOptions): Promise<NormalizeWriteResult> {
  const result: NormalizeWriteResult = { written: [], files: [] };
  for (const given of rawPaths) {
    const absPath = path.resolve(options.root, given);
    const file = await readSource(absPath, options.root);
    result.files.push(file);
    try {
      const written = await writeOne(file, absPath, options);
      if (written) result.written.push(written);
    } catch (error) {
      if (!(error instanceof VFileMessage)) throw error;
    }
  }
  return result;
}

async function writeOne(file: VFile, absPath: string, options: NormalizeWriteOptions): Promise<WrittenSource | undefined> {
  const rel = (p: string) => path.relative(options.root, p);
  const brief = normalize(file, options.normalize ?? {});
  if (brief.reader === 'markdown' && path.basename(path.dirname(absPath)) !== RAW_FOLDER) {
    report(file, 'already-markdown', 'already a Markdown source; nothing to write');
    return undefined;
  }
  // A raw text already moved aside is re-normalized into the folder above `.raw/`.
  const inRaw = path.basename(path.dirname(absPath)) === RAW_FOLDER;
  const dir = inRaw ? path.dirname(path.dirname(absPath)) : path.dirname(absPath);
  const rawDir = path.join(dir, RAW_FOLDER);
  const rawTarget = path.join(rawDir, path.basename(absPath));
  const sidecar = `${rawTarget}.written.json`;
  const target = path.join(dir, `${brief.slug}.md`);
  if (target === absPath) {
    defineRule('write-refused').fail(file, `the Markdown file would replace the raw text itself; rename ${path.basename(absPath)} first`);
  }

  if (!inRaw) {
    const already = await readIfExists(rawTarget);
    if (already !== undefined && !already.equals(await readFile(absPath))) {
      defineRule('write-refused').fail(file, `${rel(rawTarget)} already exists with other content; move one of them away first`);
    }
  }

  // Never overwrite a Markdown file someone wrote or edited, unless forced.
  let keptEdited: string | undefined;
  const existing = await readIfExists(target);
  if (existing !== undefined && existing.toString('utf8') !== brief.markdown) {
    const record = await readRecord(sidecar);
    const unedited = record?.markdown === path.basename(target) && record.sha256 === sha256(existing);
    if (!unedited) {
      if (!options.force) {
        const why = record?.markdown === path.basename(target) ? 'was edited since it was written' : 'was not written from this raw text';
        defineRule('write-refused').fail(
          file,
          `${rel(target)} ${why}; not overwriting it (use --force to replace it; the edited file is then kept in ${rel(rawDir)}/)`,
        );
      }
      await mkdir(rawDir, { recursive: true });
      keptEdited = await freeName(rawDir, `${brief.slug}.edited`, '.md');
      await writeFile(keptEdited, existing);
    }
  }

  await mkdir(rawDir, { recursive: true });
  const temp = `${target}.tmp-${process.pid}`;
  await writeFile(temp, brief.markdown);
  await rename(temp, target);
  await writeFile(
    sidecar,
    `${JSON.stringify({ markdown: path.basename(target), sha256: sha256(brief.markdown) } satisfies WrittenRecord, null, 2)}\n`,
  );
  if (!inRaw) {
    if ((await readIfExists(rawTarget)) === undefined) await rename(absPath, rawTarget);
    else await rm(absPath);
  }
  return { raw: rel(absPath), markdown: rel(target), movedTo: rel(rawTarget), ...(keptEdited ? { keptEdited: rel(keptEdited) } : {}) };
}

/** `normalize --write [--force] FILE...` for the normalize command: report on stderr, return the exit code. */
export async function runNormalizeWrite(rawPaths: readonly string[], options: NormalizeWriteOptions): Promise<number> {
  const result = await normalizeWrite(rawPaths, options);
  for (const line of formatMessages(result.files)) process.stderr.write(`${line}\n`);
  for (const w of result.written) {
    const kept = w.keptEdited ? `; the edited version is kept as ${w.keptEdited}` : '';
    process.stderr.write(`wrote ${w.markdown}${w.movedTo !== w.raw ? ` (raw text moved to ${w.movedTo})` : ''}${kept}\n`);
  }
  return countMessages(result.files).error > 0 ? 1 : 0;
}
