/**
 * The brief pool does in worker threads exactly what the build does in its own thread:
 * the same normalized briefs, HTML, print pages and messages, for every normalizer and
 * renderer fixture; a failing brief fails alone; a closed pool still works, in-thread.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { type BriefPool, createBriefPool } from '../../scripts/workers/brief-pool.js';
import { workerThreads } from '../../scripts/workers/threads.js';
import { type BuildConfig, loadConfig } from '../../scripts/core/config.js';
import type { RenderInput } from '../../scripts/render/render-brief.js';
import type { BriefData } from '../../scripts/core/types.js';

const repo = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(import.meta.dirname, '..', 'fixtures');
const cases = (stage: string) =>
  readdirSync(path.join(fixtures, stage), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

let config: BuildConfig;
let threaded: BriefPool;
let here: BriefPool;

beforeAll(async () => {
  config = await loadConfig(repo, {});
  threaded = createBriefPool(config, { threads: 2 });
  here = createBriefPool(config, { threads: 0 });
});

afterAll(async () => {
  await threaded?.close();
  await here?.close();
});

function renderInput(name: string): RenderInput {
  const markdown = readFileSync(path.join(fixtures, 'render', name, 'input.md'), 'utf8');
  const data = (parseYaml(/^---\n([\s\S]*?)\n---/.exec(markdown)?.[1] ?? '') ?? {}) as BriefData;
  return { slug: name, data: { ...data, title: data.title ?? name }, markdown, markdownPath: `dist/briefs/${name}.md` };
}

describe('normalizing in a worker thread', () => {
  it.each(cases('normalize'))('%s: the same brief and messages as in this thread', async (name) => {
    const dir = path.join(fixtures, 'normalize', name);
    const input = readdirSync(dir).find((f) => f.startsWith('input'))!;
    const source = { path: path.join(dir, input), bytes: new Uint8Array(readFileSync(path.join(dir, input))) };
    const [there, local] = await Promise.all([threaded.normalize(source), here.normalize(source)]);
    expect(there).toEqual(local);
    // The pools run with the sample site's organization (its letterhead is removed wherever it
    // appears), the golden files without one: test/normalize/normalize.test.ts checks those.
    if (local.ok) expect(local.markdown.startsWith('---\n')).toBe(true);
    else expect(local.messages.some((m) => m.fatal)).toBe(true);
  });
});

describe('rendering in a worker thread', () => {
  it.each(cases('render'))('%s: the same HTML, print page and messages as in this thread', async (name) => {
    const input = renderInput(name);
    const [there, local] = await Promise.all([threaded.render(input), here.render(input)]);
    expect(there).toEqual(local);
    expect(local.html.trim()).toBe(readFileSync(path.join(fixtures, 'render', name, 'output.html'), 'utf8').trim());
    expect(local.page).toContain(local.html);
    expect(local.messages.every((m) => m.path === input.markdownPath)).toBe(true);
  });

  it('fails a brief that cannot be rendered alone, and goes on', async () => {
    const broken = { ...renderInput('gfm-table'), data: null as unknown as BriefData };
    await expect(threaded.render(broken)).rejects.toThrow(Error);
    const next = await threaded.render(renderInput('gfm-table'));
    expect(next.html).toContain('<table>');
  });
});

describe('a worker thread that stops with work on it', () => {
  const stoppingWorker = path.join(import.meta.dirname, '../helpers/stopping-worker.ts');
  const source = () => {
    const dir = path.join(fixtures, 'normalize', 'generic-press-release');
    const input = readdirSync(dir).find((f) => f.startsWith('input'))!;
    return { path: path.join(dir, input), bytes: new Uint8Array(readFileSync(path.join(dir, input))) };
  };
  const withStop = async <T>(when: string, work: (pool: BriefPool) => Promise<T>): Promise<T> => {
    process.env.BRIEFPRESS_TEST_STOP = when; // read by the threads as they start
    const pool = createBriefPool(config, { threads: 1, workerModule: stoppingWorker });
    try {
      return await work(pool);
    } finally {
      delete process.env.BRIEFPRESS_TEST_STOP;
      await pool.close();
    }
  };

  it('is replaced, and what it held is done by the new thread', async () => {
    const marker = path.join(mkdtempSync(path.join(os.tmpdir(), 'briefpress-stop-')), 'stopped');
    const out = await withStop(marker, (pool) => pool.normalize(source()));
    expect(existsSync(marker)).toBe(true); // a thread did stop
    expect(out).toEqual(await here.normalize(source()));
  });

  it('fails what it held when the new thread stops too, and the pool goes on in this thread', async () => {
    await withStop('always', async (pool) => {
      await expect(pool.normalize(source())).rejects.toThrow(/a worker thread stopped: exit code 0/);
      expect(await pool.normalize(source())).toEqual(await here.normalize(source()));
    });
  });
});

describe('a closed pool', () => {
  it('renders in this thread', async () => {
    const pool = createBriefPool(config, { threads: 1 });
    await pool.close();
    const out = await pool.render(renderInput('gfm-table'));
    expect(out.html).toContain('<table>');
  });
});

describe('workerThreads', () => {
  it('uses none for a few briefs, and leaves a core to the main thread', () => {
    expect(workerThreads(10, 2, 2)).toBe(0);
    expect(workerThreads(1000, 2, 2)).toBe(1);
    expect(workerThreads(1000, 8, 8)).toBe(2);
    expect(workerThreads(1000, 32, 4)).toBe(3);
    expect(workerThreads(1000, 2, 1)).toBe(1);
  });
});
