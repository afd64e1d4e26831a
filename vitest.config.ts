import { defineConfig } from 'vitest/config';

/** Test files that replace a module with `vi.mock`: they get a module graph of their own. */
const mocking = ['test/print/pdf-metadata.test.ts', 'test/print/pdf-ua.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        // The other files share one module graph per worker: loading unified, Puppeteer and
        // pdf.js once instead of once a file halves the suite's time on 2 cores.
        test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: mocking, isolate: false },
      },
      { extends: true, test: { name: 'isolated', include: mocking } },
    ],
  },
});
