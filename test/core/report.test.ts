/**
 * A cached brief's warnings are reported on every build from their stored form, without
 * making a file for each: the lines, their order and the counts are those of the same
 * messages put back on files.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { restoreMessages, type StoredMessage } from '../../scripts/core/messages.js';
import { summarize } from '../../scripts/core/report.js';

const stored: StoredMessage[] = [
  { path: 'sources/b.txt', reason: 'prints on 3 pages, over its budget of 2', line: 1, column: 1, ruleId: 'page-budget', fatal: false },
  { path: 'sources/a.md', reason: 'no date found; the file’s time is used', ruleId: 'guessed-date' },
  { path: 'sources/a.md', reason: 'a heading skips a level', line: 12, ruleId: 'heading-level', fatal: false },
  { path: 'sources/a.md', reason: 'a line too long', line: 12, column: 40, fatal: false },
  { path: 'dist/briefs/a.md', reason: 'an error kept\nover two lines', line: 3, fatal: true },
  { path: 'sources/a.md', reason: 'first of the file', line: 2, column: 5, fatal: null },
];

describe('summarize with stored messages', () => {
  it('says what the same messages put back on files say, in the same order', () => {
    const failed = new VFile({ path: 'sources/c.txt' });
    failed.message('cannot read this source', { ruleId: 'read-error' }).fatal = true;
    const asFiles = summarize([failed, ...restoreMessages(stored)], [{ pages: 2 }], true);
    const asStored = summarize([failed], [{ pages: 2 }], true, stored);
    expect(asStored).toEqual(asFiles);
    expect(asStored).toMatchObject({ ok: false, errors: 2, warnings: 3 });
    expect(asStored.messages).toContain('dist/briefs/a.md:3:1: error: an error kept\\nover two lines');
  });
});
