/**
 * One part of the full-text search index (see search-parts.ts), built in Node in
 * MiniSearch's serialized form and shipped as a script that adds it to a global list, so
 * search works without a server and from `file://` (where `fetch` of a JSON file is
 * refused). The page loads minisearch's browser build and the parts, then calls
 * `MiniSearch.loadJS(index, options)` on each with the options it carries.
 *
 * The index is canonical: a function of the documents only, never of the order they were
 * added or removed in. Document short ids are archive positions, terms are sorted, field
 * length averages are summed in archive order. So a rebuild can update the last build's
 * index, re-tokenizing only the briefs that changed, and still ship the bytes a fresh
 * build ships. (MiniSearch's own `discard` + `add` would not: discarded documents stay in
 * the postings until vacuumed, new ones get fresh short ids, and its radix tree
 * serializes terms in insertion order.) Documents are tokenized exactly as MiniSearch's
 * `add` does, with the tokenizer and term processing of search-terms.ts.
 */
import { mergePostings, type Postings, tokenizeDocument } from './search-postings.js';
import { escapeScript, splicePayload } from './search-splice.js';
import type { SiteBrief } from '../model/site-model.js';
import { briefKeys } from '../model/brief-keys.js';
import { fileSize, pageCount } from '../../render/template-filters.js';
import { shortHash } from '../../core/short-hash.js';

/** The options the browser must use to load the index (kept in the shipped script). */
export const SEARCH_OPTIONS = {
  idField: 'id',
  fields: ['title', 'summary', 'tags', 'authors', 'headings', 'text'],
  storeFields: ['title', 'date', 'kind', 'summary', 'url', 'pdf', 'pdfMeta'],
} as const;

/** Bump when the documents or their tokens change meaning, so no older index is updated in place. */
const INDEX_FORMAT = 3;

export interface SearchDocument {
  id: number;
  title: string;
  date: string;
  kind: string;
  summary: string;
  /** Output-relative paths; the page prefixes them with its own root. */
  url: string;
  pdf: string;
  /** "2 pages · 48 KB" */
  pdfMeta: string;
  tags: string;
  authors: string;
  headings: string;
  text: string;
}

const BLOCK_TAG =
  /<\/?(?:address|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|ol|p|pre|section|table|td|th|tr|ul)\b[^>]*>/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Plain text of a sanitized HTML fragment (the output of rehype-sanitize and
 * rehype-stringify: well-formed, no comments or scripts), for the search index. A
 * tag-stripper rather than a parser: ten times faster at thousands of briefs.
 */
export function bodyText(html: string): string {
  return html
    .replace(BLOCK_TAG, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#x([\da-f]+)|#(\d+)|([a-z]+));/gi, (all, hex: string, dec: string, name: string) => {
      if (hex || dec) {
        const code = Number.parseInt(hex ?? dec, hex ? 16 : 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
      }
      return NAMED[name.toLowerCase()] ?? all;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** A brief's search document at archive position `id`; `text` is its body's plain text. */
export function searchDocument(b: Omit<SiteBrief, 'bodyHash'>, id: number, text: string): SearchDocument {
  return {
    id,
    title: b.title,
    date: b.date ?? '',
    kind: b.kind,
    summary: b.summary ?? '',
    url: b.html,
    pdf: b.pdf,
    pdfMeta: `${pageCount(b.pages)} · ${fileSize(b.pdf_bytes)}`,
    tags: b.tags.join(' '),
    authors: b.authors.map((a) => a.name).join(' '),
    headings: b.headings.map((h) => h.text).join(' '),
    text,
  };
}

/** What the next build needs to update this index in place: the key in its header, and each document's key by position. */
export interface SearchIndexState {
  key: string;
  /** `[url, document key]` in archive order (the position is the document's short id). */
  docs: [string, string][];
}

export interface SearchIndexInput {
  /** In archive order. */
  briefs: SiteBrief[];
  /** Each brief's digest by slug (SiteModel). */
  digest: Map<string, string>;
  /** A brief's body HTML (only asked for briefs whose document changed). */
  body: (brief: SiteBrief) => Promise<string>;
  /** Hash of the code that makes documents and tokens (this module, MiniSearch's version). */
  salt: string;
  /** The last build's script and state, to update instead of building from nothing. */
  previous?: { script: string; state: SearchIndexState };
  /**
   * Each brief's document key (`documentKeysOf`), when worked out by the caller: a worker
   * thread gets copies of the briefs, without the keys they were read from the archive index with.
   */
  keys?: string[];
}

/** A part to build where the bodies are read from the build cache folder `cacheDir` (a worker thread can). */
export type SearchPartJob = Omit<SearchIndexInput, 'body'> & { cacheDir: string };

export interface SearchIndexResult {
  script: string;
  state: SearchIndexState;
  /** How many documents were tokenized (all of them for a fresh index). */
  indexed: number;
  /** The last script as it was, updated as text, parsed and merged, or built from nothing. */
  how: 'unchanged' | 'spliced' | 'merged' | 'built';
}

const sha = (...parts: string[]) => shortHash(parts.join('\0'));

/**
 * Key of a brief's document: its entry's digest (see SiteModel: the fields besides the text
 * come from the entry), its headings, and the hash of the body the text comes from.
 */
function documentKey(brief: SiteBrief, digest: Map<string, string>, salt: string): string {
  return sha(salt, digest.get(brief.slug) ?? '', briefKeys(brief).headings, brief.bodyHash);
}

/** The script's first line names the index's key, so an unchanged index is neither rebuilt nor rewritten. */
export function searchIndexHeader(key: string): string {
  return `/* Generated by briefpress: a part of the archive's search index (MiniSearch), documents ${key}. */\n`;
}

const PREFIX = '(window.briefpressSearchParts = window.briefpressSearchParts || []).push(';
const SUFFIX = ');\n';

/** The JSON text `{"options":…,"index":…}` a part's script carries (after its header). */
export function searchPayload(script: string): string {
  const start = script.indexOf(PREFIX);
  if (start < 0 || !script.endsWith(SUFFIX)) throw new Error('not a part of the search index');
  return script.slice(start + PREFIX.length, script.length - SUFFIX.length);
}

interface SerializedIndex {
  documentCount: number;
  nextId: number;
  documentIds: Record<number, number>;
  fieldIds: Record<string, number>;
  fieldLength: Record<number, number[]>;
  averageFieldLength: number[];
  storedFields: Record<number, Record<string, string>>;
  dirtCount: number;
  index: [string, Postings][];
  serializationVersion: number;
}

function storedFields(doc: SearchDocument): Record<string, string> {
  return Object.fromEntries(SEARCH_OPTIONS.storeFields.map((f) => [f, doc[f]]));
}

/** The last build's script and state, if they belong together and were made by this code with these options. */
function checkPrevious(previous: SearchIndexInput['previous'], salt: string): { payload: string; docs: [string, string][] } | undefined {
  if (!previous || !Array.isArray(previous.state.docs)) return undefined;
  const { script, state } = previous;
  const header = searchIndexHeader(state.key);
  if (
    !script.startsWith(header) ||
    !script.startsWith(PREFIX, header.length) ||
    !script.endsWith(SUFFIX) ||
    state.key !==
      indexKey(
        state.docs.map(([, k]) => k),
        salt,
      )
  )
    return undefined;
  const payload = script.slice(header.length + PREFIX.length, script.length - SUFFIX.length);
  const n = state.docs.length;
  return payload.startsWith(`{"options":${JSON.stringify(SEARCH_OPTIONS)},"index":{"documentCount":${n},"nextId":${n},`)
    ? { payload, docs: state.docs }
    : undefined;
}

function parseIndex(payload: string): SerializedIndex | undefined {
  try {
    const index = (JSON.parse(payload) as { index: SerializedIndex }).index;
    return index.serializationVersion === 2 && Array.isArray(index.index) ? index : undefined;
  } catch {
    return undefined;
  }
}

function indexKey(documentKeys: string[], salt: string): string {
  return sha(String(INDEX_FORMAT), salt, JSON.stringify(SEARCH_OPTIONS), ...documentKeys);
}

/** The key of the index of `briefs` (in archive order), named in the script's header. */
export function searchIndexKey(briefs: SiteBrief[], digest: Map<string, string>, salt: string): string {
  return indexKey(documentKeys(briefs, digest, salt), salt);
}

const known = new WeakMap<SiteBrief[], { digest: Map<string, string>; salt: string; keys: string[] }>();

/** The documents' keys, worked out once for a list of briefs (the index's key and the index both need them). */
function documentKeys(briefs: SiteBrief[], digest: Map<string, string>, salt: string): string[] {
  const last = known.get(briefs);
  if (last?.digest === digest && last.salt === salt && last.keys.length === briefs.length) return last.keys;
  const keys = briefs.map((b) => documentKey(b, digest, salt));
  known.set(briefs, { digest, salt, keys });
  return keys;
}

/** Each brief's document key, as `buildSearchIndex` works them out. */
export function documentKeysOf(input: Pick<SearchIndexInput, 'briefs' | 'digest' | 'salt'>): string[] {
  return documentKeys(input.briefs, input.digest, input.salt);
}

/**
 * Which briefs' documents `buildSearchIndex` makes again (by position; all of them without a
 * usable previous index): the only briefs whose fields beyond the keys it reads.
 */
export function documentsToMake(input: Omit<SearchIndexInput, 'body'>): (i: number) => boolean {
  const keys = input.keys ?? documentKeys(input.briefs, input.digest, input.salt);
  if (
    input.previous?.state.key === indexKey(keys, input.salt) &&
    input.previous.script.startsWith(searchIndexHeader(input.previous.state.key))
  )
    return () => false;
  const previous = checkPrevious(input.previous, input.salt);
  if (!previous) return () => true;
  const kept = new Set(previous.docs.map(([url, docKey]) => `${url}\0${docKey}`));
  return (i) => !kept.has(`${input.briefs[i]!.html}\0${keys[i]}`);
}

/** Bounded concurrent map, results in input order. */
async function mapLimit<T, R>(items: T[], limit: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i]!, i);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The script of a part of the search index (adding `{options, index}` to `window.briefpressSearchParts`) for
 * `briefs`, updated from `previous` when given: documents whose key is unchanged keep
 * their postings (renumbered to their new positions); the others are tokenized again.
 * When nothing changed, the previous script is returned as is.
 */
export async function buildSearchIndex(input: SearchIndexInput): Promise<SearchIndexResult> {
  const { briefs, salt } = input;
  const keys = input.keys ?? documentKeys(briefs, input.digest, salt);
  const key = indexKey(keys, salt);
  const state: SearchIndexState = { key, docs: briefs.map((b, i) => [b.html, keys[i]!]) };
  if (input.previous?.state.key === key && input.previous.script.startsWith(searchIndexHeader(key))) {
    return { script: input.previous.script, state, indexed: 0, how: 'unchanged' };
  }
  const previous = checkPrevious(input.previous, salt);

  // Which old document (by short id) each kept brief was; the others are indexed again.
  const oldPosition = new Map<string, number>();
  previous?.docs.forEach(([url, docKey], i) => oldPosition.set(`${url}\0${docKey}`, i));
  const renumber = new Int32Array(previous?.docs.length ?? 0).fill(-1);
  const fresh: number[] = [];
  briefs.forEach((b, i) => {
    const old = oldPosition.get(`${b.html}\0${keys[i]}`);
    if (old === undefined) fresh.push(i);
    else renumber[old] = i;
  });

  // The new documents' postings, one body at a time.
  const added = new Map<string, Postings>();
  const fieldLength: Record<number, number[]> = {};
  const stored: Record<number, Record<string, string>> = {};
  await mapLimit(fresh, 8, async (i) => {
    const doc = searchDocument(briefs[i]!, i, bodyText(await input.body(briefs[i]!)));
    fieldLength[i] = tokenizeDocument(SEARCH_OPTIONS.fields, doc, i, added);
    stored[i] = storedFields(doc);
  });
  const done = (payload: string, how: SearchIndexResult['how']) => ({
    script: `${searchIndexHeader(key)}${PREFIX}${payload}${SUFFIX}`,
    state,
    indexed: fresh.length,
    how,
  });

  // No brief moved: the last index is updated as text (search-splice.ts).
  const fieldCount = SEARCH_OPTIONS.fields.length;
  if (previous && briefs.length === previous.docs.length && renumber.every((to, from) => to === from || to === -1)) {
    const stale = [...renumber.keys()].filter((from) => renumber[from] === -1);
    const spliced =
      stale.length <= 64
        ? splicePayload(previous.payload, { stale, added, fieldLength, storedFields: stored, fieldCount, documentCount: briefs.length })
        : undefined;
    if (spliced !== undefined) return done(spliced, 'spliced');
  }

  // Otherwise the last index is parsed, and its postings renumbered and merged with the new.
  const last = previous && parseIndex(previous.payload);
  if (previous && !last) return buildSearchIndex({ ...input, previous: undefined });
  for (const [old, i] of renumber.entries()) {
    if (i === -1) continue;
    const lengths = last!.fieldLength[old];
    const fields = last!.storedFields[old];
    if (!lengths || !fields) return buildSearchIndex({ ...input, previous: undefined });
    fieldLength[i] = lengths;
    stored[i] = fields;
  }
  const index = mergePostings(last?.index ?? [], renumber, added, fieldCount);
  const totals = new Array<number>(fieldCount).fill(0);
  for (let i = 0; i < briefs.length; i++) for (let f = 0; f < fieldCount; f++) totals[f]! += fieldLength[i]![f] ?? 0;
  const serialized: SerializedIndex = {
    documentCount: briefs.length,
    nextId: briefs.length,
    documentIds: Object.fromEntries(briefs.map((_, i) => [i, i])),
    fieldIds: Object.fromEntries(SEARCH_OPTIONS.fields.map((f, i) => [f, i])),
    fieldLength,
    averageFieldLength: briefs.length ? totals.map((t) => t / briefs.length) : [],
    storedFields: stored,
    dirtCount: 0,
    index,
    serializationVersion: 2,
  };
  // `<` escaped so the data can never close a script element, whatever a brief contains.
  return done(escapeScript(JSON.stringify({ options: SEARCH_OPTIONS, index: serialized })), last ? 'merged' : 'built');
}
