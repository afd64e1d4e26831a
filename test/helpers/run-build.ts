/** `npm run build` as a user runs it: the command line in its own process, with its exit code and messages. */
import { spawn } from 'node:child_process';
import { command } from './command.js';

export interface BuildRun {
  code: number | null;
  stderr: string;
  /** The messages, one per line. */
  lines: string[];
}

/** Run the build command in `cwd`; `uid`/`gid`: as that user (for a test run as root). */
export function runBuild(cwd: string, args: string[] = [], options: { uid?: number; gid?: number } = {}): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(...command('build', ['--quiet', ...args]), {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid, env: { ...process.env, HOME: cwd } } : {}),
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stderr, lines: stderr.split('\n').filter(Boolean) }));
  });
}
