/**
 * The PDF/UA-1 checks (pdf-ua-check.ts) on briefpress's PDFs and md-to-pdf's of the same
 * Markdown, side by side: for each Matterhorn checkpoint, how many PDFs of each fail it.
 */
import { readFile } from 'node:fs/promises';
import { checkPdfUa } from './pdf-ua-check.js';

export interface UaColumn {
  pdfs: number;
  /** PDFs that pass every check. */
  passing: number;
  /** Checkpoint → PDFs failing it. */
  failing: Record<string, number>;
}

export async function uaColumn(files: string[]): Promise<UaColumn> {
  const failing: Record<string, number> = {};
  let passing = 0;
  for (const file of files) {
    const report = await checkPdfUa(await readFile(file));
    const checkpoints = new Set(report.failures.map((f) => f.checkpoint));
    if (checkpoints.size === 0) passing++;
    for (const checkpoint of checkpoints) failing[checkpoint] = (failing[checkpoint] ?? 0) + 1;
  }
  return { pdfs: files.length, passing, failing };
}

/** A Markdown table: one row per checkpoint either tool fails, then the PDFs passing all. */
export function formatUaSideBySide(columns: Record<string, UaColumn>): string {
  const names = Object.keys(columns);
  const checkpoints = [...new Set(names.flatMap((n) => Object.keys(columns[n]!.failing)))].sort();
  const cell = (c: UaColumn, n: number) => `${n} of ${c.pdfs}`;
  const rows = [
    `| PDF/UA-1 check (Matterhorn) | ${names.map((n) => `${n} fails`).join(' | ')} |`,
    `|:--|${names.map(() => '--:').join('|')}|`,
    ...checkpoints.map((cp) => `| ${cp} | ${names.map((n) => cell(columns[n]!, columns[n]!.failing[cp] ?? 0)).join(' | ')} |`),
    `| **passes every check** | ${names.map((n) => cell(columns[n]!, columns[n]!.passing)).join(' | ')} |`,
  ];
  return rows.join('\n');
}
