import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_ORGANIZATION, generateSources, writeSources } from '../../scripts/bench/generate-sources.js';

describe('bench source generator', () => {
  const sources = generateSources({ count: 60, seed: 42 });

  it('produces N sources of all three kinds in rotation, with unique names', () => {
    expect(sources).toHaveLength(60);
    expect(sources.slice(0, 3).map((s) => s.kind)).toEqual(['pdf-extraction', 'web-export', 'markdown']);
    for (const kind of ['pdf-extraction', 'web-export', 'markdown'] as const) {
      expect(sources.filter((s) => s.kind === kind)).toHaveLength(20);
    }
    expect(new Set(sources.map((s) => s.name)).size).toBe(60);
    expect(sources.filter((s) => s.kind === 'markdown').every((s) => s.name.endsWith('.md'))).toBe(true);
  });

  it('is deterministic for a seed, differs across seeds, and source i does not depend on N', () => {
    expect(generateSources({ count: 60, seed: 42 })).toEqual(sources);
    expect(generateSources({ count: 10, seed: 42 })).toEqual(sources.slice(0, 10));
    const other = generateSources({ count: 60, seed: 43 });
    expect(other.filter((s, i) => s.text === sources[i]?.text)).toHaveLength(0);
  });

  it('gives lengths for one to three printed pages', () => {
    const words = sources.map((s) => s.words);
    expect(Math.min(...words)).toBeGreaterThanOrEqual(250);
    expect(Math.max(...words)).toBeLessThanOrEqual(1500);
    expect(words.filter((w) => w < 450).length).toBeGreaterThan(5);
    expect(words.filter((w) => w > 900).length).toBeGreaterThan(3);
  });

  it('writes PDF extractions with letterhead, an ALL-CAPS title, a date, Key Points and contacts', () => {
    const pdfs = sources.filter((s) => s.kind === 'pdf-extraction');
    for (const s of pdfs) {
      expect(s.text).toContain(DEFAULT_ORGANIZATION.phone);
      expect(s.text).toMatch(/^[A-Z0-9 ,:'’-]{20,}$/m);
      expect(s.text).toMatch(/^(Key Points|Conclusions|Further Information)$/m);
      expect(s.text).toMatch(/^Or contact [^@]+@opennetworks\.example/m);
      expect(s.text).toMatch(/^([-•◦*\uF0B7]|\(?1[.)])\s\S/m);
    }
    const wrapped = pdfs.filter((s) => s.text.includes('\f'));
    expect(wrapped.length).toBeGreaterThan(2);
    expect(pdfs.some((s) => /[a-z]-\n {0,4}[a-z]/.test(s.text))).toBe(true);
    expect(pdfs.some((s) => !s.text.includes('\f'))).toBe(true);
  });

  it('writes web exports with byline, numbered references resolved by a Links list, tags, copyright and Source URL', () => {
    const posts = sources.filter((s) => s.kind === 'web-export');
    for (const s of posts) {
      expect(s.text).toMatch(/^Source URL: <?https:\/\//m);
      expect(s.text).toMatch(/©/);
      const refs = [...s.text.matchAll(/\]\(#\) \[(\d+)\]/g)].map((m) => Number(m[1]));
      const listed = [...s.text.matchAll(/^\[(\d+)\] <?https?:\/\//gm)].map((m) => Number(m[1]));
      expect(new Set(refs)).toEqual(new Set(listed));
    }
    expect(posts.some((s) => /^by \[[^\]]+\]\(#\) \[1\]/m.test(s.text))).toBe(true);
    expect(posts.some((s) => !/^by /m.test(s.text))).toBe(true);
    expect(posts.some((s) => /^-\n- \[[^\]]+\]\(#\)$/m.test(s.text))).toBe(true);
  });

  it('writes Markdown whose front matter parses and has a title and an ISO date', () => {
    for (const s of sources.filter((x) => x.kind === 'markdown')) {
      const m = /^---\n([\s\S]*?)\n---\n/.exec(s.text);
      expect(m).not.toBeNull();
      const data = parse(m![1]!) as Record<string, unknown>;
      expect(data.title).toBe(s.title);
      expect(String(data.date)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(s.text).toMatch(/^## Key Points$/m);
    }
  });

  it('writes the files into a directory', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-gen-'));
    try {
      await writeSources(dir, sources.slice(0, 6));
      expect((await readdir(dir)).sort()).toEqual(
        sources
          .slice(0, 6)
          .map((s) => s.name)
          .sort(),
      );
      expect(await readFile(path.join(dir, sources[1]!.name), 'utf8')).toBe(sources[1]!.text);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
