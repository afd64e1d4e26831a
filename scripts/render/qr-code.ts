/**
 * A QR code as one SVG path (`d`), drawn by `templates/partials/qr-code.njk`: the matrix
 * comes from the `qrcode` package; only numbers reach the page.
 */
import QRCode from 'qrcode';
import { briefPagePath, publicUrl, type PublicSite } from '../core/public-url.js';

export interface QrCode {
  /** The encoded address. */
  url: string;
  /** Modules per side, without the quiet zone. */
  size: number;
  /** SVG path data: one 1×1 square per dark module, merged into horizontal runs. */
  path: string;
}

export function qrCode(url: string): QrCode {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const { size, data } = modules;
  let path = '';
  for (let y = 0, row = 0; y < size; y++, row += size) {
    let x = 0;
    while (x < size) {
      if (!data[row + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && data[row + x]) x++;
      path += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  }
  return { url, size, path };
}

/** The address of a brief's page in the online archive (`core/public-url.ts`), or undefined without `site.url`. */
export function briefPageUrl(site: PublicSite, slug: string): string | undefined {
  return publicUrl(site, briefPagePath(slug));
}
