/**
 * Messages for people: every problem as one `path:line:column: severity: reason (rule)`
 * line, the form editors and CI logs make clickable, sorted by file and place.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { StoredMessage } from './messages.js';

export type Severity = 'error' | 'warning' | 'note';

export function severityOf(message: VFileMessage): Severity {
  if (message.fatal === true) return 'error';
  return message.fatal === false ? 'warning' : 'note';
}

export function formatMessage(path: string, message: VFileMessage): string {
  const place = message.place && 'start' in message.place ? message.place.start : message.place;
  const where = place?.line ? `${path}:${place.line}:${place.column ?? 1}` : path;
  const rule = message.ruleId ? ` (${message.ruleId})` : '';
  return oneLine(`${where}: ${severityOf(message)}: ${message.reason}${rule}`);
}

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A message is one line, whatever a file name or a quoted value holds: a newline in a
 * source's name must not split it in two (a CI log would read the second half as a message
 * of its own). Control characters are written as escapes, `\n` or `\x1b`.
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A message kept in the build cache (messages.ts), as its line: what `formatMessage` says of
 * it once put back on a file, without making the file (a cached brief's warnings are reported
 * on every build).
 */
function storedRow(m: StoredMessage) {
  const line = m.line ? m.line : 0;
  const column = m.line ? (m.column ?? 1) : 0;
  const severity: Severity = m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'note';
  const rule = m.ruleId ? ` (${m.ruleId})` : '';
  const where = line ? `${m.path}:${line}:${column}` : m.path;
  return { path: m.path, line, column, severity, text: oneLine(`${where}: ${severity}: ${m.reason}${rule}`) };
}

/** All messages of all files (and the stored ones), sorted by path, then line, then column. */
export function formatMessages(files: readonly VFile[], stored: readonly StoredMessage[] = []): string[] {
  const rows = files.flatMap((file) =>
    file.messages.map((message) => {
      const place = message.place && 'start' in message.place ? message.place.start : message.place;
      return { path: file.path, line: place?.line ?? 0, column: place?.column ?? 0, text: formatMessage(file.path, message) };
    }),
  );
  for (const m of stored) rows.push(storedRow(m));
  rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));
  return rows.map((row) => row.text);
}

export function countMessages(files: readonly VFile[], stored: readonly StoredMessage[] = []): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const file of files) for (const message of file.messages) counts[severityOf(message)]++;
  for (const m of stored) counts[storedRow(m).severity]++;
  return counts;
}

/**
 * What a build or a merge tells its caller about its problems and pages. `stored`: messages
 * kept with cached briefs, reported as they are.
 */
export function summarize(
  reported: readonly VFile[],
  manifest: readonly { pages: number }[],
  strict: boolean,
  stored: readonly StoredMessage[] = [],
) {
  const counts = countMessages(reported, stored);
  return {
    ok: counts.error === 0 && !(strict && counts.warning > 0),
    pages: manifest.reduce((sum, e) => sum + e.pages, 0),
    warnings: counts.warning,
    errors: counts.error,
    messages: formatMessages(reported, stored),
  };
}
