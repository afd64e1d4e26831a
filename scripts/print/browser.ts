/**
 * Find a Chromium-family browser and launch it for printing. Puppeteer's own download
 * cannot be relied on (machines without internet), so the order is:
 * `PUPPETEER_EXECUTABLE_PATH`, then a browser Puppeteer installed in its cache, then a
 * system Chrome/Chromium. No browser: one message saying how to get one.
 *
 * A headless shell (Puppeteer's `chrome-headless-shell`, Debian's `chromium-headless-shell`)
 * comes first where there is one: it is the same Blink and Skia without the browser's
 * windowing and compositing, so it prints the same PDFs, byte for byte, in about two
 * thirds of the time.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { UserError } from '../core/user-error.js';
import { shippedFontsConfig } from './font-config.js';

const SYSTEM_BROWSERS = [
  // Debian's /usr/bin/chromium-headless-shell is a script that runs this binary without
  // `exec`: launched through it, the browser would be a grandchild that a kill misses.
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export const NO_BROWSER_MESSAGE = [
  'no Chrome or Chromium found to print PDFs with.',
  'Install one, e.g. `sudo apt-get install chromium-headless-shell` or `chromium` (Debian/Ubuntu; the headless shell prints faster),',
  'or `npx puppeteer browsers install chrome-headless-shell`,',
  'or point PUPPETEER_EXECUTABLE_PATH at an existing Chrome/Chromium binary.',
].join('\n  ');

/** Where the browser comes from, for messages and `--help`. */
export interface FoundBrowser {
  executablePath: string;
  from: 'PUPPETEER_EXECUTABLE_PATH' | 'puppeteer cache' | 'system';
}

export async function findBrowser(env: NodeJS.ProcessEnv = process.env): Promise<FoundBrowser> {
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return { executablePath: fromEnv, from: 'PUPPETEER_EXECUTABLE_PATH' };
    throw new UserError(`PUPPETEER_EXECUTABLE_PATH is ${fromEnv}, but there is no file there.\n  ${NO_BROWSER_MESSAGE}`);
  }
  const cacheDir = env.PUPPETEER_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'puppeteer');
  // @puppeteer/browsers (with the proxy and HTTPS modules it loads) only when there is a cache to look in:
  // every build that prints finds its browser here, and most machines have no Puppeteer cache.
  if (existsSync(cacheDir)) {
    const { Browser: BrowserName, getInstalledBrowsers } = await import('@puppeteer/browsers');
    const installed = await getInstalledBrowsers({ cacheDir }).catch(() => []);
    const preferred = [BrowserName.CHROMEHEADLESSSHELL, BrowserName.CHROME, BrowserName.CHROMIUM];
    for (const name of preferred) {
      const hit = installed.find((b) => b.browser === name && existsSync(b.executablePath));
      if (hit) return { executablePath: hit.executablePath, from: 'puppeteer cache' };
    }
  }
  const system = SYSTEM_BROWSERS.find((p) => existsSync(p));
  if (system) return { executablePath: system, from: 'system' };
  throw new UserError(NO_BROWSER_MESSAGE);
}

/**
 * The builds of Debian's Chromium installed here, as a user would launch them: the headless
 * shell and the full browser (`/usr/bin/chromium`, what many users have). The bench runs
 * its rebuilds with each.
 */
export function installedSystemBrowsers(): string[] {
  const shell = ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium-headless-shell'].find((p) => existsSync(p));
  const full = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  return [shell, full].filter((p): p is string => p !== undefined);
}

/** Flags that keep Chromium off the network and quiet at start. */
export function launchArgs(isRoot = process.getuid?.() === 0): string[] {
  return [
    ...(isRoot ? ['--no-sandbox'] : []),
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-gpu',
    '--disable-quic',
    '--font-render-hinting=none',
  ];
}

/**
 * What the printer adds when it takes no picture of page 1 (`site.page_pictures: false`):
 * `--enable-begin-frame-control`, so the compositor makes no frames unless asked. Printing
 * needs none; the PDFs are byte-identical and a print costs Chromium about a fifth less.
 * A screenshot needs frames (asked for with `HeadlessExperimental.beginFrame`, a picture
 * sometimes came back empty and sometimes closed the page), so a printer that takes
 * pictures launches without it.
 */
export const FRAMELESS_ARGS: readonly string[] = ['--enable-begin-frame-control'];

/** The printer's own flags: none when it takes pictures of page 1, `FRAMELESS_ARGS` when it takes none. */
export function printingArgs(pictures: boolean): string[] {
  return pictures ? [] : [...FRAMELESS_ARGS];
}

/** How the printer's browser is started: its binary, every argument but the pipe and profile (as Puppeteer adds them), its environment. */
export interface PrintingLaunch {
  executablePath: string;
  args: string[];
  env: Record<string, string>;
}

/** The printer's browser as `launchBrowser(executablePath, printingArgs(pictures), { systemFonts: false })` starts it. */
export async function printingLaunch(executablePath?: string, pictures = true): Promise<PrintingLaunch> {
  return {
    executablePath: executablePath ?? (await findBrowser()).executablePath,
    args: puppeteer.defaultArgs({ headless: true, args: [...launchArgs(), ...printingArgs(pictures)] }),
    env: process.platform === 'linux' ? { FONTCONFIG_FILE: await shippedFontsConfig() } : {},
  };
}

export interface LaunchOptions {
  /**
   * Let the browser use the machine's fonts: true for a browser that shows pages; the
   * printer's sees only the shipped fonts (print/font-config.ts), on Linux.
   */
  systemFonts?: boolean;
}

export async function launchBrowser(
  executablePath?: string,
  extraArgs: readonly string[] = [],
  options: LaunchOptions = { systemFonts: true },
): Promise<Browser> {
  const exe = executablePath ?? (await findBrowser()).executablePath;
  return puppeteer.launch({
    executablePath: exe,
    headless: true,
    args: [...launchArgs(), ...extraArgs],
    ...(options.systemFonts === false && process.platform === 'linux'
      ? { env: { ...process.env, FONTCONFIG_FILE: await shippedFontsConfig() } }
      : {}),
    // Talk over a pipe, not a port: when the build's process dies, even by SIGKILL, the pipe
    // closes and the browser exits with it instead of running on as an orphan.
    pipe: true,
    // We close the browser ourselves on every exit path (see print/printer.ts).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/** Close a browser launched with `launchBrowser`, and remove the temporary profile Puppeteer made for it. */
export async function closeLaunchedBrowser(launched: Browser): Promise<void> {
  const profile = temporaryProfile(launched);
  await launched.close().catch(() => {});
  // Puppeteer deletes its temporary profile before the browser has quite exited, and the
  // browser may write into it once more: delete it again, now that the browser is gone.
  if (profile) await rm(profile, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
}

/** The temporary profile folder Puppeteer made for a browser it launched, if any. */
function temporaryProfile(browser: Browser | undefined): string | undefined {
  const arg = browser?.process()?.spawnargs.find((a) => a.startsWith('--user-data-dir='));
  const dir = arg?.slice('--user-data-dir='.length);
  return dir && path.basename(dir).startsWith('puppeteer_dev_chrome_profile-') ? dir : undefined;
}
