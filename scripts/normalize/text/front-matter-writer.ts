/** Front matter out: the known keys in the order of `FRONT_MATTER_KEYS`, as YAML, then the body. */
import { stringify } from 'yaml';
import { FRONT_MATTER_KEYS } from '../../core/front-matter.js';
import type { BriefData } from '../../core/types.js';

export function writeFrontMatter(data: BriefData): string {
  const ordered: Record<string, unknown> = {};
  for (const key of FRONT_MATTER_KEYS) {
    const value = data[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    ordered[key] = value;
  }
  return stringify(ordered, { lineWidth: 0 });
}

/** The whole normalized document: `---\n<yaml>---\n\n<body>\n`. */
export function writeMarkdown(data: BriefData, body: string): string {
  const trimmed = body.replace(/^\n+/, '').trimEnd();
  return `---\n${writeFrontMatter(data)}---\n${trimmed ? `\n${trimmed}\n` : ''}`;
}
