/**
 * One public address per brief, end to end: the sample site built with `site.url` and
 * `site.base_path`, the QR code on the printed PDF decoded from the rendered page image, and
 * compared with the brief page's canonical link, Open Graph, JSON-LD, the feed and the
 * sitemap, and with where the page really is when the output folder is served under the
 * base path. Printed paper cannot be corrected: this is the test that keeps them one.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.js';
import { serve, type StaticServer } from '../helpers/serve.js';

const repo = path.resolve(import.meta.dirname, '../..');
let project: string;
let server: StaticServer;
let qr: string | undefined;
const SLUG = 'itu-ill-suited-to-regulate-cybersecurity';

/** The text of the QR code on page 1 of `pdf`, read from the page as an image. */
function decodeQr(pdf: string, dir: string): string | undefined {
  const prefix = path.join(dir, 'page');
  execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  const png = PNG.sync.read(readFileSync(`${prefix}.png`));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

// jsqr is CommonJS whose types say `export default`: the function is the module itself when loaded.
const jsQR = (typeof jsqr === 'function' ? jsqr : jsqr.default) as typeof jsqr.default;

const attr = (html: string, pattern: RegExp) => html.match(pattern)?.[1];

beforeAll(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), 'briefpress-public-url-'));
  const config = await readFile(path.join(repo, 'briefpress.config.yaml'), 'utf8');
  await writeFile(
    path.join(project, 'briefpress.config.yaml'),
    config.replace(/^ {2}url: https:\/\/briefs\.example\.org\/$/m, '  url: https://example.org\n  base_path: /briefs/'),
  );
  await cp(path.join(repo, 'templates'), path.join(project, 'templates'), { recursive: true });
  await cp(path.join(repo, 'sources'), path.join(project, 'sources'), { recursive: true });
  const result = await build({ root: project, quiet: true });
  expect(result.ok).toBe(true);
  server = await serve(path.join(project, 'dist'), '/briefs/');
  qr = decodeQr(path.join(project, 'dist/briefs', `${SLUG}.pdf`), project);
});
afterAll(async () => {
  await server?.close();
  await rm(project, { recursive: true, force: true, maxRetries: 3 });
});

describe('site.url https://example.org with base_path /briefs/', () => {
  it('the QR code printed on the PDF is the brief page canonical, Open Graph and JSON-LD URL', async () => {
    expect(qr).toBe(`https://example.org/briefs/briefs/${SLUG}.html`);
    const html = await readFile(path.join(project, 'dist/briefs', `${SLUG}.html`), 'utf8');
    expect(attr(html, /<link rel="canonical" href="([^"]+)"/)).toBe(qr);
    expect(attr(html, /<meta property="og:url" content="([^"]+)"/)).toBe(qr);
    const jsonLd = JSON.parse(attr(html, /<script type="application\/ld\+json">([^]*?)<\/script>/)!);
    expect(jsonLd.url).toBe(qr);
  });

  it('the feed and the sitemap give the same address', async () => {
    const url = `https://example.org/briefs/briefs/${SLUG}.html`;
    const feed = await readFile(path.join(project, 'dist/feed.xml'), 'utf8');
    expect(feed).toContain(`<id>${url}</id>`);
    const sitemap = await readFile(path.join(project, 'dist/sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${url}</loc>`);
  });

  it('is where the page really is when the output folder is served under the base path', async () => {
    const local = new URL(new URL(qr!).pathname, server.url);
    const res = await fetch(local);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`<link rel="canonical" href="${qr}">`);
  });

  it('gives link previews the picture of page 1 at its public URL, where the file is served', async () => {
    const html = await readFile(path.join(project, 'dist/briefs', `${SLUG}.html`), 'utf8');
    const image = attr(html, /<meta property="og:image" content="([^"]+)"/);
    expect(image).toBe(`https://example.org/briefs/briefs/${SLUG}.jpg`);
    const res = await fetch(new URL(new URL(image!).pathname, server.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await res.arrayBuffer()).equals(await readFile(path.join(project, 'dist/briefs', `${SLUG}.jpg`)))).toBe(true);
  });

  it('writes no robots.txt where crawlers never look', async () => {
    await expect(readFile(path.join(project, 'dist/robots.txt'))).rejects.toThrow();
  });
});
