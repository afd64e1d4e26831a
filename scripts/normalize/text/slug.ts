/** Output names from titles: ASCII, lower case, hyphens (`itu-ill-suited-to-regulate-cybersecurity`). */
import slugify from '@sindresorhus/slugify';
import { createHash } from 'node:crypto';

const MAX = 80;

export function slugFor(title: string): string {
  let slug = slugify(title, { decamelize: false });
  if (slug.length > MAX) slug = slug.slice(0, MAX + 1).replace(/-[^-]*$/, '') || slug.slice(0, MAX);
  return slug || `brief-${createHash('sha256').update(title).digest('hex').slice(0, 8)}`;
}
