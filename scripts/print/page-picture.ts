/**
 * A picture of page 1 of a brief, taken from the page the printer has just printed: the
 * archive shows it on cards and gives it to link previews (`og:image`). No second load
 * and no PDF rasterizer: the brief is already laid out in the page.
 *
 * A screenshot shows the screen layout, which is one long column, not pages. A style
 * added for the picture only makes the document one page of paper with page 1's
 * margins, and its body a column box one page area high: columns break content where
 * pages do (orphans, widows, `break-inside: avoid`), so the first column is page 1 as
 * printed, and the others fall outside the picture. The next brief replaces the document,
 * style and all, so the printing of later briefs is untouched.
 */
import type { PdfInfo } from './pdf-metadata.js';
import type { PrintPage } from './print-page.js';

/** Width of the picture in pixels: what Open Graph asks of a large link preview, and sharp on a card at twice its size. */
export const PICTURE_WIDTH = 600;
/** JPEG quality: text stays legible at this size, and a page is about 60–90 KB. */
export const PICTURE_QUALITY = 70;

/** Paper in CSS pixels (96 per inch), as @page sizes it (render/print-page.ts `PAPER`). */
const PAPER_PX = { letter: { width: 816, height: 1056 }, a4: { width: (210 / 25.4) * 96, height: (297 / 25.4) * 96 } } as const;

/** The part of the view a picture shows, in CSS pixels, scaled to `PICTURE_WIDTH`. */
export function pictureClip(paper: PdfInfo['paper']): { x: number; y: number; width: number; height: number; scale: number } {
  const px = PAPER_PX[paper];
  return { x: 0, y: 0, width: px.width, height: px.height, scale: PICTURE_WIDTH / px.width };
}

/** The picture's size in pixels for `paper`. */
export function pictureSize(paper: PdfInfo['paper']): { width: number; height: number } {
  const { width, height } = PAPER_PX[paper];
  return { width: PICTURE_WIDTH, height: Math.round((height * PICTURE_WIDTH) / width) };
}

/**
 * Page 1 of the paper: page 1's margins (brief.css `@page :first`, --margin-top and
 * --margin-bottom) around a body one page area high, in columns as wide as the page area.
 */
export const PAGE_ONE_STYLE =
  '<style>html{box-sizing:border-box;width:var(--paper-width);height:var(--paper-height);padding:var(--margin-top) 0.6in var(--margin-bottom);overflow:hidden;background:#fff}' +
  'body{height:100%;columns:1;column-fill:auto;column-gap:1.2in}</style>';

const viewportSet = new WeakSet<PrintPage['page']>();
/** The picture being taken in each browser: one at a time, since a full Chrome renders only the tab in front. */
const inFront = new WeakMap<object, Promise<unknown>>();

/**
 * A JPEG of page 1 of the brief `target` has printed last, taken in turn with the other
 * pages of its browser (each brought to the front first, as a full Chrome paints only that tab).
 */
export function pictureFirstPage(target: PrintPage, paper: PdfInfo['paper'], timeoutMs: number): Promise<Uint8Array> {
  const browser = target.page.browser();
  const turn = (inFront.get(browser) ?? Promise.resolve()).catch(() => {}).then(() => takePicture(target, paper, timeoutMs));
  inFront.set(browser, turn);
  return turn;
}

/** The picture itself; fails after `timeoutMs`. */
async function takePicture(target: PrintPage, paper: PdfInfo['paper'], timeoutMs: number): Promise<Uint8Array> {
  const { page, session } = target;
  if (!viewportSet.has(page)) {
    // Wide and tall enough for either paper: what the screenshot shows must be in the view.
    await session.send('Emulation.setDeviceMetricsOverride', { width: 816, height: 1123, deviceScaleFactor: 1, mobile: false });
    viewportSet.add(page);
  }
  await session.send('Runtime.evaluate', {
    expression: `document.head.insertAdjacentHTML('beforeend', ${JSON.stringify(PAGE_ONE_STYLE)})`,
  });
  const clip = pictureClip(paper);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    // A browser that makes no frames of its own (`--enable-begin-frame-control`) never answers.
    timer = setTimeout(() => reject(new Error(`the picture of page 1 took longer than ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    const { data } = await Promise.race([
      session.send('Page.captureScreenshot', { format: 'jpeg', quality: PICTURE_QUALITY, clip }),
      timeout,
    ]);
    return Buffer.from(data, 'base64');
  } finally {
    clearTimeout(timer);
  }
}
