/**
 * `npm run dev` as a user meets it: the preview server on a free port in a temp copy of a
 * small project, with real builds and real Chromium. Editing a source rebuilds and sends a
 * reload event; a broken source shows its error in the terminal and over the page, and the
 * server keeps serving. No timing is asserted: only "within the test's timeout".
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/print/browser.js';
import { type DevServer, startDevServer } from '../../scripts/dev/dev-server.js';

const repo = path.resolve(import.meta.dirname, '../..');
let project: string;
let server: DevServer;
const logs: string[] = [];

const brief = (title: string, body: string, extra = '') => `---\ntitle: ${title}\ndate: 2024-03-01\nkind: brief\n${extra}---\n\n${body}\n`;

/** Server-Sent Events from the dev server, read as they arrive. */
function listen(url: string): {
  next(event: string, after?: (data: { version: number }) => boolean): Promise<{ version: number; ok: boolean; messages: string[] }>;
  close(): void;
} {
  let buffer = '';
  const frames: { event: string; data: string }[] = [];
  const waiters: (() => void)[] = [];
  const req = http.get(`${url}__events`, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (event && data) frames.push({ event, data });
        waiters.splice(0).forEach((wake) => wake());
      }
    });
  });
  req.on('error', () => {});
  return {
    async next(event, accept = () => true) {
      for (;;) {
        const index = frames.findIndex((f) => f.event === event && accept(JSON.parse(f.data)));
        if (index !== -1) return JSON.parse(frames.splice(0, index + 1).at(-1)!.data);
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    close: () => req.destroy(),
  };
}

async function get(url: string): Promise<{ status: number; text: string; type: string }> {
  const res = await fetch(url);
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') ?? '' };
}

beforeAll(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), 'briefpress-dev-'));
  await cp(path.join(repo, 'briefpress.config.yaml'), path.join(project, 'briefpress.config.yaml'));
  await cp(path.join(repo, 'templates'), path.join(project, 'templates'), { recursive: true });
  await mkdir(path.join(project, 'sources'));
  await writeFile(
    path.join(project, 'sources', 'first.md'),
    brief('First Preview Brief', 'The first version of the body.\n\n## Key Points\n\n- One point'),
  );
  server = await startDevServer({ root: project, port: 0, concurrency: 1, log: (line) => logs.push(line) });
});

afterAll(async () => {
  await server?.close();
  if (project) await rm(project, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('serves the built archive on loopback, with the reload script in the page but not on disk', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await get(server.url);
    expect(home.status).toBe(200);
    expect(home.type).toContain('text/html');
    expect(home.text).toContain('First Preview Brief');
    expect(home.text).toContain('/__briefpress/live-reload.js');
    expect(home.text).not.toContain('briefpress-overlay');
    expect(await readFile(path.join(project, 'dist', 'index.html'), 'utf8')).not.toContain('live-reload');
    const page = await get(`${server.url}briefs/first-preview-brief.html`);
    expect(page.text).toContain('The first version of the body.');
    const pdf = await fetch(`${server.url}briefs/first-preview-brief.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await get(`${server.url}live-reload.js`)).status).toBe(404);
  });

  it('serves nothing hidden and nothing outside the output folder', async () => {
    expect((await get(`${server.url}.briefpress/state.json`)).status).toBe(404);
    expect((await get(`${server.url}%2e%2e/briefpress.config.yaml`)).status).toBe(404);
    expect((await get(`${server.url}..%2fbriefpress.config.yaml`)).status).toBe(404);
  });

  it('11. answers only requests addressed to itself: another Host (DNS rebinding) gets 403', async () => {
    const status = (host: string) =>
      new Promise<{ code: number; body: string }>((resolve, reject) => {
        const req = http.get({ host: '127.0.0.1', port: server.port, path: '/', headers: { host } }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ code: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
      });
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `LOCALHOST:${server.port}`])
      expect((await status(host)).code, host).toBe(200);
    for (const host of [
      `attacker.example:${server.port}`,
      'localhost',
      `localhost:${server.port + 1}`,
      `127.0.0.1.attacker.example:${server.port}`,
    ]) {
      const answer = await status(host);
      expect(answer.code, host).toBe(403);
      expect(answer.body).not.toContain('<html');
    }
  });

  it('rebuilds when a source is edited and tells open pages to reload', async () => {
    const events = listen(server.url);
    const before = server.last.version;
    try {
      await writeFile(path.join(project, 'sources', 'first.md'), brief('First Preview Brief', 'The second version of the body.'));
      const reload = await events.next('reload', (d) => d.version > before);
      expect(reload.ok).toBe(true);
      expect(server.last.result).toMatchObject({ built: 1 });
      expect((await get(`${server.url}briefs/first-preview-brief.html`)).text).toContain('The second version of the body.');
    } finally {
      events.close();
    }
  });

  it("tells the edited brief's page to reload once its page and PDF are written, before the rest of the archive", async () => {
    const events = listen(server.url);
    const before = server.last.version;
    try {
      await writeFile(path.join(project, 'sources', 'first.md'), brief('First Preview Brief', 'The early version of the body.'));
      const updated = (await events.next('updated', (d) => d.version > before)) as unknown as { version: number; pages: string[] };
      expect(updated.pages).toEqual(['/briefs/first-preview-brief.html', '/__print/first-preview-brief']);
      expect((await get(`${server.url}briefs/first-preview-brief.html`)).text).toContain('The early version of the body.');
      const view = await get(`${server.url}__print/first-preview-brief`);
      expect(view.text).toContain(`data-pdf="/briefs/first-preview-brief.pdf?v=${updated.version}"`);
      const reload = await events.next('reload', (d) => d.version === updated.version);
      expect(reload.ok).toBe(true);
      expect(server.last.result).toMatchObject({ built: 1 });
    } finally {
      events.close();
    }
  });

  it('reloads an open page in a real browser after an edit, and draws the print view from the PDF', async () => {
    const browser = await launchBrowser();
    const events = listen(server.url);
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}briefs/first-preview-brief.html`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.getElementById('briefpress-badge')?.textContent?.includes('Print view'));
      const before = server.last.version;
      const reloaded = page.waitForNavigation();
      await writeFile(path.join(project, 'sources', 'first.md'), brief('First Preview Brief', 'The third version of the body.'));
      await reloaded;
      expect(await page.content()).toContain('The third version of the body.');
      // The page reloads at `updated`, once its page is written; the build ends after.
      await events.next('reload', (d) => d.version > before);

      await page.goto(`${server.url}__print/first-preview-brief`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.body.dataset.rendered);
      const drawn = await page.$$eval('#pages canvas', (canvases) => canvases.map((c) => (c as HTMLCanvasElement).width));
      expect(drawn.length).toBe(server.last.result!.manifest.find((e) => e.slug === 'first-preview-brief')!.pages);
      expect(drawn.every((width) => width > 0)).toBe(true);
    } finally {
      events.close();
      await browser.close();
    }
  });

  it('shows the print view of a brief with its page count, and warns when it overflows its budget', async () => {
    const events = listen(server.url);
    const before = server.last.version;
    try {
      const long = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} of a brief that is far too long for one page. `.repeat(6)).join(
        '\n\n',
      );
      await writeFile(path.join(project, 'sources', 'long.md'), brief('A Brief Too Long', long, 'pages: 1\n'));
      await events.next('reload', (d) => d.version > before);
    } finally {
      events.close();
    }
    const entry = server.last.result!.manifest.find((e) => e.slug === 'a-brief-too-long')!;
    expect(entry.pages).toBeGreaterThan(1);
    const view = await get(`${server.url}__print/a-brief-too-long`);
    expect(view.status).toBe(200);
    expect(view.text).toContain(`${entry.pages} pages of a budget of 1`);
    expect(view.text).toContain('Over budget');
    expect(view.text).toContain('data-pdf="/briefs/a-brief-too-long.pdf?v=');
    const fits = await get(`${server.url}__print/first-preview-brief`);
    expect(fits.text).not.toContain('Over budget');
    expect((await get(`${server.url}__print`)).text).toContain('A Brief Too Long');
    expect((await get(`${server.url}__print/no-such-brief`)).status).toBe(404);
    expect((await get(`${server.url}__briefpress/print-view.js`)).type).toContain('javascript');
    expect((await get(`${server.url}__pdfjs/pdf.min.mjs`)).status).toBe(200);
  });

  it("shows a broken source's error in the terminal and over the page, and keeps serving", async () => {
    const events = listen(server.url);
    let version = server.last.version;
    try {
      logs.length = 0;
      await writeFile(path.join(project, 'sources', 'broken.md'), brief('Broken Brief', 'Body.', 'pages: many\n'));
      const reload = await events.next('reload', (d) => d.version > version);
      expect(reload.ok).toBe(false);
      expect(logs.some((l) => l.startsWith('sources/broken.md') && l.includes(': error: '))).toBe(true);
      const home = await get(server.url);
      expect(home.status).toBe(200);
      expect(home.text).toContain('id="briefpress-overlay"');
      expect(home.text).toMatch(/sources\/broken\.md:\d+:\d+: error: /);
      expect(home.text).toContain('First Preview Brief');

      version = server.last.version;
      await writeFile(path.join(project, 'sources', 'broken.md'), brief('Broken Brief', 'Body, mended.'));
      expect((await events.next('reload', (d) => d.version > version)).ok).toBe(true);
      expect((await get(server.url)).text).not.toContain('briefpress-overlay');
    } finally {
      events.close();
    }
  });
});
