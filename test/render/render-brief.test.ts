/**
 * A process that builds again and again (`npm run dev`) keeps its brief renderer, with the
 * templates it compiled, while the configuration and the templates stay the same, and
 * renders with the edited template once one changes.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type BuildConfig } from '../../scripts/core/config.js';
import { createBriefRenderer, type RenderInput } from '../../scripts/render/render-brief.js';

const repo = path.join(import.meta.dirname, '../..');
let project: string;
let config: BuildConfig;

const input: RenderInput = {
  slug: 'a-title',
  data: { title: 'A Title', kind: 'brief', date: '2012-10-04' },
  markdown: '---\ntitle: A Title\n---\n\nBody text.\n',
  markdownPath: 'dist/briefs/a-title.md',
};

beforeAll(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), 'briefpress-renderer-'));
  await cp(path.join(repo, 'templates'), path.join(project, 'templates'), { recursive: true });
  await cp(path.join(repo, 'briefpress.config.yaml'), path.join(project, 'briefpress.config.yaml'));
  config = await loadConfig(project);
});

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe('the brief renderer between builds', () => {
  it('is kept while nothing it was made from changes, and made again when a template is edited', async () => {
    const first = createBriefRenderer(config);
    expect(createBriefRenderer(await loadConfig(project))).toBe(first);
    expect((await first(input)).page).not.toContain('edited-template-marker');

    const template = path.join(project, 'templates', 'brief.njk');
    await writeFile(template, `${await readFile(template, 'utf8')}\n<!-- edited-template-marker -->\n`);
    const second = createBriefRenderer(config);
    expect(second).not.toBe(first);
    expect((await second(input)).page).toContain('edited-template-marker');
  });

  it('is made again for another configuration', async () => {
    const first = createBriefRenderer(config);
    const other = { ...config, organization: { ...config.organization, name: 'Another Organization' } };
    const again = createBriefRenderer(other);
    expect(again).not.toBe(first);
    expect((await again(input)).page).toContain('Another Organization');
  });
});
