/**
 * The warm browser's keeper (warm-browser.ts starts it): a small process of its own that
 * launches Chromium over a DevTools pipe, as Puppeteer does, and keeps it running between
 * builds, so that a rebuild of a few briefs does not wait for a browser to start (seconds
 * for Debian's full Chromium on a small machine).
 *
 * A build reaches the browser through a Unix socket in a folder only its user can open
 * (no TCP port another user or a web page could reach). Each build gets a session of its
 * own on the browser (`Target.attachToBrowserTarget`): what it set up (auto-attach,
 * request interception) goes when the session is detached, and the keeper then closes the
 * pages the build left open. One build at a time; another is refused (its connection is
 * closed) and launches a browser of its own.
 *
 * The keeper exits, closing the browser and removing its profile and socket, when no build
 * has used it for `idleMs`, when the browser exits, or when it is told to stop (SIGTERM,
 * SIGINT, SIGHUP). Killed outright, its browser loses the pipe and exits too; the next
 * build removes the profile left behind (cache/leftovers.ts).
 *
 * Started as `node scripts/start/run.mjs scripts/print/browser-keeper.ts SPEC` (a JSON
 * `KeeperSpec`); prints `ready` on its standard output once builds can connect.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { type KeeperSpec, pidFile } from './keeper-spec.js';
import { nulFrames } from './nul-frames.js';

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: unknown;
  sessionId?: string;
}

/** Pages kept open between builds. */
const SPARE_PAGES = 4;

/** The session a message is for, when it is the message's last field (as Chromium and Puppeteer write them). */
const SESSION_TAIL = /,"sessionId":"([^"\\]+)"}$/;

async function keep(spec: KeeperSpec): Promise<void> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'puppeteer_dev_chrome_profile-'));
  const browser = spawn(spec.executablePath, [...spec.args, '--remote-debugging-pipe', `--user-data-dir=${profile}`], {
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
  });
  const toBrowser = browser.stdio[3] as Writable;
  const fromBrowser = browser.stdio[4] as Readable;
  toBrowser.on('error', () => {});

  let stopping = false;
  const server = createServer((socket) => void serve(socket));
  const stop = (code = 0) => {
    if (stopping) return;
    stopping = true;
    server.close();
    for (const file of [spec.socket, pidFile(spec.socket)]) {
      try {
        unlinkSync(file);
      } catch {
        // already gone
      }
    }
    const done = () => {
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
      process.exit(code);
    };
    if (browser.exitCode !== null || browser.signalCode !== null) return done();
    browser.once('exit', done);
    send('Browser.close');
    setTimeout(() => browser.kill('SIGKILL'), 5000).unref();
  };
  browser.once('exit', () => stop(stopping ? 0 : 1));
  browser.once('error', () => stop(1));
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, () => stop());

  // The keeper's own calls go on the browser's root session; builds never use it.
  let nextId = 1;
  const replies = new Map<number, (message: Message) => void>();
  function send(method: string, params: object = {}): Promise<Message> {
    const id = nextId++;
    toBrowser.write(`${JSON.stringify({ id, method, params })}\0`);
    return new Promise((resolve) => replies.set(id, resolve));
  }

  let client: { socket: Socket; session: string } | undefined;
  nulFrames(fromBrowser, (text) => {
    // Chromium writes a message's session last: most messages are routed without parsing them.
    const tail = SESSION_TAIL.exec(text.slice(-120));
    const sessionId = tail ? tail[1] : (JSON.parse(text) as Message).sessionId;
    if (sessionId === undefined) {
      const message = JSON.parse(text) as Message;
      if (message.id !== undefined) replies.get(message.id)?.(message);
      if (message.id !== undefined) replies.delete(message.id);
      return;
    }
    if (!client) return; // a session of a build that has gone
    if (sessionId !== client.session) {
      client.socket.write(`${text}\0`); // the build's pages' sessions, as they are
      return;
    }
    // The build's own session is the root one as the build sees it.
    const message = JSON.parse(text) as Message;
    delete message.sessionId;
    client.socket.write(`${JSON.stringify(message)}\0`);
  });

  // Wait for the browser to answer before taking builds: a browser that cannot start fails here.
  const version = await Promise.race([
    send('Browser.getVersion'),
    new Promise<undefined>((resolve) => browser.once('exit', () => resolve(undefined))),
  ]);
  if (!version?.result) return stop(1);

  let idle: NodeJS.Timeout | undefined;
  const waitIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(() => stop(), spec.idleMs);
  };

  let busy = false;
  const serve = async (socket: Socket) => {
    if (busy || stopping) return socket.destroy();
    busy = true;
    clearTimeout(idle);
    const attached = await send('Target.attachToBrowserTarget');
    const session = attached.result?.sessionId;
    if (typeof session !== 'string' || socket.destroyed) {
      socket.destroy();
      busy = false;
      return waitIdle();
    }
    client = { socket, session };
    nulFrames(socket, (text) => {
      // Puppeteer writes `id` last when there is no session: the build's root is its own session here.
      if (/"id":\d+}$/.test(text.slice(-40))) toBrowser.write(`${text.slice(0, -1)},"sessionId":${JSON.stringify(session)}}\0`);
      else if (SESSION_TAIL.test(text.slice(-120))) toBrowser.write(`${text}\0`);
      else {
        const message = JSON.parse(text) as Message;
        message.sessionId ??= session;
        toBrowser.write(`${JSON.stringify(message)}\0`);
      }
    });
    socket.on('error', () => socket.destroy());
    socket.once('close', () => {
      client = undefined;
      void (async () => {
        await send('Target.detachFromTarget', { sessionId: session });
        // The pages it printed on stay for the next build (a page's renderer takes longer to start than a brief to print), a few.
        const after = await send('Target.getTargets');
        const pages = ((after.result?.targetInfos ?? []) as { targetId: string; type: string }[]).filter((t) => t.type === 'page');
        for (const target of pages.slice(SPARE_PAGES)) await send('Target.closeTarget', { targetId: target.targetId });
        busy = false;
        waitIdle();
      })();
    });
  };

  try {
    await listen(server, spec.socket);
  } catch {
    return stop(1); // another keeper has this socket
  }
  waitIdle();
  writeFileSync(pidFile(spec.socket), `${process.pid}\n`);
  process.stdout.write('ready\n');
}

/** Listen on `file`, taking the place of a socket no keeper answers on any more. */
async function listen(server: ReturnType<typeof createServer>, file: string): Promise<void> {
  const attempt = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(file, () => {
        server.off('error', reject);
        resolve();
      });
    });
  try {
    return await attempt();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
  }
  const answered = await new Promise<boolean>((resolve) => {
    const probe = createConnection(file, () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
  if (answered) throw new Error('another keeper is running');
  unlinkSync(file);
  return attempt();
}

const spec = JSON.parse(process.argv[2] ?? '{}') as KeeperSpec;
await keep(spec);
