import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadConfig, parseConfig, resolveConfig } from '../../scripts/core/config.js';
import { UserError } from '../../scripts/core/user-error.js';

const sample = await readFile(new URL('../../briefpress.config.yaml', import.meta.url), 'utf8');

describe('configuration', () => {
  it('reads the sample site as CDT of 2012 with defaults filled in', () => {
    const config = parseConfig(sample, 'briefpress.config.yaml');
    expect(config.organization.name).toBe('Center for Democracy & Technology');
    expect(config.organization.tagline).toBe('KEEPING THE INTERNET OPEN • INNOVATIVE • FREE');
    expect(config.organization.address).toEqual(['1634 I Street, NW', 'Suite 1100', 'Washington, DC 20006']);
    expect(config.print).toMatchObject({ paper: 'letter', pages: 2 });
  });

  it('names a mistyped key with its place and a suggestion', () => {
    const text = 'organization:\n  name: Example\n  adress:\n    - 1 Main St\n';
    expect(() => parseConfig(text, 'briefpress.config.yaml')).toThrow(
      'briefpress.config.yaml:3:3: unknown key `organization.adress` (did you mean `address`?)',
    );
  });

  it('names a bad value with the line and column of the value', () => {
    const text = 'organization:\n  name: Example\nprint:\n  paper: legal\n';
    expect(() => parseConfig(text, 'c.yaml')).toThrow(/^c\.yaml:4:10: `print\.paper`: /);
  });

  it('reports invalid YAML with its place', () => {
    expect(() => parseConfig('organization:\n  name: [unclosed\n', 'c.yaml')).toThrow(/^c\.yaml:\d+:\d+: invalid YAML/);
  });

  it('refuses a site.url with a path and a base_path too, saying how to give the path once', () => {
    const text = 'organization:\n  name: Example\nsite:\n  url: https://example.org/briefs/\n  base_path: /briefs/\n';
    expect(() => parseConfig(text, 'c.yaml')).toThrow(
      'c.yaml:5:14: `site.base_path`: /briefs/ and `site.url` https://example.org/briefs/ both give a path: say it once, ' +
        'either `url: https://example.org` with `base_path: /briefs/`, or `url: https://example.org/briefs/` without `base_path`',
    );
    const host = parseConfig(text.replace('https://example.org/briefs/', 'https://example.org'), 'c.yaml');
    expect(host.site).toMatchObject({ url: 'https://example.org', base_path: '/briefs/' });
  });

  it('checks packets: a mistyped key with a suggestion, a bad name, a missing selection, two packets with one name', () => {
    const head = 'organization:\n  name: Example\npackets:\n';
    expect(() => parseConfig(`${head}  - name: hill-day\n    tilte: Hill Day\n    tags: [x]\n`, 'c.yaml')).toThrow(
      'c.yaml:5:5: unknown key `packets.0.tilte` (did you mean `title`?)',
    );
    expect(() => parseConfig(`${head}  - name: Hill Day\n    title: Hill Day\n    tags: [x]\n`, 'c.yaml')).toThrow(
      /^c\.yaml:4:11: `packets\.0\.name`: a packet name is lower-case letters/,
    );
    expect(() => parseConfig(`${head}  - name: hill-day\n    title: Hill Day\n`, 'c.yaml')).toThrow(/a packet needs a selection/);
    const twice = `${head}  - { name: a, title: A, tags: [x] }\n  - { name: a, title: B, kind: post }\n`;
    expect(() => parseConfig(twice, 'c.yaml')).toThrow(/^c\.yaml:5:13: `packets\.1\.name`: two packets are named `a`/);
    const ok = parseConfig(`${head}  - name: hill-day\n    title: Hill Day\n    date: 2012-11-15\n    slugs: [a, b]\n`, 'c.yaml');
    expect(ok.packets).toEqual([{ name: 'hill-day', title: 'Hill Day', date: '2012-11-15', slugs: ['a', 'b'], order: 'date' }]);
  });

  it('refuses an output folder that holds the project or the sources', () => {
    const site = parseConfig(sample, 'c.yaml');
    const root = '/tmp/project';
    for (const out of ['.', '..', 'sources', 'sources/out', '/']) {
      expect(() => resolveConfig(site, root, { out }), out).toThrow(UserError);
    }
    expect(resolveConfig(site, root, { out: 'dist' }).outDir).toBe('/tmp/project/dist');
  });

  it('keeps the build cache beside the output folder, and refuses an output folder named as the cache folder', () => {
    const site = parseConfig(sample, 'c.yaml');
    const root = '/tmp/project';
    expect(resolveConfig(site, root, { out: 'dist' }).cacheDir).toBe('/tmp/project/.briefpress/dist');
    expect(resolveConfig(site, root, { out: '../site/public' }).cacheDir).toBe('/tmp/site/.briefpress/public');
    expect(() => resolveConfig(site, root, { out: '../.briefpress' })).toThrow(/name of the build cache/);
  });

  it('uses the project’s templates, or briefpress’s own when the project has none', async () => {
    const site = parseConfig(sample, 'c.yaml');
    const repo = path.join(import.meta.dirname, '../..');
    expect(resolveConfig(site, repo).templatesDir).toBe(path.join(repo, 'templates'));
    const dir = await mkdtemp(path.join(os.tmpdir(), 'briefpress-config-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    expect(resolveConfig(site, dir).templatesDir).toBe(path.join(repo, 'templates'));
    await mkdir(path.join(dir, 'templates'));
    expect(resolveConfig(site, dir).templatesDir).toBe(path.join(dir, 'templates'));
  });

  it('refuses an output folder that is a symbolic link to the sources or into them, by its real path', async () => {
    const site = parseConfig(sample, 'c.yaml');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'briefpress-config-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const elsewhere = await mkdtemp(path.join(os.tmpdir(), 'briefpress-elsewhere-'));
    onTestFinished(() => rm(elsewhere, { recursive: true, force: true }));
    await mkdir(path.join(dir, 'sources/sub'), { recursive: true });
    await symlink(path.join(dir, 'sources'), path.join(dir, 'dist'));
    await symlink('sources/sub', path.join(dir, 'inner'));
    await symlink(elsewhere, path.join(dir, 'site'));
    expect(() => resolveConfig(site, dir, { out: 'dist' })).toThrow(/through a symbolic link it is .*sources, which contains or is inside/);
    expect(() => resolveConfig(site, dir, { out: 'inner/public' })).toThrow(/through a symbolic link/);
    // A link that leads outside the project is a place of its own, existing or not below it.
    expect(resolveConfig(site, dir, { out: 'site/public' }).outDir).toBe(path.join(dir, 'site/public'));
    expect(resolveConfig(site, dir, { out: 'out' }).outDir).toBe(path.join(dir, 'out'));
  });

  it('says how to fix a missing configuration file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'briefpress-config-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    await expect(loadConfig(dir)).rejects.toThrow(/briefpress\.config\.yaml: not found/);
  });
});

describe('hostile configuration (issue 19)', () => {
  it('2. an alias to no anchor is an error at the alias, not a crash', () => {
    const text = 'organization:\n  name: Example\n  tagline: *NEW\n';
    expect(() => parseConfig(text, 'briefpress.config.yaml')).toThrow(UserError);
    expect(() => parseConfig(text, 'briefpress.config.yaml')).toThrow(/^briefpress\.config\.yaml:3:12: invalid YAML: .*\*NEW/);
  });

  it('6. a control character in a value is an error at its place (it would make the feed invalid XML)', () => {
    expect(() => parseConfig('organization:\n  name: "Ex\\eample"\n', 'c.yaml')).toThrow(/^c\.yaml:1:1: .*U\+001B \(ESC\)/);
    expect(() => parseConfig('organization:\n  name: Ex\u0007ample\n', 'c.yaml')).toThrow(/^c\.yaml:2:11: .*U\+0007 \(BEL\)/);
  });

  it('12. a configuration far larger than any real one is refused unread', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'briefpress-config-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const comment = `# ${'x'.repeat(78)}\n`;
    await writeFile(
      path.join(dir, 'briefpress.config.yaml'),
      `organization:\n  name: Example\n${comment.repeat((8 * 1024 * 1024) / comment.length)}`,
    );
    await expect(loadConfig(dir)).rejects.toThrow(/^briefpress\.config\.yaml:1:1: too large for a configuration/);
  });
});
