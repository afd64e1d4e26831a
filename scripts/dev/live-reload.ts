/**
 * Live reload over Server-Sent Events: open pages hold `GET /__events` open, and each
 * event the server broadcasts (`building`, `reload`) reaches every one of them. A comment
 * line every 20 s keeps proxies and browsers from closing idle connections.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface LiveReload {
  /** Take over a request to the events URL. */
  connect(req: IncomingMessage, res: ServerResponse): void;
  broadcast(event: string, data: unknown): void;
  /** How many pages listening show one of `paths` (a page that did not say which it shows counts). */
  showing(paths: readonly string[]): number;
  /** How many pages are listening. */
  readonly clients: number;
  close(): void;
}

export function createLiveReload(): LiveReload {
  /** Each listening page, with the path it shows (`/__events?page=…`) when it said. */
  const clients = new Map<ServerResponse, string | undefined>();
  const heartbeat = setInterval(() => {
    for (const res of clients.keys()) res.write(': keep-alive\n\n');
  }, 20_000);
  heartbeat.unref();

  return {
    connect(req, res) {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write('retry: 1000\n\n');
      clients.set(res, new URL(req.url ?? '/', 'http://localhost').searchParams.get('page') ?? undefined);
      req.on('close', () => clients.delete(res));
    },
    broadcast(event, data) {
      const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
      for (const res of clients.keys()) res.write(frame);
    },
    showing(paths) {
      let count = 0;
      for (const page of clients.values()) if (page === undefined || paths.includes(page)) count++;
      return count;
    },
    get clients() {
      return clients.size;
    },
    close() {
      clearInterval(heartbeat);
      for (const res of clients.keys()) res.end();
      clients.clear();
    },
  };
}
