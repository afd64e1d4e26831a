/**
 * Messages as data: what a VFile's messages become to cross a thread or be kept in the
 * build cache (place, reason, rule), and back again, so that a cached brief's warnings
 * are reported as if it had just been built.
 */
import { VFile } from 'vfile';

export interface StoredMessage {
  path: string;
  reason: string;
  line?: number;
  column?: number;
  ruleId?: string;
  fatal?: boolean | null;
}

export function storeMessages(...files: VFile[]): StoredMessage[] {
  return files.flatMap((file) =>
    file.messages.map((m) => {
      const place = m.place && 'start' in m.place ? m.place.start : m.place;
      return { path: file.path, reason: m.reason, line: place?.line, column: place?.column, ruleId: m.ruleId, fatal: m.fatal };
    }),
  );
}

/** VFiles carrying stored messages again, so a cached brief's warnings are reported too. */
export function restoreMessages(messages: StoredMessage[]): VFile[] {
  const files = new Map<string, VFile>();
  for (const m of messages) {
    const file = files.get(m.path) ?? new VFile({ path: m.path });
    files.set(m.path, file);
    addMessages(file, [m]);
  }
  return [...files.values()];
}

/** Put stored messages (those of another thread, or of the cache) back on a file. */
export function addMessages(file: VFile, messages: readonly StoredMessage[]): VFile {
  for (const m of messages) {
    const message = file.message(m.reason, {
      place: m.line ? { line: m.line, column: m.column ?? 1 } : undefined,
      ruleId: m.ruleId,
      source: 'briefpress',
    });
    message.fatal = m.fatal;
  }
  return file;
}
