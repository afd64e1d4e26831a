/**
 * The build cache: what the last build made from each source, keyed by a content hash
 * of the source, the templates and styles, the configuration and the tool's version.
 * It lives in the cache folder beside the output folder (`config.cacheDir`, cache-dir.ts).
 *
 * The store (`state/` of the cache folder; docs/performance.md says why this one) keeps a
 * record per brief in two parts: the lean `index` part every build reads (what tells a
 * changed source from an unchanged one and names its outputs: hash, slugs, date, pages, body
 * hash, messages, the source file's size and time) and the `details` part (manifest entry,
 * front matter data, headings) read only when the archive, the packets or the manifest need
 * it. Each part is a JSON file
 * written whole now and then (`index.json`, `details.json`), and what changed since is
 * appended to a journal (`journal.jsonl`), a line per record as each brief is printed. A
 * build therefore writes only the records of the briefs it printed, and reads the details
 * only when it writes the archive. Both files are replaced by a rename, and a journal line
 * is written after the files it describes, so whatever stops a build the store holds whole
 * records of briefs whose files are written, and the mark of a build that did not finish
 * its archive; a torn last line (the process killed while writing it) is ignored.
 *
 * Each brief's body HTML is kept beside the store, one file per body (bodies.ts).
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BuildConfig } from '../core/config.js';
import type { StoredMessage } from '../core/messages.js';
import type { BriefData, Heading, ManifestEntry } from '../core/types.js';
import { writeOutput } from '../core/write-file.js';
import { asciiJson, readCacheText } from '../core/ascii-text.js';

/** The store, a folder inside the cache folder. */
export const STATE_DIR = 'state';
const INDEX_FILE = `${STATE_DIR}/index.json`;
const DETAILS_FILE = `${STATE_DIR}/details.json`;
const JOURNAL_FILE = `${STATE_DIR}/journal.jsonl`;
/** The whole-file state of earlier versions, imported once into the store. */
export const OLD_STATE_FILE = 'state.json';
const STATE_VERSION = 4;
/** The store before its index was lean (manifest entries in the index): read, and rewritten as this version once. */
const FAT_INDEX_VERSION = 3;
const OLD_STATE_VERSION = 2;
/** The journal is folded into the files once it holds this share of their size (or 1 MB), so reading it stays cheap. */
const COMPACT_SHARE = 0.25;
const COMPACT_MIN_BYTES = 1 << 20;

/** What a source's file looked like when its record was made: an unchanged look spares reading it. */
export interface Fingerprint {
  size: number;
  mtimeMs: number;
  /** When it was taken (ms since 1970): a file changed in the same instant cannot be told by its time. */
  at: number;
  /** The build key the record was made with: under another, the source is read and hashed again. */
  key: string;
}

export interface CachedBrief {
  /** Hash of the source bytes together with the build key. */
  hash: string;
  /** Slug from the title (or `slug:`), before duplicates were resolved. */
  baseSlug: string;
  entry: ManifestEntry;
  data: BriefData;
  /** Hash of the body HTML, kept in `bodies/<hash>.html` of the cache folder (bodies.ts). */
  bodyHash: string;
  headings: Heading[];
  /** Warnings and notes of the last build, shown again on every build. */
  messages: StoredMessage[];
}

/**
 * What every build reads of every brief: enough to tell whether its source changed, to name
 * its outputs (`briefs/<slug>.*`: core/brief-outputs.ts), to order the archive and count
 * pages; its manifest entry, data and headings are in the details part (`BuildStore.full`).
 */
export interface IndexedBrief {
  hash: string;
  baseSlug: string;
  /** The slug it was written under (its entry's). */
  slug: string;
  /** Its entry's date: the archive's order. */
  date?: string;
  pages: number;
  /** It has a picture of page 1 (`briefs/<slug>.jpg`). */
  cover?: true;
  bodyHash: string;
  messages: StoredMessage[];
  stat?: Fingerprint;
}

/** The index part of a whole record. */
export function indexPart(
  brief: Pick<CachedBrief, 'hash' | 'baseSlug' | 'entry' | 'bodyHash' | 'messages'> & { stat?: Fingerprint | undefined },
  stat = brief.stat,
): IndexedBrief {
  const { entry } = brief;
  return {
    hash: brief.hash,
    baseSlug: brief.baseSlug,
    slug: entry.slug,
    ...(entry.date !== undefined ? { date: entry.date } : {}),
    pages: entry.pages,
    ...(entry.cover ? { cover: true as const } : {}),
    bodyHash: brief.bodyHash,
    messages: brief.messages,
    ...(stat ? { stat } : {}),
  };
}

/** A cached brief with its body, as shard manifests carry it (they travel without the cache folder). */
export interface ShippedBrief extends CachedBrief {
  body: string;
}

type Details = Pick<CachedBrief, 'entry' | 'data' | 'headings'>;

export interface BuildStore {
  /** The last build stopped before it wrote its archive: some briefs are newer than the archive's pages. */
  readonly incomplete: boolean;
  /** Archive pages written by the last complete build, relative to the output folder. */
  readonly archiveFiles: string[];
  /** Every brief's indexed part, by source path relative to the project root (a copy). */
  index(): Map<string, IndexedBrief>;
  /** One brief's indexed part. */
  indexed(source: string): IndexedBrief | undefined;
  /**
   * The whole record of a brief whose indexed part is `indexed`: the first call reads the
   * details part. Usable after `close` until another build changes the store.
   */
  full(source: string, indexed: IndexedBrief): CachedBrief;
  /** Say that outputs are about to change before the archive does (kept until `save`); on disk at once. */
  markIncomplete(): void;
  /** Keep a printed brief's record (written in order after the writes asked for before it; `flushed` waits for it). */
  put(source: string, brief: CachedBrief, stat?: Fingerprint): void;
  /** Keep a newer fingerprint of an unchanged source. */
  touch(source: string, indexed: IndexedBrief, stat: Fingerprint): void;
  /**
   * After a complete build: these records too, no record for any other source than `sources`,
   * and the archive's files; the build is complete.
   */
  save(sources: ReadonlySet<string>, late: Map<string, CachedBrief>, archiveFiles: string[]): Promise<void>;
  /** Every write asked for so far is on disk. */
  flushed(): Promise<void>;
  close(): Promise<void>;
}

interface IndexFile {
  version: number;
  archiveFiles: string[];
  incomplete?: boolean;
  briefs: Record<string, IndexedBrief>;
}

/** A record's index part as the store's fat-index version kept it: with the brief's manifest entry. */
type FatIndexed = Omit<CachedBrief, 'data' | 'headings'> & { stat?: Fingerprint };

/** A journal line: what changed since the files were written. */
type Entry =
  | ['version', number]
  | ['put', string, IndexedBrief, Details]
  | ['touch', string, Fingerprint]
  | ['delete', string]
  | ['files', string[]]
  | ['incomplete' | 'complete' | 'reset'];

/** Details are stored by source and record hash: a record's details never stand for another version of it. */
const detailsId = (source: string, hash: string) => `${source}\u0000${hash}`;

const knownVersion = (version: unknown) => version === STATE_VERSION || version === FAT_INDEX_VERSION;

function parseJson<T>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

// The index (6 MB at 10,000 briefs) is ASCII: read as one-byte text (core/ascii-text.ts).
const readIfThere = async (file: string) => readCacheText(file);

/** Open the store of `cacheDir`; with `fresh`, forget every record first (`--force`). */
export async function openStore(cacheDir: string, fresh = false): Promise<BuildStore> {
  const at = (rel: string) => path.join(cacheDir, rel);
  let indexFile = parseJson<IndexFile>(await readIfThere(at(INDEX_FILE)));
  if (!knownVersion(indexFile?.version) || !indexFile?.briefs || typeof indexFile.briefs !== 'object') indexFile = undefined;
  /**
   * The manifest entries of records read from a store of the fat index's version, by
   * `detailsId`: their details lack them until the store is written again (at once, below).
   */
  const fatEntries = new Map<string, ManifestEntry>();
  const lean = (source: string, record: IndexedBrief | FatIndexed, version: number | undefined): IndexedBrief => {
    if (version === STATE_VERSION) return record as IndexedBrief;
    const fat = record as FatIndexed;
    fatEntries.set(detailsId(source, fat.hash), fat.entry);
    return indexPart(fat);
  };
  const briefs = new Map<string, IndexedBrief>(
    Object.entries(indexFile?.briefs ?? {}).map(([source, record]) => [source, lean(source, record, indexFile!.version)]),
  );
  let archiveFiles = Array.isArray(indexFile?.archiveFiles) ? indexFile.archiveFiles : [];
  let incomplete = indexFile?.incomplete === true;
  /** Details written since the details file, by `detailsId`. */
  const newDetails = new Map<string, Details>();
  let journalBytes = 0;

  const journalText = await readIfThere(at(JOURNAL_FILE));
  const lines = journalText?.split('\n') ?? [];
  const journalVersion = parseJson<Entry>(lines[0])?.[1];
  const journalApplies =
    knownVersion(journalVersion) && (indexFile ? journalVersion === indexFile.version : !(await readIfThere(at(DETAILS_FILE))));
  if (journalApplies) {
    journalBytes = journalText!.length;
    for (const line of lines.slice(1)) {
      const entry = parseJson<Entry>(line);
      if (!entry) break; // a torn last line: the process stopped while writing it
      apply(entry, journalVersion as number);
    }
  } else if (journalText !== undefined) {
    // Of another version, or left when the files were written: nothing in it holds; new lines must not follow it.
    await rm(at(JOURNAL_FILE), { force: true });
  }
  function apply(entry: Entry, version: number): void {
    switch (entry[0]) {
      case 'put':
        briefs.set(entry[1], lean(entry[1], entry[2], version));
        newDetails.set(detailsId(entry[1], entry[2].hash), entry[3]);
        break;
      case 'touch': {
        const known = briefs.get(entry[1]);
        if (known) briefs.set(entry[1], { ...known, stat: entry[2] });
        break;
      }
      case 'delete':
        briefs.delete(entry[1]);
        break;
      case 'files':
        archiveFiles = entry[1];
        break;
      case 'incomplete':
        incomplete = true;
        break;
      case 'complete':
        incomplete = false;
        break;
      case 'reset':
        briefs.clear();
        newDetails.clear();
        archiveFiles = [];
        break;
    }
  }

  let details: Record<string, Details> | undefined;
  const detailsFile = (): Record<string, Details> => {
    if (!details) {
      const text = readCacheText(at(DETAILS_FILE));
      const parsed = parseJson<{ version: number; details: Record<string, Details> }>(text);
      details = knownVersion(parsed?.version) && parsed?.details ? parsed.details : {};
    }
    return details;
  };

  /**
   * Journal lines go to disk synchronously, through one descriptor opened for appending: each
   * is small, and their order is the order things happened.
   */
  let journal: number | undefined;
  const append = (entry: Entry) => {
    if (journal === undefined) {
      mkdirSync(at(STATE_DIR), { recursive: true });
      journal = openSync(at(JOURNAL_FILE), 'a');
    }
    if (journalBytes === 0) journalBytes += writeSync(journal, `${JSON.stringify(['version', STATE_VERSION])}\n`);
    journalBytes += writeSync(journal, `${JSON.stringify(entry)}\n`);
  };
  const closeJournal = () => {
    if (journal !== undefined) closeSync(journal);
    journal = undefined;
  };

  // Writes in order: a record's line follows every write asked for before it (the brief's files are written by then).
  let pending: Promise<void> = Promise.resolve();
  let failure: unknown;
  const later = (work: () => void) => {
    pending = pending.then(() => {
      if (failure === undefined) {
        try {
          work();
        } catch (error) {
          failure = error;
        }
      }
    });
  };
  const flushed = async () => {
    await pending;
    if (failure !== undefined) throw failure;
  };

  const putRecord = (source: string, brief: CachedBrief & { stat?: Fingerprint }, stat?: Fingerprint) => {
    const record = indexPart(brief, stat ?? brief.stat);
    const details: Details = { entry: brief.entry, data: brief.data, headings: brief.headings };
    briefs.set(source, record);
    newDetails.set(detailsId(source, record.hash), details);
    later(() => append(['put', source, record, details]));
  };
  /** A record's details, with its entry (from the fat index it was read from, if need be). */
  const detailsOf = (source: string, hash: string): Details | undefined => {
    const id = detailsId(source, hash);
    const found = newDetails.get(id) ?? detailsFile()[id];
    if (!found) return undefined;
    const entry = (found.entry as ManifestEntry | undefined) ?? fatEntries.get(id);
    return entry ? { ...found, entry } : undefined;
  };

  /** Fold the journal into the two files, then start a new journal. */
  const compact = async () => {
    const keptDetails: Record<string, Details> = {};
    const sorted = [...briefs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [source, brief] of sorted) {
      const found = detailsOf(source, brief.hash);
      if (found) keptDetails[detailsId(source, brief.hash)] = found;
    }
    const index: IndexFile = {
      version: STATE_VERSION,
      archiveFiles,
      ...(incomplete ? { incomplete } : {}),
      briefs: Object.fromEntries(sorted),
    };
    // Details first: an index never names a record whose details the files lack.
    await writeOutput(cacheDir, DETAILS_FILE, JSON.stringify({ version: STATE_VERSION, details: keptDetails }));
    await writeOutput(cacheDir, INDEX_FILE, asciiJson(JSON.stringify(index)));
    closeJournal();
    await rm(at(JOURNAL_FILE), { force: true });
    details = keptDetails;
    newDetails.clear();
    fatEntries.clear();
    journalBytes = 0;
  };

  // A store of the fat index's version is written as this version at once (no brief is printed again for it).
  if (indexFile?.version === FAT_INDEX_VERSION || (journalApplies && journalVersion === FAT_INDEX_VERSION)) await compact();
  if (!indexFile && !fresh) {
    const imported = await importOldState(cacheDir);
    if (imported) {
      for (const [source, brief] of Object.entries(imported.briefs)) putRecord(source, brief);
      archiveFiles = imported.archiveFiles;
      later(() => append(['files', archiveFiles]));
      if (imported.incomplete) later(() => append(['incomplete']));
      incomplete = imported.incomplete;
      await flushed();
      await rm(at(OLD_STATE_FILE), { force: true });
    }
  }
  if (fresh && (briefs.size > 0 || archiveFiles.length > 0)) {
    briefs.clear();
    newDetails.clear();
    archiveFiles = [];
    append(['reset']);
  }

  return {
    get incomplete() {
      return incomplete;
    },
    get archiveFiles() {
      return archiveFiles;
    },
    index: () => new Map(briefs),
    indexed: (source) => briefs.get(source),
    full(source, indexed) {
      const found = detailsOf(source, indexed.hash);
      if (!found) throw new Error(`the build cache has no details of ${source}`);
      const { hash, baseSlug, bodyHash, messages } = indexed;
      return { hash, baseSlug, entry: found.entry, data: found.data, bodyHash, headings: found.headings, messages };
    },
    markIncomplete() {
      if (incomplete) return;
      incomplete = true;
      append(['incomplete']);
    },
    put: putRecord,
    touch(source, indexed, stat) {
      briefs.set(source, { ...indexed, stat });
      later(() => append(['touch', source, stat]));
    },
    async save(sources, late, files) {
      await flushed();
      for (const source of [...briefs.keys()]) {
        if (sources.has(source)) continue;
        briefs.delete(source);
        append(['delete', source]);
      }
      for (const [source, brief] of late) putRecord(source, brief);
      await flushed();
      if (JSON.stringify(files) !== JSON.stringify(archiveFiles)) {
        archiveFiles = files;
        append(['files', files]);
      }
      if (incomplete) append(['complete']);
      incomplete = false;
      const size = (await stat(at(INDEX_FILE)).catch(() => undefined))?.size ?? 0;
      if (journalBytes > Math.max(COMPACT_MIN_BYTES, size * COMPACT_SHARE) || (size === 0 && journalBytes > 0)) await compact();
    },
    flushed,
    async close() {
      try {
        await flushed();
      } finally {
        closeJournal();
      }
    },
  };
}

/**
 * The whole-file state of briefpress before the store (`state.json`, moved here with the
 * rest of an old cache: see move-old-cache.ts): its records become the store's, once.
 */
async function importOldState(
  cacheDir: string,
): Promise<{ briefs: Record<string, CachedBrief>; archiveFiles: string[]; incomplete: boolean } | undefined> {
  const old = parseJson<{ version?: number; briefs?: Record<string, CachedBrief>; archiveFiles?: string[]; incomplete?: boolean }>(
    await readIfThere(path.join(cacheDir, OLD_STATE_FILE)),
  );
  if (old?.version !== OLD_STATE_VERSION || !old.briefs || typeof old.briefs !== 'object') return undefined;
  return { briefs: old.briefs, archiveFiles: Array.isArray(old.archiveFiles) ? old.archiveFiles : [], incomplete: old.incomplete === true };
}

async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Where the hash of the code and templates is kept, with what their files looked like (`buildKey`). */
const CODE_KEY_FILE = 'code-key.json';
/** A file modified this close to when its look was taken may change again unseen (as for sources: read-sources.ts). */
const RACY_MS = 3000;

/**
 * One hash of everything besides the source that shapes a brief's outputs: the tool's
 * version and code, the templates and styles, and the resolved configuration.
 *
 * The code and templates (hundreds of files) are read and hashed only when one of them
 * looks different (name, size, modification time) from when their hash was kept in the
 * cache folder; otherwise the kept hash is used, as unchanged sources are not read.
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
  return hash.update(await codeHash(templatesDir, cacheDir)).digest('hex');
}

/** The hash of the templates (but their packet covers) and of this code, by name and content. */
async function codeHash(templatesDir: string, cacheDir: string): Promise<string> {
  const codeDir = path.dirname(path.dirname(new URL(import.meta.url).pathname));
  const files: { file: string; name: string }[] = [];
  for (const [dir, label] of [
    [templatesDir, 'templates'],
    [codeDir, 'code'],
  ] as const) {
    for (const file of await filesBelow(dir)) {
      if (label === 'templates' && file.startsWith(path.join(templatesDir, 'packet') + path.sep)) continue;
      files.push({ file, name: `${label}/${path.relative(dir, file)}` });
    }
  }
  const stats = await Promise.all(files.map(({ file }) => stat(file).catch(() => undefined)));
  const now = Date.now();
  const look = createHash('sha256');
  let racy = false;
  files.forEach(({ file }, i) => {
    const info = stats[i];
    look.update(`${file}\0${info?.size}\0${info?.mtimeMs}\n`);
    if (!info || now - info.mtimeMs < RACY_MS) racy = true;
  });
  const looks = look.digest('hex');
  const kept = parseJson<{ look: string; hash: string }>(await readIfThere(path.join(cacheDir, CODE_KEY_FILE)));
  if (!racy && kept?.look === looks && typeof kept.hash === 'string') return kept.hash;
  const contents = await Promise.all(files.map(({ file }) => readFile(file)));
  const hash = createHash('sha256');
  files.forEach(({ name }, i) => hash.update(name).update(contents[i]!));
  const digest = hash.digest('hex');
  if (!racy) await writeOutput(cacheDir, CODE_KEY_FILE, JSON.stringify({ look: looks, hash: digest })).catch(() => {});
  return digest;
}

export function sourceHash(key: string, bytes: Uint8Array): string {
  return createHash('sha256').update(key).update(bytes).digest('hex');
}

/**
 * One hash of a build's briefs, from the index alone: each source with its hash (its bytes
 * and the build key), slug, date and pages. Equal digests mean the same entries and PDFs
 * (a brief is made from its source and the build key), so what is made from all briefs
 * (the packets) can be taken from the last build without reading their records.
 */
export function briefsDigest(briefs: ReadonlyMap<string, IndexedBrief>): string {
  const hash = createHash('sha256');
  for (const source of [...briefs.keys()].sort()) {
    const b = briefs.get(source)!;
    hash.update(JSON.stringify([source, b.hash, b.slug, b.date ?? null, b.pages])).update('\n');
  }
  return hash.digest('hex');
}
