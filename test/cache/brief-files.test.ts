/**
 * The one pass over the cached briefs a build makes before anything is written: which are
 * missing a file (built again), whether every page is there (the archive's check) and whether
 * anything else is in `briefs/` (the stray-file sweep), from one listing per folder.
 */
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { BODIES_DIR } from '../../scripts/cache/bodies.js';
import { checkBriefFiles } from '../../scripts/cache/read-sources.js';
import type { IndexedBrief } from '../../scripts/cache/state.js';
import { briefOutputTest, outputsOfSlug } from '../../scripts/core/brief-outputs.js';

const tmp = await mkdtemp(path.join(os.tmpdir(), 'briefpress-brief-files-'));
afterAll(() => rm(tmp, { recursive: true, force: true }));
let outDir: string;
let cacheDir: string;
let round = 0;

const brief = (slug: string, cover: boolean, bodyHash = `${slug.replace(/-/g, '')}`.padEnd(32, '0')): IndexedBrief => ({
  hash: 'h',
  baseSlug: slug,
  slug,
  pages: 1,
  ...(cover ? { cover: true as const } : {}),
  bodyHash,
  messages: [],
});
const cached = new Map([
  ['sources/a.md', brief('a', true)],
  ['sources/b.md', brief('b', false)],
]);

beforeEach(async () => {
  outDir = path.join(tmp, `out-${++round}`);
  cacheDir = path.join(tmp, `cache-${round}`);
  await mkdir(path.join(outDir, 'briefs'), { recursive: true });
  await mkdir(path.join(cacheDir, BODIES_DIR), { recursive: true });
  for (const b of cached.values()) {
    for (const file of outputsOfSlug(b)) await writeFile(path.join(outDir, file), '');
    await writeFile(path.join(cacheDir, BODIES_DIR, `${b.bodyHash}.html`), '');
  }
});

describe('checkBriefFiles', () => {
  it('finds everything in place, and nothing else in briefs/', async () => {
    expect(await checkBriefFiles(cached, outDir, cacheDir)).toEqual({ missing: [], pagesPresent: true, noStrays: true });
  });

  it('names the brief whose PDF, Markdown, picture or body is missing', async () => {
    await unlink(path.join(outDir, 'briefs/a.jpg'));
    await unlink(path.join(cacheDir, BODIES_DIR, `${cached.get('sources/b.md')!.bodyHash}.html`));
    expect(await checkBriefFiles(cached, outDir, cacheDir)).toMatchObject({ missing: ['sources/a.md', 'sources/b.md'] });
  });

  it('tells a missing page apart: the archive writes it, the brief is not built again', async () => {
    await unlink(path.join(outDir, 'briefs/b.html'));
    expect(await checkBriefFiles(cached, outDir, cacheDir)).toEqual({ missing: [], pagesPresent: false, noStrays: true });
  });

  it('sees a file in briefs/ that no brief has, even when one of theirs is missing', async () => {
    await writeFile(path.join(outDir, 'briefs/left-over.pdf'), '');
    expect(await checkBriefFiles(cached, outDir, cacheDir)).toMatchObject({ noStrays: false });
    await unlink(path.join(outDir, 'briefs/b.md'));
    expect(await checkBriefFiles(cached, outDir, cacheDir)).toMatchObject({ missing: ['sources/b.md'], noStrays: false });
  });

  it('does not count the files of two briefs of one slug twice', async () => {
    // As many strays as the second brief of slug `b` would claim: counted twice, they would hide.
    for (const name of ['x.html', 'x.pdf', 'x.md']) await writeFile(path.join(outDir, 'briefs', name), '');
    const twice = new Map([...cached, ['sources/c.md', brief('b', false, cached.get('sources/b.md')!.bodyHash)]]);
    expect(await checkBriefFiles(twice, outDir, cacheDir)).toMatchObject({ missing: [], noStrays: false });
  });
});

describe('briefOutputTest', () => {
  it("says of a file exactly whether it is one of the briefs' files (`outputsOfSlug`)", () => {
    // Two records of one slug, one with a picture: the slug's picture is theirs.
    const briefs = [brief('a', true), brief('b', false), brief('c-2', false), brief('c-2', true), brief('d', false)];
    const owned = new Set(briefs.flatMap(outputsOfSlug));
    const keeps = briefOutputTest(briefs);
    const names = ['a', 'b', 'c-2', 'd', 'e', 'a.b', '', 'sub/a'];
    const candidates = [
      ...names.flatMap((name) => ['html', 'pdf', 'md', 'jpg', 'png', ''].map((ext) => `briefs/${name}.${ext}`)),
      ...['a.pdf', 'briefs/a', 'briefs/.pdf', 'other/a.pdf', 'briefsa.pdf', 'briefs/a.pdf.pdf', 'index.html'],
    ];
    for (const file of candidates) expect(keeps(file), file).toBe(owned.has(file));
  });
});
