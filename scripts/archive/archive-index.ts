/**
 * The archive index: what the archive needs of every brief to find what an edit changes,
 * without reading every brief's whole record from the build store (22 MB of details at
 * 10,000 briefs). Kept in `archive-index/` of the build cache folder:
 *
 * - `index.json`: per brief, in the order of `manifest.json`, the fields the site model, the
 *   page keys, related briefs, the filters' data, the sitemap and the search parts' keys look
 *   at for every brief (slug, title, dates, kind, pages, PDF size, paths, authors, tags, cited
 *   links, body hash), the
 *   hashes of the rest (brief-keys.ts), the length of its part of `manifest.json`, and the
 *   record it was made from (the store's hash, which names a source's version);
 * - `records/<hash>.json`: each brief's whole record (manifest entry, front matter, headings,
 *   body hash), named by the hash of its text, read only when a page, feed or search
 *   document that shows the brief is made again.
 *
 * A brief of the index stands in the site model as a brief whose summary, front
 * matter, headings and the rest are read from its record when something first asks for
 * them: an edit reads the records of the briefs whose pages (or feed entries) it makes again, not
 * every brief's. The
 * manifest is spliced: unchanged briefs' parts are copied from the last `manifest.json`,
 * when it is the file the index was saved with (last-manifest.ts), and only the changed ones made again.
 *
 * - `journal.jsonl`: what changed since `index.json` was written, a line per build (the rows
 *   dropped and added, by place, and the manifest written), so an edit appends a line rather
 *   than rewrite the index (8 MB at 10,000 briefs); folded into `index.json` once it holds a
 *   quarter of its size. Its first line names the base it applies to.
 *
 * Crash safety: a record file is written before the index or journal line that names it, and never changed
 * (its name is its hash, checked when read); `index.json` is replaced by a rename, under a new
 * name (a journal left beside it from the base before is not applied); a torn last line ends
 * the journal where it is read, and the next build writes the index whole. An entry
 * is used only for the same version of the same source (hash, slug, body, date, pages,
 * picture as the store has them now), and the last manifest only when it is the file the
 * index names (written, by a rename, before the index is saved: last-manifest.ts), so whatever stopped a build, the index never stands for what is not
 * there: what it cannot vouch for is read from the store, as without an index. An index of
 * another version, or none, is made again from the store's records.
 */
import { readdir } from 'node:fs/promises';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { CachedBrief, IndexedBrief } from '../cache/state.js';
import { removeOutput, writeOutput } from '../core/write-file.js';
import { shortHash } from '../core/short-hash.js';
import { asciiJson, readCacheText } from '../core/ascii-text.js';
import { lastManifest } from './last-manifest.js';
import { withSafeLinks } from '../core/url-policy.js';
import { type BriefKeys, computeBriefKeys, lazyPrototype, markChecked, rememberBriefKeys } from './model/brief-keys.js';
import type { SiteBrief } from './model/site-model.js';
import { compareBriefs } from './model/related-briefs.js';

export const ARCHIVE_INDEX_DIR = 'archive-index';
const INDEX_FILE = `${ARCHIVE_INDEX_DIR}/index.json`;
const JOURNAL_FILE = `${ARCHIVE_INDEX_DIR}/journal.jsonl`;
/** The journal is folded into the index once it holds this share of its size (or 64 KB). */
const FOLD_SHARE = 0.25;
const FOLD_MIN_BYTES = 64 * 1024;
const RECORDS_DIR = `${ARCHIVE_INDEX_DIR}/records`;
const VERSION = 3;

/** What a brief's stand-in holds itself; the rest is read from its record when asked for. */
const LEAN = [
  'slug',
  'title',
  'date',
  'updated',
  'kind',
  'pages',
  'pdf_bytes',
  'html',
  'pdf',
  'authors',
  'tags',
  'links',
  'bodyHash',
] as const;
/** Fields of a site brief that its stand-in reads from the record. */
const LAZY = ['budget', 'markdown', 'cover', 'cover_width', 'cover_height', 'summary', 'source_url', 'source', 'headings', 'data'] as const;
/** The lean fields; `html` and `pdf` only when they are not `briefs/<slug>.html` and `.pdf`. */
type Lean = Omit<Pick<SiteBrief, (typeof LEAN)[number]>, 'html' | 'pdf'> & { html?: string; pdf?: string };
const BRIEFS = 'briefs/';

/** The record a brief's page, feed entry and search document are made from. */
type Record = Pick<CachedBrief, 'entry' | 'data' | 'headings' | 'bodyHash'>;

/** [source, store hash, record file, length of its part of manifest.json, keys, lean brief] */
type Row = [string, string, string, number, BriefKeys, Lean];

interface IndexFile {
  version: number;
  /** Names this base: a journal line applies to the base it was written after. */
  id: string;
  /** The `manifest.json` written with this index (last-manifest.ts `manifestIdentity`; before, the hash of its bytes). */
  manifest?: string;
  rows: Row[];
}

export interface ArchiveIndexInput {
  cacheDir: string;
  /** This build's sources, in the manifest's order (newest first). */
  ordered: readonly string[];
  /** Each source's record as the store indexes it now. */
  briefs: ReadonlyMap<string, IndexedBrief>;
  /** Whole records made in this build. */
  late: ReadonlyMap<string, CachedBrief>;
  /** A whole record from the store (its first call reads all of the store's details). */
  full: (source: string, indexed: IndexedBrief) => CachedBrief;
  /** Take nothing from the index on disk (`--force`). */
  fresh?: boolean | undefined;
  /** The index as `readArchiveIndex` read it beforehand (while the build's briefs printed). */
  loaded?: LoadedIndex | undefined;
}

export interface ArchiveIndex {
  /** The briefs, in the manifest's order: those of the index read their records only when asked. */
  briefs: SiteBrief[];
  /**
   * `manifest.json`'s text, in pieces: the unchanged briefs' parts copied from the last one
   * when it is the one indexed (last-manifest.ts); undefined when that one is the same, byte for byte.
   */
  manifest(outDir: string): Buffer[] | undefined;
  /** Write the records that are new and then the index (or its journal's line), for the manifest written, named by `manifestIdentity`. */
  save(manifest: string): Promise<void>;
  /** How many whole records were read (from the index's record files or the store). */
  readonly recordsRead: number;
  /** A hash of the briefs as this build has them (each one's record, in order). */
  state: string;
  /** The last build's briefs: their `state`, their slugs in the archive's order, the slugs of this build's briefs whose records differ from its, and `gone`. */
  previous?: PreviousBriefs | undefined;
}

/**
 * The last build's briefs as this build finds them: `gone` are those whose rows this build
 * does not keep (edited or removed), with what they were filed under then, so that the
 * pages that listed them are found without the last build's model.
 */
export interface PreviousBriefs {
  state: string;
  slugs: string[];
  changed: Set<string>;
  gone: GoneBrief[];
}

/** What a brief of the last build was filed under: its year (from its date), topics and authors. */
export interface GoneBrief {
  slug: string;
  date?: string | undefined;
  tags: string[];
  authors: string[];
}

/** The slugs of `rows` in the archive's order (site-model.ts), which the manifest's need not be. */
function archiveOrder(rows: Row[]): string[] {
  const leans = rows.map((row) => row[5]);
  const sorted = leans.every((lean, i) => i === 0 || compareBriefs(leans[i - 1]!, lean) <= 0);
  return (sorted ? leans : [...leans].sort(compareBriefs)).map((lean) => lean.slug);
}

/** A hash of rows: each brief's record, in order. */
function stateOf(rows: Row[]): string {
  const hash = createHash('sha256');
  for (const row of rows) hash.update(row[2]).update('\n');
  return hash.digest('hex').slice(0, 32);
}

/** A brief as the archive holds it, the URL policy applied again (a record may come from an older cache). */
function siteBriefOf(record: Record): SiteBrief {
  const brief: SiteBrief = { ...record.entry, bodyHash: record.bodyHash, headings: record.headings, data: record.data };
  return { ...withSafeLinks(brief).data, data: withSafeLinks(brief.data).data };
}

/** The text of a brief's part of `manifest.json` (`JSON.stringify(entries, null, 2)`, element by element). */
function manifestPart(entry: CachedBrief['entry']): string {
  return `  ${JSON.stringify(entry, null, 2).replace(/\n/g, '\n  ')}`;
}

/** The index as the last build left it: the base file with the journal's lines applied. */
export interface LoadedIndex {
  file: IndexFile;
  /** Bytes of the base file, and of the journal that applies to it (0: none, or none that applies). */
  baseBytes: number;
  journalBytes: number;
  /** The journal cannot take another line: torn by a stopped process, or left from another base. */
  spoilt: boolean;
}

/** A journal line: the manifest it was saved with, the rows dropped (their places before) and added (their places after). */
interface JournalLine {
  manifest: string;
  drop: number[];
  add: [number, Row][];
}

/** `rows` with a journal line's rows dropped and added, in one pass. */
function applyLine(rows: Row[], line: Pick<JournalLine, 'drop' | 'add'>): Row[] | undefined {
  const dropped = new Set(line.drop);
  const out: Row[] = [];
  let next = 0;
  const addNext = () => {
    while (next < line.add.length && line.add[next]![0] === out.length) out.push(line.add[next++]![1]);
  };
  rows.forEach((row, i) => {
    addNext();
    if (!dropped.has(i)) out.push(row);
  });
  addNext();
  // A line whose places do not fit the rows is not this base's.
  return next === line.add.length ? out : undefined;
}

/** The archive index as the last build left it, or undefined when there is none to use. */
export function readArchiveIndex(cacheDir: string): LoadedIndex | undefined {
  const text = readCacheText(path.join(cacheDir, INDEX_FILE));
  let file: IndexFile;
  try {
    const parsed = JSON.parse(text ?? '') as Partial<IndexFile>;
    if (parsed?.version !== VERSION || !Array.isArray(parsed.rows) || typeof parsed.id !== 'string') return undefined;
    file = parsed as IndexFile;
  } catch {
    return undefined;
  }
  const loaded: LoadedIndex = { file, baseBytes: text!.length, journalBytes: 0, spoilt: false };
  const journal = readCacheText(path.join(cacheDir, JOURNAL_FILE));
  if (journal === undefined) return loaded;
  const lines = journal.split('\n');
  let header: unknown;
  try {
    header = JSON.parse(lines[0]!);
  } catch {
    header = undefined;
  }
  // A journal of another base (left when the base was written anew) holds nothing of this one.
  if (!Array.isArray(header) || header[0] !== VERSION || header[1] !== file.id) return { ...loaded, spoilt: true };
  loaded.journalBytes = journal.length;
  for (const [i, text] of lines.slice(1).entries()) {
    if (text === '' && i === lines.length - 2) break; // the end
    let line: JournalLine;
    try {
      line = JSON.parse(text) as JournalLine;
    } catch {
      // Torn: the process stopped while writing it. What came before holds; nothing may follow it.
      return { ...loaded, spoilt: true };
    }
    const rows = Array.isArray(line.drop) && Array.isArray(line.add) ? applyLine(file.rows, line) : undefined;
    if (!rows || typeof line.manifest !== 'string') return undefined;
    file = { ...file, manifest: line.manifest, rows };
  }
  return { ...loaded, file };
}

const recordFile = (hash: string) => `${RECORDS_DIR}/${hash}.json`;

function readRecord(cacheDir: string, hash: string): Record | undefined {
  try {
    const text = readFileSync(path.join(cacheDir, recordFile(hash)), 'utf8');
    return shortHash(text) === hash ? (JSON.parse(text) as Record) : undefined;
  } catch {
    return undefined;
  }
}

/** The entry still describes the store's record of the source. */
function sameRecord(row: Row, indexed: IndexedBrief): boolean {
  const lean = row[5];
  return (
    row[1] === indexed.hash &&
    lean.slug === indexed.slug &&
    lean.bodyHash === indexed.bodyHash &&
    lean.date === indexed.date &&
    lean.pages === indexed.pages
  );
}

/** Open the archive index for this build's briefs. */
export function openArchiveIndex(input: ArchiveIndexInput): ArchiveIndex {
  const { cacheDir } = input;
  const loaded = input.fresh ? undefined : 'loaded' in input ? input.loaded : readArchiveIndex(cacheDir);
  const last = loaded?.file;
  const lastRows = new Map((last?.rows ?? []).map((row) => [row[0], row]));
  let recordsRead = 0;
  /** Rows of this build, in order; the records written anew. */
  const rows: Row[] = [];
  const newRecords = new Map<string, string>();
  /** Each row's manifest part when it was made in this run. */
  const parts = new Map<Row, string>();

  const fromRecord = (source: string, indexed: IndexedBrief, record: Record): SiteBrief => {
    const text = JSON.stringify({ entry: record.entry, data: record.data, headings: record.headings, bodyHash: record.bodyHash });
    const file = shortHash(text);
    newRecords.set(file, text);
    const brief = siteBriefOf(record);
    const keys = computeBriefKeys(brief);
    rememberBriefKeys(brief, keys);
    markChecked(brief);
    const part = manifestPart(record.entry);
    // Its page and PDF where every brief's are (core/brief-outputs.ts) go without saying.
    const canonical = (k: string) => (k === 'html' || k === 'pdf') && brief[k] === `${BRIEFS}${brief.slug}.${k}`;
    const lean = Object.fromEntries(LEAN.filter((k) => brief[k] !== undefined && !canonical(k)).map((k) => [k, brief[k]])) as Lean;
    const row: Row = [source, indexed.hash, file, Buffer.byteLength(part), keys, lean];
    parts.set(row, part);
    rows.push(row);
    return brief;
  };

  const fromStore = (source: string, indexed: IndexedBrief): SiteBrief => {
    recordsRead += 1;
    return fromRecord(source, indexed, input.late.get(source) ?? input.full(source, indexed));
  };

  /** What a stand-in is made from, and its whole brief once read. */
  const standing = new WeakMap<object, { source: string; indexed: IndexedBrief; row: Row; whole?: SiteBrief }>();
  const wholeOf = (brief: object): SiteBrief => {
    const known = standing.get(brief)!;
    if (known.whole) return known.whole;
    recordsRead += 1;
    const record = readRecord(cacheDir, known.row[2]);
    // The file gone or damaged: the store has the record.
    known.whole = siteBriefOf(record ?? input.late.get(known.source) ?? input.full(known.source, known.indexed));
    return known.whole;
  };
  // One getter per field, on the prototype of all stand-ins (ten thousand briefs make no closures of their own).
  const lazy = lazyPrototype(
    Object.fromEntries(
      LAZY.map((field) => [
        field,
        {
          enumerable: true,
          configurable: true,
          get(this: object) {
            return wholeOf(this)[field];
          },
        },
      ]),
    ),
  );

  /** A stand-in for an indexed brief: its lean fields, the rest read from its record on first use. */
  const standIn = (source: string, indexed: IndexedBrief, row: Row): SiteBrief => {
    const lean = row[5];
    const brief = Object.assign(Object.create(lazy) as object, lean, {
      html: lean.html ?? `${BRIEFS}${lean.slug}.html`,
      pdf: lean.pdf ?? `${BRIEFS}${lean.slug}.pdf`,
    }) as SiteBrief;
    standing.set(brief, { source, indexed, row });
    rememberBriefKeys(brief, row[4]);
    markChecked(brief);
    rows.push(row);
    return brief;
  };

  const briefs = input.ordered.map((source) => {
    const indexed = input.briefs.get(source)!;
    const row = lastRows.get(source);
    return !input.late.has(source) && row && sameRecord(row, indexed) ? standIn(source, indexed, row) : fromStore(source, indexed);
  });

  const changed = new Set<string>();
  for (const row of rows) if (parts.has(row)) changed.add(row[5].slug);
  const kept = new Set(rows);
  const gone = (last?.rows ?? [])
    .filter((row) => !kept.has(row))
    .map(({ 5: lean }) => ({ slug: lean.slug, date: lean.date, tags: lean.tags, authors: lean.authors.map((a) => a.name) }));
  return {
    briefs,
    get recordsRead() {
      return recordsRead;
    },
    state: stateOf(rows),
    previous: last ? { state: stateOf(last.rows), slugs: archiveOrder(last.rows), changed, gone } : undefined,
    manifest(outDir) {
      // The last manifest's parts, when it is the file the index was saved with.
      const at = new Map<string, [number, number]>();
      let offset = 2; // '[\n'
      for (const row of last?.rows ?? []) {
        at.set(row[2], [offset, offset + row[3]]);
        offset += row[3] + 2; // ',\n'
      }
      // Its length: the parts and what joins them, then '\n]\n'.
      const old = last?.rows.length ? lastManifest(outDir, last.manifest, offset + 1) : undefined;
      // Parts that lie one after another in the last manifest are copied as one piece, with the ',\n' between them.
      const pieces: Buffer[] = [];
      let run: [number, number] | undefined;
      const flush = () => {
        if (run) pieces.push(old!.subarray(run[0], run[1]));
        run = undefined;
      };
      rows.forEach((row, i) => {
        const made = parts.get(row);
        const span = old && made === undefined ? at.get(row[2]) : undefined;
        if (span && run && run[1] + 2 === span[0]) {
          run[1] = span[1];
          return;
        }
        flush();
        if (i > 0) pieces.push(Buffer.from(',\n'));
        if (span) run = [span[0], span[1]];
        else if (made !== undefined) pieces.push(Buffer.from(made));
        else {
          // No last manifest to copy from: the brief's record.
          recordsRead += 1;
          const source = row[0];
          const record = readRecord(cacheDir, row[2]) ?? input.late.get(source) ?? input.full(source, input.briefs.get(source)!);
          pieces.push(Buffer.from(manifestPart(record.entry)));
        }
      });
      flush();
      // Every part copied, in one run from the first to the last: the last manifest as it is, not written again.
      const whole = pieces[0];
      if (old && pieces.length === 1 && whole?.byteOffset === old.byteOffset + 2 && whole.length === old.length - 5) return undefined;
      // In pieces: 13 MB at 10,000 briefs is not copied into one buffer.
      return rows.length === 0 ? [Buffer.from('[]\n')] : [Buffer.from('[\n'), ...pieces, Buffer.from('\n]\n')];
    },
    async save(manifest) {
      for (const [hash, text] of newRecords) {
        if (!existsSync(path.join(cacheDir, recordFile(hash)))) await writeOutput(cacheDir, recordFile(hash), text);
      }
      const used = new Set(rows.map((row) => row[2]));
      const line = loaded && !loaded.spoilt ? journalLine(loaded.file.rows, rows, manifest) : undefined;
      if (line && loaded) {
        // Only the rows that changed, appended to the journal after the record files they name.
        if (line.drop.length === 0 && line.add.length === 0 && loaded.file.manifest === manifest) return;
        const text = `${asciiJson(JSON.stringify(line))}\n`;
        if (loaded.journalBytes + text.length <= Math.max(FOLD_MIN_BYTES, loaded.baseBytes * FOLD_SHARE)) {
          const journal = path.join(cacheDir, JOURNAL_FILE);
          const header = loaded.journalBytes === 0 ? `${JSON.stringify([VERSION, loaded.file.id])}\n` : '';
          appendFileSync(journal, header + text);
          // The records of the rows dropped, unless a row of this build names the same file.
          const gone = new Set(line.drop.map((i) => loaded.file.rows[i]![2]).filter((file) => !used.has(file)));
          await Promise.all([...gone].map((file) => removeOutput(cacheDir, recordFile(file))));
          return;
        }
      }
      // The whole index, under a new name: a journal line of the base before never applies to it.
      const index: IndexFile = { version: VERSION, id: randomUUID(), manifest, rows };
      await writeOutput(cacheDir, INDEX_FILE, `${asciiJson(JSON.stringify(index))}\n`);
      await removeOutput(cacheDir, JOURNAL_FILE);
      // Records no brief uses any more.
      const names = await readdir(path.join(cacheDir, RECORDS_DIR)).catch(() => [] as string[]);
      await Promise.all(
        names
          .filter((n) => n.endsWith('.json') && !used.has(n.slice(0, -'.json'.length)))
          .map((n) => removeOutput(cacheDir, `${RECORDS_DIR}/${n}`)),
      );
    },
  };
}

/**
 * The journal line that makes `before` into `after` (rows of `after` taken from `before` are
 * the same objects), or undefined when the rows kept changed their order (not made by an
 * edit: the whole index is written).
 */
function journalLine(before: Row[], after: Row[], manifest: string): JournalLine | undefined {
  const kept = new Set(after);
  const had = new Set(before);
  const drop: number[] = [];
  before.forEach((row, i) => {
    if (!kept.has(row)) drop.push(i);
  });
  const add: [number, Row][] = [];
  after.forEach((row, i) => {
    if (!had.has(row)) add.push([i, row]);
  });
  const line = { manifest, drop, add };
  const applied = applyLine(before, line);
  return applied?.length === after.length && applied.every((row, i) => row === after[i]) ? line : undefined;
}
