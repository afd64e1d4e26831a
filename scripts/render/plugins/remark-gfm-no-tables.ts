/**
 * For a document that cannot hold a table (`mayHoldTable` is false): remark-gfm without
 * its table construct. micromark tries that construct at the start of every paragraph and
 * reads the paragraph's whole first line as a possible header row before it finds no
 * delimiter row under it: about 0.3 ms of a brief's 2.2 ms of parsing, and few briefs
 * have tables. To be used right after remark-gfm.
 */
import type { Processor } from 'unified';
import { removeConstruct } from './micromark-constructs.js';

/**
 * Whether `markdown` has a line that could be a table's delimiter row: only hyphens,
 * colons, pipes, spaces, tabs and `>` (a quote's marker), with one hyphen at least
 * (`| :-- | --: |`, `---|---`, `> | - |`). A table needs one; a thematic break or a
 * heading's underline passes too, which only costs the cheaper parse.
 */
export function mayHoldTable(markdown: string): boolean {
  // One quantifier per line, so that a long line of dashes costs its length, not its square.
  for (const line of markdown.matchAll(/^[ \t>|:-]+\r?$/gm)) if (line[0].includes('-')) return true;
  return false;
}

export default function remarkGfmNoTables(this: Processor): void {
  removeConstruct(this, 'flow', 'table');
}
