/**
 * A browser for the tests that look at archive pages (load, click, run axe), not print them:
 * Chromium as `launchBrowser()` starts it, with its pages sharing one renderer process. Each
 * page a test opens would otherwise start a renderer of its own, about 0.13 s of CPU each
 * beyond the page's own work (docs/performance.md, "The test suite's time"); the pages still
 * have a document, a window and storage each. The printer's browser keeps Chromium's own
 * process model: it prints pages side by side.
 */
import type { Browser } from 'puppeteer-core';
import { launchBrowser } from '../../scripts/print/browser.js';

export const ONE_RENDERER = ['--renderer-process-limit=1'];

export function launchViewer(): Promise<Browser> {
  return launchBrowser(undefined, ONE_RENDERER);
}
