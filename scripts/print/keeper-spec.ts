/** What a build tells the warm browser's keeper (browser-keeper.ts, started by warm-browser.ts), and the files it keeps. */
export interface KeeperSpec {
  socket: string;
  executablePath: string;
  /** Chromium's arguments as Puppeteer would launch it, without the pipe and the profile. */
  args: string[];
  /** Variables added to the browser's environment (its fontconfig file). */
  env: Record<string, string>;
  idleMs: number;
}

/** Where a keeper writes its process id, beside its socket (`stopKeptBrowser`). */
export const pidFile = (socket: string) => `${socket}.pid`;
