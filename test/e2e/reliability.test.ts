/**
 * Bad sources cost nothing: a sources folder of good briefs mixed with every bad input of
 * issue 6 (empty, binary, other encodings, 5 MB, no title, broken front matter, clashing and
 * escaping slugs, hostile content). Built once by the real command line (exit code, messages,
 * nothing touched outside the output folder) and once in-process (request count), then
 * checked the way a reader and an attacker would: the good briefs' PDFs and pages, no
 * script or fetch in any page, no local file in any PDF, and a broken source keeps its last
 * good outputs.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../scripts/build.js';
import { command } from '../helpers/command.js';
import { readPdf } from '../helpers/pdf.js';
import { addBadSources, listFiles, newProject, removeProjects } from '../helpers/reliability-project.js';

/** Every file of a folder (but some subfolders) with its size, mtime and content hash. */
async function snapshot(dir: string, except: string[]): Promise<Map<string, string>> {
  const files = (await listFiles(dir)).filter((f) => !except.some((e) => f === e || f.startsWith(`${e}${path.sep}`)));
  const entries = await Promise.all(
    files.map(async (f) => {
      const full = path.join(dir, f);
      const info = await stat(full);
      return [
        f,
        `${info.size} ${info.mtimeMs} ${createHash('sha256')
          .update(await readFile(full))
          .digest('hex')}`,
      ] as const;
    }),
  );
  return new Map(entries);
}

function run(cwd: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(...command('build', args), { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

/** A source whose every trick points at a server of our own, so a fetch would be seen. */
function beaconSource(origin: string): string {
  return [
    '---',
    'title: Beacon Brief',
    'date: 2013-07-01',
    '---',
    '',
    `![tracking pixel](${origin}/pixel.png)`,
    '',
    `<img src="${origin}/raw.png"> <link rel="stylesheet" href="${origin}/sheet.css"> <script src="${origin}/code.js"></script>`,
    '',
    `<style>@import url("${origin}/import.css"); @font-face { font-family: Beacon; src: url(${origin}/font.woff2) } p { background: url(${origin}/bg.png) }</style>`,
    '',
    `<video src="${origin}/video.mp4" poster="${origin}/poster.png"></video><audio src="${origin}/audio.mp3"></audio>`,
    '',
    'The beacon brief still prints this sentence.',
    '',
  ].join('\n');
}

let server: Server;
const hits: string[] = [];
let cliProject: string;
let cliRun: { code: number | null; stderr: string };
let before: Map<string, string>;
let after: Map<string, string>;
let project: string;
let result: BuildResult;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  cliProject = await newProject();
  await addBadSources(cliProject);
  await writeFile(path.join(cliProject, 'sources/beacon.md'), beaconSource(origin));
  project = await newProject();
  await cp(path.join(cliProject, 'sources'), path.join(project, 'sources'), { recursive: true });

  before = await snapshot(cliProject, ['dist', path.join('.briefpress', 'dist')]);
  cliRun = await run(cliProject, ['--concurrency', '2']);
  after = await snapshot(cliProject, ['dist', path.join('.briefpress', 'dist')]);
  result = await build({ root: project, quiet: true, concurrency: 2 });
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await removeProjects();
});

const problems = () => cliRun.stderr.split('\n').filter((line) => /^((sources|dist)\/|briefpress\.config\.yaml:)/.test(line));

describe('a build of good briefs mixed with bad sources, by the command line', () => {
  it('exits with 1 and says what went wrong, one line per problem, with no stack trace', () => {
    expect(cliRun.code).toBe(1);
    expect(cliRun.stderr).not.toMatch(/\n\s+at |internal error|Error:/);
    for (const line of problems())
      expect(line).toMatch(/^((sources|dist)\/[^:]+|briefpress\.config\.yaml)(:\d+:\d+)?: (error|warning|note): .+ \([a-z0-9-]+\)$/);
    // The same problems as a library caller gets.
    expect(problems()).toEqual(result.messages);
  });

  it.each([
    ['empty.txt:1:1: error: empty file'],
    ['whitespace.txt:1:1: error: no text: the file holds only white space'],
    ['dropped-image.png:1:1: error: binary file: this looks like a PNG image'],
    ['dropped-document.pdf:1:1: error: no text layer: it holds no text; run OCR first, e.g. `ocrmypdf FILE.pdf FILE-ocr.pdf`'],
    ['windows-1252.txt:1:4: warning: not valid UTF-8: decoded as Windows-1252'],
    ['utf16-bom.md:1:1: note: read as UTF-16LE (it starts with a byte order mark)'],
    ['huge.md:1:1: error: too large for a brief: 5.0 MB, over the limit of 1.0 MB'],
    ['no-title.md:1:1: error: no title: add `title: …` to the front matter'],
    [
      'no-title.txt:1:1: warning: title "just some lowercase words running on and on without any structure…" was guessed: no line looks like a title',
    ],
    ['no-title.txt:1:1: warning: kind "brief" was guessed'],
    ['bad-yaml.md:4:1: error: invalid YAML'],
    ['typo-keys.md:4:1: error: unknown key `tilte` (did you mean `title`?)'],
    ['typo-keys.md:5:1: error: unknown key `sumary` (did you mean `summary`?)'],
    ['bad-date.md:3:7: error: `date`: "next Tuesday-ish" is not a date; write it as YYYY-MM-DD'],
    ['dup-b.md: warning: slug `same-slug` is already used by sources/dup-a.md; this brief is written as `same-slug-2`'],
    ['slug-traversal.md:3:7: error: `slug`: a slug is lower-case letters, digits and single hyphens (no slashes or dots)'],
    ['slug-absolute.md:3:7: error: `slug`: a slug is lower-case letters, digits and single hyphens (no slashes or dots)'],
    ['slug-odd.md:3:7: error: `slug`: a slug is lower-case letters, digits and single hyphens (no slashes or dots)'],
  ])('reports sources/%s', (start) => {
    expect(problems().filter((line) => line.startsWith(`sources/${start}`))).toHaveLength(1);
  });

  it('names each hostile construct it left out, at its line and column in the source', () => {
    const hostile = problems().filter((line) => line.startsWith('sources/hostile.md:'));
    expect(hostile.filter((l) => l.endsWith('(unsafe-link)'))).toHaveLength(3); // javascript:, JaVaScRiPt:, data:
    expect(hostile.filter((l) => l.endsWith('(raw-html)')).length).toBeGreaterThanOrEqual(10);
    expect(
      hostile.some((l) => /:\d+:1: warning: image file:\/\/\/etc\/passwd is not embedded and was left out \(image-not-printed\)$/.test(l)),
    ).toBe(true);
  });

  it('creates, changes and deletes nothing outside the output folder, and leaves the sources as they were', () => {
    expect(after).toEqual(before);
    expect([...before.keys()].filter((f) => f.startsWith('sources/')).length).toBeGreaterThan(20);
  });
});

describe('the outputs of that build', () => {
  const good = {
    'rural-broadband-needs-open-access': 'Shared fiber lowers the cost of entry.',
    'location-data-deserves-a-warrant': 'A warrant should be required to obtain it.',
    'spectrum-sharing-is-ready-for-prime-time': 'Sharing frees spectrum years sooner than clearing it.',
    'cafe-wi-fi-needs-open-rules': 'The café owners’ association asked for clear rules – and got them.'.replace('’', 'ʼ'),
    'translated-brief-from-word': 'Saved as UTF-16 by a word processor, with “curly quotes” and café.',
    'same-slug': 'The first of two briefs with one slug.',
    'same-slug-2': 'The second of two briefs with one slug.',
    'hostile-script-alert-title-script-brief': 'The hostile brief still prints this sentence.',
    'hostile-plain-text-export': 'The plain hostile text still prints this sentence.',
    'beacon-brief': 'The beacon brief still prints this sentence.',
    // A text with no title-like line is titled by its first words, with a warning (issue 17).
    'just-some-lowercase-words-running-on-and-on-without-any-structure': 'without a heading or a title line of any kind.',
  };

  it('has every good brief, and only those, with a PDF that reads right', async () => {
    expect(result.manifest.map((e) => e.slug).sort()).toEqual(Object.keys(good).sort());
    for (const [slug, sentence] of Object.entries(good)) {
      const pdf = await readPdf(await readFile(path.join(project, 'dist/briefs', `${slug}.pdf`)));
      expect(pdf.text, slug).toContain(sentence);
    }
    // 12 sources fail: empty, white space, PNG, PDF, 5 MB, a Markdown file without a title,
    // bad YAML, mistyped keys, bad date and three escaping slugs.
    expect(result).toMatchObject({ ok: false, built: 11, failed: 12 });
  });

  it('writes nothing for a slug that tries to leave the output folder', async () => {
    const everywhere = [...(await listFiles(project)), ...(await readdir(path.dirname(project)))];
    expect(everywhere.filter((f) => /(^|\/)x(\.(pdf|html|md))?$/.test(f))).toEqual([]);
    expect((await listFiles(path.join(project, 'dist'))).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('lets no script, event handler, frame, object or javascript: address into any page', async () => {
    const ownScripts = new Set(['assets/search.js', 'assets/search-index.js', 'assets/minisearch.js', 'assets/filters.js']);
    const pages = (await listFiles(path.join(project, 'dist'))).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const html = await readFile(path.join(project, 'dist', page), 'utf8');
      const tree = fromHtml(html) as Root;
      visit(tree, 'element', (node: Element) => {
        const where = `${page}: <${node.tagName}>`;
        expect(['iframe', 'object', 'embed', 'frame', 'base', 'applet', 'video', 'audio'], where).not.toContain(node.tagName);
        // The archive's own forms (search, filters) stay on the archive.
        if (node.tagName === 'form') expect(String(node.properties.action ?? ''), where).not.toMatch(/^(https?:)?\/\//i);
        for (const [name, value] of Object.entries(node.properties)) {
          expect(/^on/i.test(name), `${where} ${name}`).toBe(false);
          if (typeof value === 'string') expect(value, `${where} ${name}`).not.toMatch(/^\s*(javascript|vbscript|file):/i);
        }
        if (node.tagName === 'script') {
          const src = node.properties.src;
          if (typeof src === 'string') expect(ownScripts.has(src.replace(/^(\.\.\/)+/, '')), `${where} ${src}`).toBe(true);
          else if (page === '404.html' && node.properties.type === undefined) {
            // The one inline script of ours: served at any depth, the 404 page bases its links on the archive's folder.
            const code = node.children.map((c) => ('value' in c ? c.value : '')).join('');
            expect(code, where).toMatch(
              /^if \(location\.protocol !== 'file:'\) \{ const base = document\.createElement\('base'\); base\.href = "[^"<\\]*"; document\.head\.append\(base\); \}$/,
            );
          } else {
            expect(node.properties.type, where).toBe('application/ld+json');
            const json = node.children.map((c) => ('value' in c ? c.value : '')).join('');
            expect(() => JSON.parse(json), where).not.toThrow();
          }
        }
        if (node.tagName === 'meta') expect(node.properties.httpEquiv, where).toBeUndefined();
        if (node.tagName === 'img' || node.tagName === 'source')
          expect(String(node.properties.src ?? ''), where).not.toMatch(/^(https?:)?\/\//i);
        if (node.tagName === 'link' && !/canonical|alternate/.test(String(node.properties.rel))) {
          expect(String(node.properties.href), where).not.toMatch(/^(https?:)?\/\//i);
        }
        if (node.tagName === 'style') expect(JSON.stringify(node.children), where).not.toMatch(/@import|url\(\s*['"]?(https?:)?\/\//i);
        if (typeof node.properties.style === 'string') expect(node.properties.style, where).not.toMatch(/url\(/i);
      });
      // The beacon's addresses survive only as links a reader may follow, never as something loaded.
      visit(tree, 'element', (node: Element) => {
        if (Object.values(node.properties).some((v) => String(v).includes('127.0.0.1'))) expect(node.tagName, page).toBe('a');
      });
      // Hostile markup may show as text or inside an attribute's value, never as a tag of its own:
      // the checks above, on the page as a browser parses it, cover that.
    }
  });

  it('puts no local file into any PDF, and no request leaves the machine', async () => {
    const passwd = await readFile('/etc/passwd', 'utf8');
    const firstEntry = passwd.split('\n')[0]!.split(':').slice(0, 3).join(':'); // e.g. root:x:0
    for (const entry of result.manifest) {
      const pdf = await readPdf(await readFile(path.join(project, 'dist', entry.pdf)));
      expect(pdf.text, entry.slug).not.toContain(firstEntry);
      expect(pdf.links.map((l) => l.url).filter((u) => u.startsWith('file:') || u.startsWith('javascript:'))).toEqual([]);
    }
    expect(hits, 'requests that reached our server').toEqual([]);
    // Sanitizing left the printed pages nothing to ask for; the printer would have refused it anyway.
    expect(result.blockedRequests).toBe(0);
  });
});

describe('a source that becomes broken', () => {
  it('keeps its last good PDF, page and Markdown, and the build fails', async () => {
    const files = ['pdf', 'html', 'md'].map((ext) => path.join(project, 'dist/briefs', `location-data-deserves-a-warrant.${ext}`));
    const good = await Promise.all(files.map((f) => readFile(f)));
    await writeFile(
      path.join(project, 'sources/good-privacy.md'),
      '---\ntitle: Location Data Deserves a Warrant\ndate: [2013\n---\n\nHalf-edited.\n',
    );
    const broken = await build({ root: project, quiet: true, concurrency: 2 });
    expect(broken.ok).toBe(false);
    expect(broken.messages.filter((m) => m.startsWith('sources/good-privacy.md'))).toEqual([
      expect.stringMatching(/^sources\/good-privacy\.md:\d+:\d+: error: invalid YAML: .+ \(front-matter-yaml\)$/),
    ]);
    expect(broken.failed).toBe(13);
    for (const [i, file] of files.entries()) expect((await readFile(file)).equals(good[i]!), file).toBe(true);
    expect(broken.manifest.map((e) => e.slug)).toContain('location-data-deserves-a-warrant');
    const home = await readFile(path.join(project, 'dist/index.html'), 'utf8');
    expect(home).toContain('Location Data Deserves a Warrant');
  });
});
