/**
 * One changed source through the normalizer, as data in and data out, so that it can run
 * in a worker thread (brief-pool.ts) as well as in the build's own. Its messages come
 * back stored (line, column, rule), as the build cache keeps them.
 */
import { VFileMessage } from 'vfile-message';
import { type StoredMessage, storeMessages } from '../core/messages.js';
import type { SiteConfig } from '../core/config.js';
import { normalize, sourceFile } from './index.js';
import type { BriefData } from '../core/types.js';

export interface SourceInput {
  /** Absolute path. */
  path: string;
  bytes: Uint8Array;
}

export type NormalizeOutput =
  | { ok: true; reader: string; slug: string; data: BriefData; markdown: string; messages: StoredMessage[] }
  /** The source cannot be made a brief; its messages say why. */
  | { ok: false; messages: StoredMessage[] };

export function normalizeSource(source: SourceInput, root: string, organization: SiteConfig['organization']): NormalizeOutput {
  const file = sourceFile(source.path, root, source.bytes);
  try {
    const { reader, slug, data, markdown } = normalize(file, { organization });
    return { ok: true, reader, slug, data, markdown, messages: storeMessages(file) };
  } catch (error) {
    if (!(error instanceof VFileMessage)) throw new Error(`${file.path}: the normalizer failed unexpectedly`, { cause: error });
    return { ok: false, messages: storeMessages(file) };
  }
}
