/**
 * One print on a page whose browser or renderer goes away while the page loads: the print
 * fails at once as a crash (which the printer retries), not after the brief's timeout.
 * A fake page stands in for Puppeteer's, so the moment of the loss is exact.
 */
import { EventEmitter } from 'node:events';
import type { CDPSession, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { printOnPage } from '../../scripts/print/print-page.js';

/** A page that takes the brief's HTML and then never fires its load event. */
function pageThatNeverLoads() {
  const browser = Object.assign(new EventEmitter(), { connected: true });
  const page = Object.assign(new EventEmitter(), { browser: () => browser, isClosed: () => false });
  let written!: () => void;
  const documentWritten = new Promise<void>((resolve) => (written = resolve));
  const session = {
    detached: false,
    send: async (method: string) => {
      if (method === 'Page.setDocumentContent') written();
      return {};
    },
  };
  const target = { page: page as unknown as Page, session: session as unknown as CDPSession, frameId: 'main' };
  return { browser, page, target, documentWritten };
}

const TIMEOUT_MS = 20_000;

describe('a print whose page goes away while it loads', () => {
  it('fails as a crash when the browser disconnects', async () => {
    const { browser, target, documentWritten } = pageThatNeverLoads();
    const printing = printOnPage(target, '<p>brief</p>', 'letter', TIMEOUT_MS);
    await documentWritten;
    browser.connected = false;
    browser.emit('disconnected');
    await expect(printing).rejects.toThrow('the page crashed (Target closed)');
    expect(browser.listenerCount('disconnected'), 'no listener is left on the browser').toBe(0);
  });

  it('fails as a crash when the renderer crashes', async () => {
    const { page, target, documentWritten } = pageThatNeverLoads();
    const printing = printOnPage(target, '<p>brief</p>', 'letter', TIMEOUT_MS);
    await documentWritten;
    page.emit('error', new Error('Page crashed!'));
    await expect(printing).rejects.toThrow('the page crashed (Page crashed!)');
    expect(['error', 'close', 'load'].map((event) => page.listenerCount(event))).toEqual([0, 0, 0]);
  });

  it('fails as a crash at once on a page whose browser is already gone', async () => {
    const { browser, target } = pageThatNeverLoads();
    browser.connected = false;
    await expect(printOnPage(target, '<p>brief</p>', 'letter', TIMEOUT_MS)).rejects.toThrow('the page crashed (Target closed)');
  });
});
