/**
 * The simple YAML of front matter: one-line strings, lists of them and lists of string
 * records, as the yaml library writes them with `stringify(value, { lineWidth: 0 })`.
 * Written here for a fraction of the library's cost, and read back the same way: a text
 * is read here only when writing what was read gives that very text, so the library
 * would read the same values from it. Anything else (control characters, line breaks,
 * numbers, empty lists, comments, other layouts) is left to the library.
 */
import { Document } from 'yaml';

/** The tags a plain scalar must not look like (numbers, booleans, null), from the library's own schema. */
const { tags, compat } = new Document().schema;
const tagTests = [...tags, ...(compat ?? [])].flatMap((tag) =>
  'test' in tag && tag.default === true && tag.tag !== 'tag:yaml.org,2002:str' && tag.test ? [tag.test] : [],
);
const looksTagged = (value: string) => tagTests.some((test) => test.test(value));
/** Characters the library always writes double-quoted and escaped; and line breaks. */
const special = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
/** What makes the library quote a one-line string: indicators first, `: `, ` #`, a space or colon at the end. */
const indicators = /^[\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|:[ \t]|[\t ]#|[\t :]$/;
const documentMarker = /^(?:%|---|\.\.\.)/;

/** A one-line string as the library writes it (plain, or quoted as it would quote it), or undefined to leave it to the library. */
function scalar(value: string): string | undefined {
  if (special.test(value)) return undefined;
  if (!indicators.test(value)) {
    if (documentMarker.test(value)) return undefined;
    if (!looksTagged(value)) return value;
  }
  // Single quotes for text with double quotes only; else double quotes (then JSON's escapes are YAML's).
  return value.includes('"') && !value.includes("'") ? `'${value}'` : JSON.stringify(value);
}
const isKey = (key: string) => /^[a-z][a-z_]{0,40}$/.test(key) && scalar(key) === key;

/** `data` as YAML, as `stringify(data, { lineWidth: 0 })` writes it; undefined when it is not of the simple kind. */
export function writeSimpleYaml(data: Record<string, unknown>): string | undefined {
  const seen = new Set<object>();
  let out = '';
  for (const [key, value] of Object.entries(data)) {
    if (!isKey(key)) return undefined;
    if (typeof value === 'string') {
      const text = scalar(value);
      if (text === undefined) return undefined;
      out += `${key}: ${text}\n`;
      continue;
    }
    if (!Array.isArray(value) || value.length === 0 || seen.has(value)) return undefined;
    seen.add(value);
    out += `${key}:\n`;
    for (const item of value as unknown[]) {
      if (typeof item === 'string') {
        const text = scalar(item);
        if (text === undefined) return undefined;
        out += `  - ${text}\n`;
        continue;
      }
      if (!item || typeof item !== 'object' || Object.getPrototypeOf(item) !== Object.prototype || seen.has(item)) return undefined;
      seen.add(item);
      const entries = Object.entries(item);
      if (entries.length === 0) return undefined;
      let prefix = '  - ';
      for (const [k, v] of entries) {
        const text = typeof v === 'string' ? scalar(v) : undefined;
        if (!isKey(k) || text === undefined) return undefined;
        out += `${prefix}${k}: ${text}\n`;
        prefix = '    ';
      }
    }
  }
  return out || undefined;
}

const keyPattern = String.raw`([a-z][a-z_]{0,40})`;
const topEntry = new RegExp(`^${keyPattern}:(?: (.+))?$`);
const itemEntry = new RegExp(`^  - ${keyPattern}: (.+)$`);
const itemMore = new RegExp(`^    ${keyPattern}: (.+)$`);

/** A scalar as written (plain, 'single' or "double" quoted) → its value, if this module would write that value so. */
function readScalar(text: string): string | undefined {
  let value: unknown = text;
  if (text.startsWith("'")) value = text.length >= 2 && text.endsWith("'") ? text.slice(1, -1) : undefined;
  else if (text.startsWith('"')) {
    try {
      value = JSON.parse(text);
    } catch {
      return undefined;
    }
  }
  return typeof value === 'string' && scalar(value) === text ? value : undefined;
}

/**
 * Values from simple YAML, when `writeSimpleYaml` writes exactly `text` for them (then the
 * library reads the same values from it: what it writes it reads back). Otherwise undefined.
 */
export function readSimpleYaml(text: string): Record<string, unknown> | undefined {
  if (!text.endsWith('\n')) return undefined;
  const data: Record<string, unknown> = {};
  let list: unknown[] | undefined;
  let record: Record<string, string> | undefined;
  for (const line of text.slice(0, -1).split('\n')) {
    let m: RegExpExecArray | null;
    let value: string | undefined;
    if ((m = itemMore.exec(line)) && record) {
      if ((value = readScalar(m[2]!)) === undefined || m[1]! in record) return undefined;
      record[m[1]!] = value;
    } else if ((m = itemEntry.exec(line)) && list) {
      if ((value = readScalar(m[2]!)) === undefined) return undefined;
      list.push((record = { [m[1]!]: value }));
    } else if (line.startsWith('  - ') && list) {
      if ((value = readScalar(line.slice(4))) === undefined) return undefined;
      list.push(value);
      record = undefined;
    } else if ((m = topEntry.exec(line))) {
      if (m[1]! in data) return undefined;
      list = record = undefined;
      if (m[2] === undefined) data[m[1]!] = list = [];
      else if ((value = readScalar(m[2])) === undefined) return undefined;
      else data[m[1]!] = value;
    } else return undefined;
  }
  return writeSimpleYaml(data) === text ? data : undefined;
}
