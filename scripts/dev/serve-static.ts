/**
 * Serve the output folder as the archive will be published: `/` and folders give their
 * `index.html`, `/x` finds `x.html`, unknown paths get the site's `404.html`. Nothing
 * outside the output folder and nothing hidden (dot-files, such as a build cache an older version left in it) is
 * served. HTML responses pass through `transformHtml` (the live-reload script and the
 * error overlay); the files on disk are never changed.
 */
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
};

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}

/** The file a URL path names in `folder`, or undefined. */
export async function resolveFile(folder: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const parts = decoded.split('/').filter(Boolean);
  if (parts.some((p) => p.startsWith('.') || p.includes('\\') || p.includes('\0'))) return undefined;
  const target = path.join(folder, ...parts);
  if (path.relative(folder, target).startsWith('..')) return undefined;
  for (const candidate of [target, path.join(target, 'index.html'), `${target}.html`]) {
    if (await isFile(candidate)) return candidate;
  }
  return undefined;
}

export async function serveStatic(
  folder: string,
  urlPath: string,
  res: ServerResponse,
  transformHtml: (html: string) => string,
  headOnly = false,
): Promise<void> {
  const file = await resolveFile(folder, urlPath);
  const notFound = file ? undefined : await resolveFile(folder, '404.html');
  const served = file ?? notFound;
  if (!served) {
    const body = transformHtml('<!DOCTYPE html><title>Not found</title><p>Not found. The first build may still be running.</p>');
    res.writeHead(404, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' });
    return void res.end(headOnly ? undefined : body);
  }
  const type = contentType(served);
  let body: Buffer | string = await readFile(served);
  if (type.startsWith('text/html')) body = transformHtml(body.toString('utf8'));
  res.writeHead(file ? 200 : 404, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  res.end(headOnly ? undefined : body);
}
