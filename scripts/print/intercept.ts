/**
 * What a printed page may load: the project's own assets, answered from memory (each read
 * once, when first asked for: of the fallback fonts a page fetches only the files its
 * characters need) at a virtual origin (`https://briefpress.invalid/`, a name that never resolves), and
 * `data:` URLs. Every other request is refused and counted.
 */
import { readFile } from 'node:fs/promises';
import type { HTTPRequest } from 'puppeteer-core';
import type { BuildConfig } from '../core/config.js';
import { projectAssets } from '../render/assets.js';

export const VIRTUAL_ORIGIN = 'https://briefpress.invalid/';
/** The page every pooled page opens first; each brief is then written into it. */
export const BLANK_URL = `${VIRTUAL_ORIGIN}print.html`;
// The data: icon keeps Chromium from asking for /favicon.ico.
const BLANK_PAGE = '<!DOCTYPE html><title>briefpress</title><link rel="icon" href="data:,">';

interface Served {
  file?: string;
  body?: Promise<Buffer>;
  type: string;
}

export interface Interceptor {
  /** Answer, let through or refuse one request (a page's `request` listener). */
  onRequest(request: HTTPRequest): void;
  /** Requests refused so far. */
  readonly blocked: number;
}

export async function createInterceptor(config: BuildConfig): Promise<Interceptor> {
  const served = new Map<string, Served>();
  for (const asset of await projectAssets(config)) {
    served.set(`${VIRTUAL_ORIGIN}${asset.url}`, { file: asset.file, type: asset.type });
  }
  served.set(BLANK_URL, { body: Promise.resolve(Buffer.from(BLANK_PAGE)), type: 'text/html; charset=utf-8' });
  let blocked = 0;
  return {
    onRequest(request) {
      const url = request.url();
      if (url.startsWith('data:')) return void request.continue().catch(() => {});
      const hit = request.method() === 'GET' ? served.get(url.split(/[?#]/)[0]!) : undefined;
      if (hit) {
        hit.body ??= readFile(hit.file!);
        hit.body.then(
          (body) => request.respond({ status: 200, contentType: hit.type, body }).catch(() => {}),
          () => request.abort('failed').catch(() => {}),
        );
      } else {
        blocked++;
        void request.abort('blockedbyclient').catch(() => {});
      }
    },
    get blocked() {
      return blocked;
    },
  };
}
