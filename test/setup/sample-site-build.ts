/**
 * One cold build of the sample site per test run (vitest `globalSetup` of the `sample-site`
 * project): the repository's configuration, templates and two seed texts, built once into a
 * temp folder. The files that check that build read it through `sampleSiteCopy()`
 * (test/helpers/sample-site.ts), each on a copy of its own, so none sees another's edits.
 * It runs only when one of those files is in the run.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from '../../scripts/build.js';
import type { SampleSiteBuild } from '../helpers/sample-site.js';

const repo = path.resolve(import.meta.dirname, '../..');

declare module 'vitest' {
  export interface ProvidedContext {
    sampleSite: SampleSiteBuild;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'briefpress-sample-build-'));
  for (const item of ['briefpress.config.yaml', 'templates', 'sources']) {
    await cp(path.join(repo, item), path.join(dir, item), { recursive: true });
  }
  const result = await build({ root: dir, quiet: true });
  // The manifest is read on first use: taken here so that the result crosses to the workers as data.
  project.provide('sampleSite', { dir, result: JSON.parse(JSON.stringify({ ...result, manifest: result.manifest })) });
  return () => rm(dir, { recursive: true, force: true, maxRetries: 3 });
}
