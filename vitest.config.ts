import os from 'node:os';
import { defineConfig } from 'vitest/config';

/** Test files that replace a module with `vi.mock`: they get a module graph of their own. */
const mocking = ['test/print/pdf-metadata.test.ts', 'test/print/pdf-ua.test.ts'];
/** Test files that check the sample site's cold build: it is made once per run, only when one of them runs. */
const sampleSite = ['test/e2e/build.test.ts', 'test/e2e/sample-site.test.ts'];

export default defineConfig({
  test: {
    // A hang still fails, but a slow machine does not: the e2e tests that take 15-30 s on a
    // quiet 2-core machine took 50-60 s at a load of 13 (npm test five times in a row under load).
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Two files at once on a 2-core machine (vitest's default is one: the cores less one).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // Test files and the modules they import, transformed once and kept in
    // node_modules/.experimental-vitest-cache (keyed by their content) for the next run.
    experimental: { fsModuleCache: true },
    projects: [
      {
        extends: true,
        // The other files share one module graph per worker: unified, Puppeteer, pdf.js and
        // html-validate load once instead of once a file (docs/performance.md, issue 21).
        test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: [...mocking, ...sampleSite], isolate: false },
      },
      {
        extends: true,
        test: { name: 'sample-site', include: sampleSite, isolate: false, globalSetup: ['test/setup/sample-site-build.ts'] },
      },
      { extends: true, test: { name: 'isolated', include: mocking } },
    ],
  },
});
