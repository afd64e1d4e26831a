/**
 * The whole pipeline on the sample site, as a user runs it: a cold build (made once per
 * test run, test/setup/sample-site-build.ts, and copied here), a no-op rebuild that starts
 * no browser, an edit, a deleted source, a second source with a title already used.
 */
import { cp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../scripts/build.js';
import { sampleSiteCopy } from '../helpers/sample-site.js';

let project: string;
let cold: BuildResult;

const projects: string[] = [];
afterAll(() => Promise.all(projects.map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 3 }))));

/** A copy of the sample site as its cold build (once per test run) left it. */
async function builtProject(): Promise<{ project: string; cold: BuildResult }> {
  const copy = await sampleSiteCopy('briefpress-build-');
  projects.push(copy.project);
  return copy;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

beforeAll(async () => {
  ({ project, cold } = await builtProject());
});

describe('npm run build on the sample site', () => {
  it('builds both briefs without errors', () => {
    expect(cold.messages.filter((m) => m.includes(': error:'))).toEqual([]);
    expect(cold).toMatchObject({ ok: true, built: 2, cached: 0, failed: 0, launchedBrowser: true });
  });

  it('writes a PDF, a page and the normalized Markdown of each brief, and a manifest listing them', async () => {
    const manifest = JSON.parse(await readFile(path.join(project, 'dist/manifest.json'), 'utf8'));
    expect(manifest.map((e: { slug: string }) => e.slug)).toEqual([
      'itu-cybersecurity-proposals-threaten-existing-security-efforts-internet',
      'itu-ill-suited-to-regulate-cybersecurity',
    ]);
    for (const entry of manifest) {
      expect(entry).toMatchObject({ kind: expect.stringMatching(/^(brief|post)$/), pages: expect.any(Number) });
      for (const key of ['html', 'pdf', 'markdown']) expect((await stat(path.join(project, 'dist', entry[key]))).size).toBeGreaterThan(0);
      expect(entry.pages).toBeLessThanOrEqual(entry.budget);
      const pdf = await readFile(path.join(project, 'dist', entry.pdf));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.byteLength).toBe(entry.pdf_bytes);
    }
    expect(manifest[0]).toMatchObject({
      title: 'ITU Cybersecurity Proposals Threaten Existing Security Efforts, Internet Operations, and Human Rights',
      date: '2012-10-04',
      kind: 'brief',
    });
    expect(manifest[1]).toMatchObject({
      title: 'ITU Ill-Suited to Regulate Cybersecurity',
      date: '2012-09-06',
      kind: 'post',
      tags: ['WCIT', 'ITU'],
    });
  });

  it('leaves no temporary files behind', async () => {
    expect((await listFiles(path.join(project, 'dist'))).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('rebuilds nothing and starts no browser when nothing changed', async () => {
    const again = await build({ root: project, quiet: true });
    expect(again).toMatchObject({ ok: true, built: 0, cached: 2, launchedBrowser: false });
    expect(again.manifest).toEqual(cold.manifest);
  });

  it('writes a missing archive page again even when no source changed', async () => {
    await rm(path.join(project, 'dist/index.html'));
    const again = await build({ root: project, quiet: true });
    expect(again).toMatchObject({ ok: true, built: 0, cached: 2, launchedBrowser: false });
    expect((await stat(path.join(project, 'dist/index.html'))).size).toBeGreaterThan(0);
  });

  it('reprints only the edited brief', async () => {
    const file = path.join(project, 'sources/002_6d3c26cd4b054413.txt');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('as well as governments.', 'as well as governments. An added sentence.'));
    const edited = await build({ root: project, quiet: true });
    expect(edited).toMatchObject({ ok: true, built: 1, cached: 1 });
    const md = await readFile(path.join(project, 'dist/briefs/itu-ill-suited-to-regulate-cybersecurity.md'), 'utf8');
    expect(md).toContain('An added sentence.');
  });

  it('gives a second source with the same title its own slug and says so', async () => {
    const dir = (await builtProject()).project;
    await cp(path.join(dir, 'sources/002_6d3c26cd4b054413.txt'), path.join(dir, 'sources/003_copy.txt'));
    const result = await build({ root: dir, quiet: true });
    expect(result.manifest.map((e) => e.slug).sort()).toContain('itu-ill-suited-to-regulate-cybersecurity-2');
    expect(result.messages.some((m) => m.startsWith('sources/003_copy.txt') && m.includes('duplicate-slug'))).toBe(true);
    await rm(path.join(dir, 'sources/003_copy.txt'));
    const after = await build({ root: dir, quiet: true });
    expect(after.removed).toBeGreaterThanOrEqual(3);
    const left = await listFiles(path.join(dir, 'dist'));
    expect(left.filter((f) => f.includes('cybersecurity-2'))).toEqual([]);
  });
});
