/**
 * The keys of the archive's files as the last build wrote them (write-archive.ts), with the
 * state of each part of the search index and the feed's layout, in the build cache folder:
 * `archive-pages.json` as written whole now and then, and `archive-pages.jsonl`, a journal of
 * what changed since, so that an edit appends the few keys it changed rather than rewrite
 * the keys of every file (2.5 MB at 10,000 briefs) twice.
 *
 * Crash safety: before files are made again, a line forgets their keys (so a build stopped
 * half-way never takes a file for what an older key says it is); once they are written, a
 * line gives their new keys. The journal's first line names the base it applies to: the base
 * is written under a new name, so a journal left beside it from the base before is not
 * applied. A torn last line ends the journal where it is read, and the next save writes the
 * keys whole.
 */
import { appendFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { removeOutput, writeOutput } from '../../core/write-file.js';
import { asciiJson, readCacheText } from '../../core/ascii-text.js';
import type { FeedLayout } from '../pages/atom-feed.js';
import type { SearchIndexState } from '../search/search-index.js';

export const PAGE_KEYS_FILE = 'archive-pages.json';
const JOURNAL_FILE = 'archive-pages.jsonl';
const VERSION = 4;
/** The journal is folded into the file once it holds this share of its size (or 256 KB). */
const FOLD_SHARE = 0.25;
const FOLD_MIN_BYTES = 256 * 1024;

export interface PageKeys {
  /** Output path → key of what was written there. */
  files: Record<string, string>;
  /** Each part of the search index's state, by its path. */
  search: Record<string, SearchIndexState>;
  feed?: FeedLayout | undefined;
  /** The state of the briefs the keys were saved for (archive-index.ts `state`), when known. */
  briefs?: string | undefined;
}

/** A journal line: keys and states set (null: forgotten), the feed's layout and the briefs' state when they changed. */
interface Line {
  files: Record<string, string | null>;
  search: Record<string, SearchIndexState | null>;
  feed?: FeedLayout | null;
  briefs?: string | null;
}

export interface PageKeysStore {
  /** The keys as the last build left them; undefined when there are none to trust. */
  last: PageKeys | undefined;
  /** Forget the keys of `files` (and the feed's layout with `feed.xml`) before they are made again. */
  forget(files: Set<string>): Promise<void>;
  /** Save the keys of every file of the archive, as written. */
  save(keys: PageKeys): Promise<void>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function sorted<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** `fresh`: take nothing from disk (and write the keys whole). */
export function openPageKeys(cacheDir: string, fresh = false): PageKeysStore {
  let base: { id: string; bytes: number } | undefined;
  let journalBytes = 0;
  /** The journal cannot take another line (torn, or of another base): the next save writes the keys whole. */
  let spoilt = false;
  let last: PageKeys | undefined;

  if (!fresh) {
    const text = readCacheText(path.join(cacheDir, PAGE_KEYS_FILE));
    let parsed: Partial<PageKeys & { version: number; id: string }> | undefined;
    try {
      parsed = JSON.parse(text ?? '') as typeof parsed;
    } catch {
      parsed = undefined;
    }
    if (parsed?.version === VERSION && typeof parsed.id === 'string' && isRecord(parsed.files)) {
      base = { id: parsed.id, bytes: text!.length };
      last = {
        files: parsed.files,
        search: isRecord(parsed.search) ? parsed.search : {},
        feed: parsed.feed,
        briefs: typeof parsed.briefs === 'string' ? parsed.briefs : undefined,
      };
      const journal = readCacheText(path.join(cacheDir, JOURNAL_FILE));
      const lines = journal?.split('\n') ?? [];
      let header: unknown;
      try {
        header = journal === undefined ? undefined : JSON.parse(lines[0]!);
      } catch {
        header = undefined;
      }
      if (journal === undefined) {
        // none: the base is all
      } else if (!Array.isArray(header) || header[0] !== VERSION || header[1] !== base.id) spoilt = true;
      else {
        journalBytes = journal.length;
        for (const [i, text] of lines.slice(1).entries()) {
          if (text === '' && i === lines.length - 2) break;
          let line: Line;
          try {
            line = JSON.parse(text) as Line;
            if (!isRecord(line.files) || !isRecord(line.search)) throw new Error('not a line');
          } catch {
            spoilt = true;
            break;
          }
          for (const [file, key] of Object.entries(line.files)) {
            if (key === null) delete last.files[file];
            else last.files[file] = key;
          }
          for (const [file, state] of Object.entries(line.search)) {
            if (state === null) delete last.search[file];
            else last.search[file] = state;
          }
          if (line.feed !== undefined) last.feed = line.feed ?? undefined;
          if (line.briefs !== undefined) last.briefs = typeof line.briefs === 'string' ? line.briefs : undefined;
        }
      }
    }
  }

  /** The keys on disk now, as lines have made them. */
  const current: PageKeys = last
    ? { files: { ...last.files }, search: { ...last.search }, feed: last.feed, briefs: last.briefs }
    : { files: {}, search: {} };
  const journal = path.join(cacheDir, JOURNAL_FILE);

  /** Append `line`, or write the keys whole (`whole`: what they are once the line applies) when the journal cannot take it. */
  const record = async (line: Line, whole: PageKeys) => {
    const text = `${asciiJson(JSON.stringify(line))}\n`;
    if (base && !spoilt && journalBytes + text.length <= Math.max(FOLD_MIN_BYTES, base.bytes * FOLD_SHARE)) {
      const header = journalBytes === 0 ? `${JSON.stringify([VERSION, base.id])}\n` : '';
      appendFileSync(journal, header + text);
      journalBytes += header.length + text.length;
      return;
    }
    const id = randomUUID();
    const file = `${asciiJson(JSON.stringify({ version: VERSION, id, files: sorted(whole.files), search: sorted(whole.search), feed: whole.feed, briefs: whole.briefs }))}\n`;
    await writeOutput(cacheDir, PAGE_KEYS_FILE, file);
    await removeOutput(cacheDir, JOURNAL_FILE);
    base = { id, bytes: file.length };
    journalBytes = 0;
    spoilt = false;
  };

  return {
    last,
    async forget(files) {
      const line: Line = { files: {}, search: {} };
      for (const file of files) {
        if (file in current.files) {
          line.files[file] = null;
          delete current.files[file];
        }
        if (file in current.search) {
          line.search[file] = null;
          delete current.search[file];
        }
      }
      if (files.has('feed.xml') && current.feed !== undefined) {
        line.feed = null;
        current.feed = undefined;
      }
      if (Object.keys(line.files).length === 0 && Object.keys(line.search).length === 0 && line.feed === undefined) return;
      await record(line, current);
    },
    async save(keys) {
      const line: Line = { files: {}, search: {} };
      for (const [file, key] of Object.entries(keys.files)) if (current.files[file] !== key) line.files[file] = key;
      for (const file of Object.keys(current.files)) if (!(file in keys.files)) line.files[file] = null;
      // A state or layout kept from the last build is the same object; one made again is a new one.
      for (const [file, state] of Object.entries(keys.search)) if (current.search[file] !== state) line.search[file] = state;
      for (const file of Object.keys(current.search)) if (!(file in keys.search)) line.search[file] = null;
      if (current.feed !== keys.feed) line.feed = keys.feed ?? null;
      if (current.briefs !== keys.briefs) line.briefs = keys.briefs ?? null;
      const unchanged =
        Object.keys(line.files).length === 0 &&
        Object.keys(line.search).length === 0 &&
        line.feed === undefined &&
        line.briefs === undefined;
      if (unchanged && base && !spoilt) return;
      await record(line, keys);
    },
  };
}
