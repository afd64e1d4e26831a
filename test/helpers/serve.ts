/**
 * A static file server on 127.0.0.1 for tests: serves `dir` under `basePath` (e.g.
 * `/briefs/`), like a host would, with `404.html` for missing files. No dependencies.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface StaticServer {
  /** Base URL of the site, ending with the base path, e.g. `http://127.0.0.1:4321/briefs/`. */
  url: string;
  /** Paths requested so far, for tests that check what a page loaded. */
  requests: string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

async function fileAt(file: string): Promise<string | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (info?.isFile()) return file;
  if (info?.isDirectory()) return fileAt(path.join(file, 'index.html'));
  return undefined;
}

export async function serve(dir: string, basePath = '/'): Promise<StaticServer> {
  const root = path.resolve(dir);
  const requests: string[] = [];
  const server = http.createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    requests.push(pathname);
    let file: string | undefined;
    if (pathname.startsWith(basePath)) {
      const target = path.resolve(root, `.${path.posix.normalize(`/${pathname.slice(basePath.length)}`)}`);
      if (target === root || target.startsWith(root + path.sep)) file = await fileAt(target);
    }
    const status = file ? 200 : 404;
    file ??= await fileAt(path.join(root, '404.html'));
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(status, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // A browser may keep a connection open (keep-alive, or a PDF it stopped reading): end it.
        server.closeAllConnections();
      }),
  };
}
