/**
 * The favicon in the forms that work where an SVG icon does not (older browsers, Safari's
 * tabs and bookmarks, home screens, feed readers): `favicon.ico` (16, 32 and 48 px PNGs in
 * an ICO container, which every browser reads) and `assets/apple-touch-icon.png` (180 px).
 * Drawn from the configured logo, or the archive's SVG icon (the organization's initials),
 * by the build's browser (`rasterize`). Without a browser, each is a plain square of the
 * accent colour, so the links never point at nothing.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { crc32, deflateSync } from 'node:zlib';
import type { Asset } from '../../render/assets.js';

/** Draws `html` (a page that fills its window) as a `size`×`size` PNG. */
export type Rasterize = (html: string, size: number) => Promise<Uint8Array>;

export const FAVICON_ICO = 'favicon.ico';
export const TOUCH_ICON = 'assets/apple-touch-icon.png';
const ICO_SIZES = [16, 32, 48];
const TOUCH_SIZE = 180;

const packageRequire = createRequire(import.meta.url);

/** The icon's own typeface, inlined (the page loads nothing), when the package is there. */
function fontFace(): string {
  try {
    const file = packageRequire.resolve('@fontsource/source-sans-3/files/source-sans-3-latin-700-normal.woff2');
    return `@font-face{font-family:'Source Sans 3';font-weight:700;src:url(data:font/woff2;base64,${readFileSync(file).toString('base64')}) format('woff2')}`;
  } catch {
    return '';
  }
}

/** The page the browser draws: the logo contained in the square, or the SVG icon filling it. */
export function iconPage(svg: string, logo: Asset | undefined): string {
  const picture = logo ? `<img alt="" src="data:${logo.type.split(';')[0]};base64,${readFileSync(logo.file).toString('base64')}">` : svg;
  return (
    `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${fontFace()}` +
    `html,body{margin:0;background:transparent}img,svg{display:block;width:100vw;height:100vh;object-fit:contain}</style>` +
    `</head><body>${picture}</body></html>`
  );
}

/** ICO container of PNG images (Windows Vista and every browser read PNG entries). */
export function icoOf(images: { size: number; png: Uint8Array }[]): Uint8Array {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.byteLength, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.byteLength;
  });
  return Buffer.concat([header, ...images.map((i) => Buffer.from(i.png))]);
}

/** A PNG of one colour (`#rrggbb`), for when no browser can draw the icon. */
export function plainPng(size: number, hex: string): Uint8Array {
  const rgb = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  const row = Buffer.alloc(1 + size * 3);
  for (let x = 0; x < size; x++) row.set(rgb, 1 + x * 3);
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

/** The raster icons: path → how to make its bytes (all from one drawing per size). */
export function rasterIcons(
  page: string,
  accent: string,
  rasterize: Rasterize | undefined,
): { path: string; make: () => Promise<Uint8Array> }[] {
  const draw = (size: number) => (rasterize ? rasterize(page, size) : Promise.resolve(plainPng(size, accent)));
  return [
    {
      path: FAVICON_ICO,
      make: async () => {
        const images = [];
        for (const size of ICO_SIZES) images.push({ size, png: await draw(size) });
        return icoOf(images);
      },
    },
    { path: TOUCH_ICON, make: () => draw(TOUCH_SIZE) },
  ];
}
