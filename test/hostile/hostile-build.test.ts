/**
 * Hostile and broken input, second round (issue 19): one project of good briefs mixed with
 * sources an attacker or a careless user would write, built by the real command line.
 * Each case checks what a user sees: the exit code, one message line at the right place,
 * the other briefs built, and outputs with nothing that runs or escapes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harmless, outputUrls } from '../helpers/output-urls.js';
import { addSmallBriefs, newProject, removeProjects } from '../helpers/reliability-project.js';
import { type BuildRun, runBuild } from '../helpers/run-build.js';

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
  // 2. An undefined alias, and an alias bomb, in front matter.
  'alias.md': ['---', 'title: An Alias To Nothing', 'date: 2013-04-01', 'summary: *TBD', '---', '', 'Body.', ''].join('\n'),
  'alias-bomb.md': [
    '---',
    'title: Billion Laughs',
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
    'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
    'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
    '---',
    '',
    'Body.',
    '',
  ].join('\n'),
  // 4. Tags and an author whose pages would be the archive's own lists.
  'index-tag.md': [
    '---',
    'title: A Topic Called Index',
    'date: 2013-05-01',
    'tags: [Index, "../../index", Privacy]',
    'authors: [{name: Index}]',
    '---',
    '',
    'Body.',
    '',
  ].join('\n'),
  // 6. Characters XML forbids, in the title (a YAML escape) and raw in the body.
  'controls.md': [
    '---',
    'title: "Escape \\e and Bell \\a in a Title"',
    'date: 2013-06-01',
    '---',
    '',
    'A body with ESC \u001b[31m and BEL \u0007 in it.',
    '',
  ].join('\n'),
  // 10. Render warnings in a hand-written Markdown source, and a newline in a file name.
  'lines.md': [
    '---',
    'title: Warnings At Their Lines',
    'date: 2013-07-01',
    '---',
    '',
    '',
    'First paragraph.',
    '',
    'Second with <b>raw</b> HTML.',
    '',
  ].join('\n'),
  'new\nline.md': ['---', 'title: A Newline In Its Name', 'date: 2013-08-01', 'tilte: typo', '---', '', 'Body.', ''].join('\n'),
};

let project: string;
let result: BuildRun;
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

describe('a broken source is its own error: one line, exit 1, the others built', () => {
  it('exits with 1, not 2, prints no stack trace, and builds the good briefs', async () => {
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/internal error|^\s+at /m);
    const built = await readdir(path.join(project, 'dist/briefs'));
    expect(built).toEqual(
      expect.arrayContaining([
        'small-brief-number-01.pdf',
        'small-brief-number-02.pdf',
        'a-topic-called-index.pdf',
        'warnings-at-their-lines.pdf',
      ]),
    );
  });

  it('2. an alias to no anchor is an error at the alias', () => {
    expect(lines()).toContainEqual(
      expect.stringMatching(/^sources\/alias\.md:4:10: error: invalid YAML: .*\*TBD.* \(front-matter-yaml\)$/),
    );
  });

  it('2. an alias bomb is an error, not minutes of work', () => {
    expect(lines()).toContainEqual(
      expect.stringMatching(/^sources\/alias-bomb\.md:\d+:\d+: error: invalid YAML: .*\(front-matter-yaml\)$/),
    );
  });
});

describe("4. a tag or author page never takes the archive's own pages", () => {
  it('keeps tags/index.html and authors/index.html the lists, and gives the tag a page of its own', async () => {
    const topics = await readFile(path.join(project, 'dist/tags/index.html'), 'utf8');
    expect(topics).toMatch(/<h1[^>]*>Topics<\/h1>/);
    expect(topics).toContain('Privacy');
    const authors = await readFile(path.join(project, 'dist/authors/index.html'), 'utf8');
    expect(authors).toMatch(/<h1[^>]*>Authors<\/h1>/);
    const tagPages = await readdir(path.join(project, 'dist/tags'));
    expect(tagPages.filter((f) => f.startsWith('index') && f.endsWith('.html') && f !== 'index.html')).toHaveLength(1);
    expect((await readdir(path.join(project, 'dist'), { recursive: true })).filter((f) => String(f).includes('.tmp-'))).toEqual([]);
  });
});

describe('6. characters XML forbids never reach an output', () => {
  it('leaves feed.xml, sitemap.xml and the pages free of C0 controls, with a warning', async () => {
    for (const file of [
      'feed.xml',
      'sitemap.xml',
      'index.html',
      'briefs/escape-and-bell-in-a-title.html',
      'briefs/escape-and-bell-in-a-title.md',
    ]) {
      expect(await readFile(path.join(project, 'dist', file), 'utf8'), file).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    }
    expect(lines()).toContainEqual(
      expect.stringMatching(/^sources\/controls\.md:6:\d+: warning: removed 2 control characters.*\(control-characters\)$/),
    );
    expect(lines()).toContainEqual(
      expect.stringMatching(/^sources\/controls\.md:1:1: warning: removed 2 control characters from the front matter/),
    );
  });
});

describe('10. messages point at the source, one line each', () => {
  it('puts a warning about a Markdown body at its line in sources/, not in dist/', () => {
    expect(lines()).toContainEqual('sources/lines.md:9:13: warning: raw HTML is not allowed in a brief and was left out (raw-html)');
    expect(result.stderr).not.toContain('dist/briefs/warnings-at-their-lines.md');
  });

  it('escapes a newline in a file name instead of splitting the message', () => {
    expect(lines()).toContainEqual(expect.stringMatching(/^sources\/new\\nline\.md:4:1: error: unknown key `tilte`/));
    expect(lines().filter((l) => l.startsWith('line.md'))).toEqual([]);
  });
});
