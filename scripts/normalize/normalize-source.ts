/**
 * One changed source through the normalizer, as data in and data out, so that it can run
 * in a worker thread (brief-pool.ts) as well as in the build's own. Its messages come
 * back stored (line, column, rule), as the build cache keeps them.
 */
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { report } from '../core/rules.js';
import { type StoredMessage, storeMessages } from '../core/messages.js';
import type { SiteConfig } from '../core/config.js';
import { normalizeOptionsOf } from './reader.js';
import { normalize, preRead, sourceFile } from './index.js';
import type { BodyLines, BriefData } from '../core/types.js';

export interface SourceInput {
  /** Absolute path. */
  path: string;
  bytes: Uint8Array;
}

export type NormalizeOutput =
  | { ok: true; reader: string; slug: string; data: BriefData; markdown: string; bodyLines?: BodyLines; messages: StoredMessage[] }
  /** The source cannot be made a brief; its messages say why. */
  | { ok: false; messages: StoredMessage[] };

/** A fatal message for an unexpected failure of the normalizer on this source (a bug: please report it). */
function failedSource(file: VFile, error: unknown): void {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  report(file, 'normalize-failed', `briefpress could not normalize this source: ${reason} (please report it)`, {
    place: { line: 1, column: 1 },
    severity: 'error',
  });
}

export async function normalizeSource(
  source: SourceInput,
  root: string,
  config: Pick<SiteConfig, 'organization' | 'normalize'>,
): Promise<NormalizeOutput> {
  const file = sourceFile(source.path, root, source.bytes);
  await preRead(file);
  try {
    const { reader, slug, data, markdown, bodyLines } = normalize(file, normalizeOptionsOf(config));
    return { ok: true, reader, slug, data, markdown, ...(bodyLines ? { bodyLines } : {}), messages: storeMessages(file) };
  } catch (error) {
    // One source's failure, whatever it is, is that source's error: the others still build.
    if (!(error instanceof VFileMessage)) failedSource(file, error);
    return { ok: false, messages: storeMessages(file) };
  }
}
