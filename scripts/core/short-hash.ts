/** A content key: the first 32 hex digits (128 bits) of the SHA-256 of `data`. */
import { hash } from 'node:crypto';

export function shortHash(data: string | Uint8Array): string {
  return hash('sha256', data).slice(0, 32);
}
