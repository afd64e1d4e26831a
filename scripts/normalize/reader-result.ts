/** What a reader hands back to `normalize()`: the front matter it found and the Markdown body. */
import type { BriefData } from '../types.js';

export interface ReaderResult {
  data: BriefData;
  body: string;
}
