/**
 * Messages for people: every problem as one `path:line:column: severity: reason (rule)`
 * line, the form editors and CI logs make clickable, sorted by file and place.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

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

/** All messages of all files, sorted by path, then line, then column. */
export function formatMessages(files: readonly VFile[]): string[] {
  const rows = files.flatMap((file) =>
    file.messages.map((message) => {
      const place = message.place && 'start' in message.place ? message.place.start : message.place;
      return { path: file.path, line: place?.line ?? 0, column: place?.column ?? 0, text: formatMessage(file.path, message) };
    }),
  );
  rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));
  return rows.map((row) => row.text);
}

export function countMessages(files: readonly VFile[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const file of files) for (const message of file.messages) counts[severityOf(message)]++;
  return counts;
}

/** What a build or a merge tells its caller about its problems and pages. */
export function summarize(reported: readonly VFile[], manifest: readonly { pages: number }[], strict: boolean) {
  const counts = countMessages(reported);
  return {
    ok: counts.error === 0 && !(strict && counts.warning > 0),
    pages: manifest.reduce((sum, e) => sum + e.pages, 0),
    warnings: counts.warning,
    errors: counts.error,
    messages: formatMessages(reported),
  };
}
