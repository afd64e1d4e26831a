/**
 * Hostile and broken input, second round (issue 19): one project of good briefs mixed with
 * sources an attacker or a careless user would write, built by the real command line.
 * Each case checks what a user sees: the exit code, one message line at the right place,
 * the other briefs built, and outputs with nothing that runs or escapes.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harmless, outputUrls } from '../helpers/output-urls.js';
import { addSmallBriefs, newProject, removeProjects, repo } from '../helpers/reliability-project.js';

const tsx = path.join(repo, 'node_modules/.bin/tsx');
const cli = path.join(repo, 'scripts/cli/build.ts');

function runBuild(cwd: string, args: string[] = []): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, [cli, '--quiet', ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

/** Sources by file name: each case of the issue, as its reproduction wrote it. */
const SOURCES: Record<string, string> = {
  // 1. Stored XSS through front matter addresses.
  'xss-front-matter.md': [
    '---',
    'title: Addresses That Run Script',
    'date: 2013-02-01',
    'source_url: "  javascript:alert(document.domain)"',
    'authors:',
    '  - name: Eve Mallory',
    '    url: "javascript:alert(1)"',
    '  - name: Dee Data',
    '    url: "data:text/html,<script>alert(2)</script>"',
    '---',
    '',
    'The body is harmless.',
    '',
  ].join('\n'),
  // 1. The same through a web export's `Source URL:` and byline.
  'xss-web-export.txt': [
    'CITIES SHOULD PUBLISH THEIR SURVEILLANCE CONTRACTS',
    '',
    'by [Mal Actor](javascript:alert(3)) [1]',
    '',
    '2013-03-02',
    '',
    'Cities buy surveillance tools without telling residents. Publishing the contracts is the first step to oversight.',
    '',
    'Source URL: javascript:alert(document.cookie)',
    '',
    'Links:',
    '',
    '[1] javascript:alert(3)',
    '',
  ].join('\n'),
};

let project: string;
let result: { code: number | null; stderr: string };
const lines = () => result.stderr.split('\n').filter(Boolean);

beforeAll(async () => {
  project = await newProject('briefpress-hostile-');
  await addSmallBriefs(project, 2);
  for (const [name, text] of Object.entries(SOURCES)) await writeFile(path.join(project, 'sources', name), text);
  result = await runBuild(project);
});
afterAll(removeProjects);

describe('1. every address in every output goes through one URL policy', () => {
  it('no output links to javascript:, data: or another scheme that runs or reads files', async () => {
    const urls = await outputUrls(path.join(project, 'dist'));
    expect(urls.length).toBeGreaterThan(50);
    expect(urls.filter((u) => !harmless(u.url))).toEqual([]);
    const page = await readFile(path.join(project, 'dist/briefs/addresses-that-run-script.html'), 'utf8');
    expect(page).toContain('Eve Mallory'); // the author stays, without a link
    const feed = await readFile(path.join(project, 'dist/feed.xml'), 'utf8');
    expect(feed).not.toMatch(/javascript|data:text/i);
  });

  it('warns at the line of each refused address, in the source', () => {
    expect(lines()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^sources\/xss-front-matter\.md:4:16: warning: `source_url`: .*javascript.*\(unsafe-url\)$/),
        expect.stringMatching(/^sources\/xss-front-matter\.md:7:11: warning: `authors\.0\.url`: .*\(unsafe-url\)$/),
        expect.stringMatching(/^sources\/xss-front-matter\.md:9:11: warning: `authors\.1\.url`: .*data:.*\(unsafe-url\)$/),
        expect.stringMatching(/^sources\/xss-web-export\.txt:9:\d+: warning: `source_url`: .*javascript.*\(unsafe-url\)$/),
      ]),
    );
  });
});
