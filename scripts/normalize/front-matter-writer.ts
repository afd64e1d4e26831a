/** Front matter out: the known keys in the order of `FRONT_MATTER_KEYS`, as YAML, then the body. */
import { Document, stringify } from 'yaml';
import { FRONT_MATTER_KEYS } from '../front-matter.js';
import type { BriefData } from '../types.js';

export function writeFrontMatter(data: BriefData): string {
  const ordered: Record<string, unknown> = {};
  for (const key of FRONT_MATTER_KEYS) {
    const value = data[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    ordered[key] = value;
  }
  return simpleYaml(ordered) ?? stringify(ordered, { lineWidth: 0 });
}

/** The whole normalized document: `---\n<yaml>---\n\n<body>\n`. */
export function writeMarkdown(data: BriefData, body: string): string {
  // Leading newlines and trailing white space off (as `replace(/^\n+|\s+$/g, '')`, without trying every space in the body).
  let start = 0;
  while (body.charCodeAt(start) === 0x0a) start++;
  const trimmed = body.slice(start).trimEnd();
  return `---\n${writeFrontMatter(data)}---\n${trimmed ? `\n${trimmed}\n` : ''}`;
}

/*
 * Most front matter is one-line strings, lists of them and lists of string records. That
 * YAML is written here, the way `stringify(value, { lineWidth: 0 })` writes it, for a
 * fraction of its cost; anything else (control characters, line breaks, a number, an
 * empty list, an object met twice) goes to the library.
 */

/** The tags a plain scalar must not look like (numbers, booleans, null), from the library's own schema. */
const { tags, compat } = new Document().schema;
const looksTagged = (value: string) =>
  [...tags, ...(compat ?? [])].some((tag) => 'test' in tag && tag.default === true && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(value));
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

function simpleYaml(data: Record<string, unknown>): string | undefined {
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
