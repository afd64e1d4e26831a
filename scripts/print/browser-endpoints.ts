/**
 * Which running browsers to print through, from `--browser-ws` or `BRIEFPRESS_BROWSER_WS`
 * (see remote-browser.ts). Kept apart from the printer so that reading the command line
 * does not load Puppeteer.
 */
import { UserError } from '../core/user-error.js';

export const BROWSER_WS_ENV = 'BRIEFPRESS_BROWSER_WS';

/**
 * The endpoints from `--browser-ws` values (each may list several, comma-separated) or,
 * when none is given, from `BRIEFPRESS_BROWSER_WS`. `ws://` and `wss://` are DevTools
 * WebSocket endpoints; `http://host:port` is a Chrome's debugging port, whose WebSocket
 * address is looked up. No endpoint: an empty list (launch Chromium locally).
 */
export function browserEndpoints(flags: readonly string[] | undefined, env: NodeJS.ProcessEnv = process.env): string[] {
  const given = flags?.length ? flags : env[BROWSER_WS_ENV] ? [env[BROWSER_WS_ENV]!] : [];
  const from = flags?.length ? '--browser-ws' : BROWSER_WS_ENV;
  const endpoints = given.flatMap((value) => value.split(/[\s,]+/)).filter(Boolean);
  for (const endpoint of endpoints) {
    let url: URL | undefined;
    try {
      url = new URL(endpoint);
    } catch {
      url = undefined;
    }
    if (!url || !['ws:', 'wss:', 'http:', 'https:'].includes(url.protocol)) {
      throw new UserError(
        `${from}: "${endpoint}" is not a browser endpoint; expected ws://host:port/devtools/browser/… or http://host:port`,
      );
    }
  }
  return [...new Set(endpoints)];
}
