/**
 * A browser kept warm between builds (`npm run build -- --keep-browser SECONDS`; by default
 * for five minutes when the build runs in a terminal): a rebuild of a few briefs connects to
 * the browser the last build left running instead of launching one, which takes seconds on a
 * small machine (Debian's full Chromium: 2-5 s). The browser lives in a keeper process of its
 * own (browser-keeper.ts), reached through a Unix socket in a folder only this user can open,
 * and exits when no build has used it for the given time.
 *
 * One keeper per output folder's cache and per browser build, arguments and fonts: the
 * socket's name hashes them, so a build never prints with a browser started differently.
 * Anything unexpected (no socket folder of our own, a keeper that does not start or is busy)
 * gives `undefined`, and the build launches its own browser as before.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync } from 'node:fs';
import { createConnection, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type ConnectionTransport } from 'puppeteer-core';
import { type KeeperSpec, pidFile } from './keeper-spec.js';
import { nulFrames } from './nul-frames.js';
import type { PrintingLaunch } from './browser.js';

const RUN = fileURLToPath(new URL('../start/run.mjs', import.meta.url));
const KEEPER = fileURLToPath(new URL('./browser-keeper.ts', import.meta.url));
/** How long a new keeper may take to have its browser ready. */
const START_TIMEOUT_MS = 60_000;

/** The keeper's socket for this launch and cache folder, in a folder of this user's own; undefined when there is none. */
export function keeperSocket(launch: PrintingLaunch, cacheDir: string, tmp = os.tmpdir()): string | undefined {
  const uid = process.getuid?.();
  if (uid === undefined) return undefined; // Unix sockets with owner-only folders: not on Windows
  const dir = path.join(tmp, `briefpress-warm-${uid}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const info = lstatSync(dir);
    // Someone else's folder, or one others may enter: no keeper (anyone who can reach the socket can drive the browser).
    if (!info.isDirectory() || info.uid !== uid || (info.mode & 0o077) !== 0) return undefined;
  } catch {
    return undefined;
  }
  const key = createHash('sha256')
    .update(JSON.stringify([cacheDir, launch]))
    .digest('hex')
    .slice(0, 20);
  return path.join(dir, `${key}.sock`);
}

/**
 * The warm browser for `launch`, started first if no keeper runs (it then stays for
 * `idleMs` after the last build); undefined when there can be none or it is busy.
 */
export async function connectWarmBrowser(
  launch: PrintingLaunch,
  cacheDir: string,
  idleMs: number,
): Promise<{ browser: Browser; started: boolean } | undefined> {
  const socketPath = keeperSocket(launch, cacheDir);
  if (!socketPath) return undefined;
  let socket = await open(socketPath);
  const started = !socket;
  if (!socket) {
    if (!(await startKeeper({ socket: socketPath, ...launch, idleMs }))) return undefined;
    socket = await open(socketPath);
    if (!socket) return undefined;
  }
  try {
    const browser = await puppeteer.connect({ transport: socketTransport(socket), defaultViewport: { width: 800, height: 600 } });
    return { browser, started };
  } catch {
    socket.destroy();
    return undefined; // refused: another build is using it
  }
}

function open(socketPath: string): Promise<Socket | undefined> {
  return new Promise((resolve) => {
    const socket = createConnection(socketPath, () => {
      socket.off('error', failed);
      resolve(socket);
    });
    const failed = () => resolve(undefined);
    socket.once('error', failed);
  });
}

/** Start a keeper, detached from this process; whether it said it is ready. */
function startKeeper(spec: KeeperSpec): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [RUN, KEEPER, JSON.stringify(spec)], {
      detached: true,
      stdio: ['ignore', 'pipe', 'ignore'],
      cwd: os.tmpdir(),
    });
    let said = '';
    const done = (ready: boolean) => {
      clearTimeout(timer);
      child.stdout.destroy();
      child.unref();
      resolve(ready);
    };
    const timer = setTimeout(() => {
      child.kill();
      done(false);
    }, START_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('ready\n')) done(true);
    });
    child.once('exit', () => done(false));
    child.once('error', () => done(false));
  });
}

/** Puppeteer's side of the socket: NUL-terminated JSON messages, as over a DevTools pipe. */
function socketTransport(socket: Socket): ConnectionTransport {
  const transport: ConnectionTransport = {
    send(message) {
      if (!socket.destroyed) socket.write(`${message}\0`);
    },
    close() {
      socket.end();
    },
  };
  nulFrames(socket, (text) => transport.onmessage?.(text));
  socket.on('error', () => socket.destroy());
  socket.once('close', () => transport.onclose?.());
  return transport;
}

/** Stop the warm browser of `launch` and `cacheDir`, if one runs (it closes its browser); whether there was one. */
export function stopKeptBrowser(launch: PrintingLaunch, cacheDir: string): boolean {
  const socketPath = keeperSocket(launch, cacheDir);
  if (!socketPath) return false;
  try {
    process.kill(Number(readFileSync(pidFile(socketPath), 'utf8')), 'SIGTERM');
    return true;
  } catch {
    return false;
  }
}
