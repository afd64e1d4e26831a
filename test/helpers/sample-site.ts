/** The sample site built once per test run (test/setup/sample-site-build.ts), copied for a test file to use and change. */
import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import type { BuildResult } from '../../scripts/build.js';

export interface SampleSiteBuild {
  /** The built project: configuration, templates, sources, `dist/` and the build cache beside it. */
  dir: string;
  /** What its cold build returned. */
  result: BuildResult;
}

/** A copy of the sample site's project as its cold build left it, in a new temp folder, and that build's result. */
export async function sampleSiteCopy(prefix: string): Promise<{ project: string; cold: BuildResult }> {
  const shared = inject('sampleSite');
  const project = await mkdtemp(path.join(os.tmpdir(), prefix));
  await cp(shared.dir, project, { recursive: true, preserveTimestamps: true });
  return { project, cold: shared.result };
}
