/**
 * The PDF/UA-1 checker (scripts/bench/pdf-ua-check.ts) on every PDF of a generated corpus: the
 * sample sources and generated briefs of all three kinds (PDF extractions, web exports,
 * Markdown), built as a user builds them. (The same check passed on 150 generated briefs
 * when it was written; CI keeps the corpus small.)
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../scripts/build.js';
import { checkPdfUa } from '../../scripts/bench/pdf-ua-check.js';
import { newScalingProject } from '../helpers/scaling-project.js';

let project: string;
let result: BuildResult;

beforeAll(async () => {
  project = await newScalingProject(12, 'briefpress-pdf-ua-');
  result = await build({ root: project, quiet: true });
}, 600_000);

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true, maxRetries: 3 });
});

describe('a generated corpus', () => {
  it('prints PDFs that all pass the PDF/UA-1 checks', async () => {
    expect(result.manifest.length).toBeGreaterThanOrEqual(12);
    const failed: { pdf: string; failures: unknown[] }[] = [];
    for (const entry of result.manifest) {
      const report = await checkPdfUa(new Uint8Array(await readFile(path.join(project, 'dist', entry.pdf))));
      if (report.failures.length) failed.push({ pdf: entry.pdf, failures: report.failures });
    }
    expect(failed).toEqual([]);
  });
});
