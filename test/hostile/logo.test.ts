/**
 * Issue 19, item 5: the configured logo is published as it is, so it must be inside the
 * project on its real path (not a symbolic link out of it) and really an image of its kind.
 */
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildConfig } from '../../scripts/core/config.js';
import { logoAsset } from '../../scripts/render/assets.js';

let root: string;
let outside: string;
const configWith = (logo: string) => ({ root, organization: { logo } }) as unknown as BuildConfig;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'briefpress-logo-'));
  outside = await mkdtemp(path.join(os.tmpdir(), 'briefpress-logo-outside-'));
  await writeFile(path.join(outside, 'secret.txt'), 'root:x:0:0:root:/root:/bin/bash\n');
  await writeFile(path.join(root, 'logo.svg'), '<?xml version="1.0"?>\n<!-- ours -->\n<svg xmlns="http://www.w3.org/2000/svg"></svg>\n');
  await writeFile(path.join(root, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  await writeFile(path.join(root, 'fake.png'), '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
  await writeFile(path.join(root, 'page.svg'), '<html><script>alert(1)</script></html>');
  await symlink(path.join(outside, 'secret.txt'), path.join(root, 'passwd.svg'));
  await symlink(path.join(root, 'logo.svg'), path.join(root, 'link-inside.svg'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describe('5. the logo', () => {
  it('is an SVG or PNG inside the project, also through a link that stays inside', () => {
    expect(logoAsset(configWith('logo.svg'))?.type).toBe('image/svg+xml');
    expect(logoAsset(configWith('logo.png'))?.type).toBe('image/png');
    expect(logoAsset(configWith('link-inside.svg'))?.file).toBe(path.join(root, 'logo.svg'));
  });

  it('refuses a symbolic link that leads out of the project', () => {
    expect(() => logoAsset(configWith('passwd.svg'))).toThrow(
      /organization\.logo: passwd\.svg is outside the project \(it leads to .*secret\.txt\)/,
    );
  });

  it('refuses a file that is not really an image of its kind', () => {
    expect(() => logoAsset(configWith('fake.png'))).toThrow(/organization\.logo: fake\.png is not really a PNG image/);
    expect(() => logoAsset(configWith('page.svg'))).toThrow(/organization\.logo: page\.svg is not really an SVG image/);
  });
});
