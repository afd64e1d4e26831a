/**
 * A QR code as one SVG path (`d`), drawn by `templates/partials/qr-code.njk`: the matrix
 * comes from the `qrcode` package; only numbers reach the page.
 */
import QRCode from 'qrcode';

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

/** The address of a brief's page in the online archive, or undefined without `site.url`. */
export function briefPageUrl(site: { url?: string; base_path?: string }, slug: string): string | undefined {
  if (!site.url) return undefined;
  const root = new URL(site.base_path ?? '', site.url.endsWith('/') ? site.url : `${site.url}/`);
  return new URL(`briefs/${encodeURIComponent(slug)}.html`, root).href;
}
