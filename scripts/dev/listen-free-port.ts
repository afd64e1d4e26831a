/**
 * Listen on loopback: on the port asked for, or (when none was asked) on the default
 * port or the next free one after it, as Vite and Eleventy's dev servers do.
 */
import type { Server } from 'node:http';
import { UserError } from '../core/user-error.js';

export const DEFAULT_PORT = 4173;
const TRIES = 20;

function listenOnce(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.removeListener('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.removeListener('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** The port the server listens on. `port` 0 asks the system for any free port. */
export async function listenFreePort(server: Server, host: string, port: number | undefined): Promise<number> {
  const exact = port !== undefined;
  const first = port ?? DEFAULT_PORT;
  for (let candidate = first; candidate < first + (exact ? 1 : TRIES); candidate++) {
    try {
      return await listenOnce(server, host, candidate);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && !exact) continue;
      if (code === 'EADDRINUSE')
        throw new UserError(`port ${candidate} is in use; choose another with --port N, or leave --port out to take a free one`);
      if (code === 'EACCES') throw new UserError(`port ${candidate} needs privileges; choose one above 1024 with --port N`);
      throw error;
    }
  }
  throw new UserError(`ports ${first} to ${first + TRIES - 1} are all in use; choose one with --port N`);
}
