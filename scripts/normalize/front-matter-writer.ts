/** Front matter out: the known keys in the order of `FRONT_MATTER_KEYS`, as YAML, then the body. */
import { stringify } from 'yaml';
import { writeSimpleYaml } from './simple-yaml.js';
import { FRONT_MATTER_KEYS } from '../front-matter.js';
import type { BriefData } from '../types.js';

export function writeFrontMatter(data: BriefData): string {
  const ordered: Record<string, unknown> = {};
  for (const key of FRONT_MATTER_KEYS) {
    const value = data[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    ordered[key] = value;
  }
  return writeSimpleYaml(ordered) ?? stringify(ordered, { lineWidth: 0 });
}

/** The whole normalized document: `---\n<yaml>---\n\n<body>\n`. */
export function writeMarkdown(data: BriefData, body: string): string {
  // Leading newlines and trailing white space off (as `replace(/^\n+|\s+$/g, '')`, without trying every space in the body).
  let start = 0;
  while (body.charCodeAt(start) === 0x0a) start++;
  const trimmed = body.slice(start).trimEnd();
  return `---\n${writeFrontMatter(data)}---\n${trimmed ? `\n${trimmed}\n` : ''}`;
}
