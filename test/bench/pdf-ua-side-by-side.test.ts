/**
 * The bench's side-by-side PDF/UA report (`npm run bench -- --peers`): each PDF's failed
 * checkpoints counted once, and a table row per checkpoint either column fails.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatUaSideBySide, uaColumn } from '../../scripts/bench/pdf-ua-side-by-side.js';

const fixtures = path.join(import.meta.dirname, '../fixtures/normalize-pdf');

describe('PDF/UA side by side', () => {
  it('counts the PDFs failing each checkpoint, on PDFs of other engines', async () => {
    const files = ['eff-press-ftc-privacy-roundtable', 'tagged-libreoffice-table'].map((c) => path.join(fixtures, c, 'input.pdf'));
    const column = await uaColumn(files);
    expect(column.pdfs).toBe(2);
    expect(column.passing).toBe(0);
    // Neither identifies itself as PDF/UA in XMP.
    expect(column.failing['06-002']).toBe(2);
    for (const n of Object.values(column.failing)) expect(n).toBeLessThanOrEqual(2);
  });

  it('writes one row per checkpoint either tool fails, and the PDFs passing all', () => {
    const table = formatUaSideBySide({
      briefpress: { pdfs: 3, passing: 3, failing: {} },
      'md-to-pdf 5.2.5': { pdfs: 3, passing: 0, failing: { '13-004': 1, '01-005': 3 } },
    });
    expect(table.split('\n')).toEqual([
      '| PDF/UA-1 check (Matterhorn) | briefpress fails | md-to-pdf 5.2.5 fails |',
      '|:--|--:|--:|',
      '| 01-005 | 0 of 3 | 3 of 3 |',
      '| 13-004 | 0 of 3 | 1 of 3 |',
      '| **passes every check** | 3 of 3 | 0 of 3 |',
    ]);
  });
});
