/**
 * Pictures of a page made by the same headless browser that prints: the archive's
 * favicon as PNG, for browsers, bookmarks and home screens that show no SVG icon. A build
 * of a few briefs hands it the printer's browser (`adopt`); otherwise a browser starts only
 * when a picture is asked for (the archive asks only when its icon changed). The page loads
 * nothing: every request but `data:` is refused. The page is the
 * archive's own (its icon template, or the logo as an image, which runs no script).
 */
import type { Browser } from 'puppeteer-core';

export interface IconRasterizer {
  /** A `size`×`size` PNG of `html` (a page that fills the window), transparent where the page is. */
  png(html: string, size: number): Promise<Uint8Array>;
  /**
   * Draw with this browser from now on (the printer's, released to it): it is closed with
   * the rasterizer. Ignored once a browser was taken or launched.
   */
  adopt(browser: Browser): void;
  close(): Promise<void>;
}

/** `browser`: one already running (kept open on close); else one is adopted, or launched on the first picture. */
export function createIconRasterizer(browser?: Browser): IconRasterizer {
  /** A browser this rasterizer closes: adopted or launched. */
  let owned: Promise<Browser> | undefined;
  // Puppeteer loads only when a picture is asked for: a build with nothing to draw starts fast.
  const get = () => (browser ? Promise.resolve(browser) : (owned ??= import('./browser.js').then((m) => m.launchBrowser())));
  return {
    async png(html, size) {
      const page = await (await get()).newPage();
      try {
        await page.setRequestInterception(true);
        page.on('request', (request) => void (request.url().startsWith('data:') ? request.continue() : request.abort()));
        await page.setViewport({ width: size, height: size, deviceScaleFactor: 1 });
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate('document.fonts.ready');
        return await page.screenshot({ type: 'png', omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      } finally {
        await page.close().catch(() => {});
      }
    },
    adopt(adopted) {
      if (browser || owned) void import('./browser.js').then((m) => m.closeLaunchedBrowser(adopted));
      else owned = Promise.resolve(adopted);
    },
    async close() {
      const current = await owned?.catch(() => undefined);
      owned = undefined;
      if (current) await (await import('./browser.js')).closeLaunchedBrowser(current);
    },
  };
}
