/**
 * Packets as a user gets them from `npm run build`, printed by real Chromium and read back
 * with pdf.js: the sample site's packet and one of 20 generated briefs. Checked: the page
 * count, every brief starting on a right-hand (odd) page with its title, blank pages only
 * where the layout leaves them, the contents' page numbers against the real pages, the
 * folios, the outline's targets and the metadata; then the archive's page, packets.json,
 * warnings at their place in the configuration, and rebuilding only what changed.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSources, writeSources } from '../../scripts/bench/generate-sources.js';
import { build, type BuildResult } from '../../scripts/build.js';
import type { ManifestEntry, PacketEntry } from '../../scripts/core/types.js';
import { normalizeText, readOutlineTargets, readPdf } from '../helpers/pdf.js';

const repo = path.resolve(import.meta.dirname, '../..');
const projects: string[] = [];
afterAll(() => Promise.all(projects.map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 3 }))));

async function newProject(config: string, sources?: (dir: string) => Promise<void>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'briefpress-packet-'));
  projects.push(dir);
  await writeFile(path.join(dir, 'briefpress.config.yaml'), config);
  await cp(path.join(repo, 'templates'), path.join(dir, 'templates'), { recursive: true });
  if (sources) await sources(path.join(dir, 'sources'));
  else await cp(path.join(repo, 'sources'), path.join(dir, 'sources'), { recursive: true });
  return dir;
}

/** The repository's configuration without its packets, then `packets`. */
async function configWith(packets: string): Promise<string> {
  const sample = await readFile(path.join(repo, 'briefpress.config.yaml'), 'utf8');
  return `${sample.replace(/\n(?:#[^\n]*\n)*packets:[\s\S]*$/, '\n')}\n${packets}`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const upper = (s: string) => normalizeText(s).toLocaleUpperCase('en');

/** Check a packet's PDF page by page against its entry and its briefs' manifest entries. */
async function checkPacket(pdf: Uint8Array, packet: PacketEntry, manifest: ManifestEntry[]) {
  const { pages, pageTexts, info } = await readPdf(pdf);
  expect(pages).toBe(packet.pages);
  expect(packet.sheets).toBe(Math.ceil(pages / 2));

  // Page 1 is the cover: the title, the event, the date and every brief's title.
  expect(upper(pageTexts[0]!)).toContain(upper(packet.title));
  if (packet.event) expect(pageTexts[0]).toContain(packet.event);
  const firstStart = packet.briefs[0]!.start;
  // The contents, from page 2 to the page before the first brief: each title, then its page number.
  const contents = pageTexts.slice(1, firstStart - 1).join(' ');
  expect(contents).toMatch(/^Contents|Contents/);
  const briefPages = new Set<number>();
  for (const b of packet.briefs) {
    const entry = manifest.find((e) => e.slug === b.slug)!;
    expect(b.pages).toBe(entry.pages);
    expect(contents).toMatch(new RegExp(`${escape(normalizeText(entry.title))}\\s*(?:page\\s*)?${b.start}\\b`));
    // It starts on a right-hand page: its first page is page 1 of the brief as printed.
    expect(b.start % 2, b.slug).toBe(1);
    expect(upper(pageTexts[b.start - 1]!), `page ${b.start}`).toContain(upper(entry.title));
    for (let p = b.start; p < b.start + b.pages; p++) briefPages.add(p);
    // Its own page numbers are kept: its last page says "Page n of n" when it has more than one.
    if (b.pages > 1) expect(pageTexts[b.start + b.pages - 2]).toContain(`Page ${b.pages} of ${b.pages}`);
  }
  // The contents run from page 2 without a gap; every other page is blank, a left-hand (even) page.
  const contentsPages = pageTexts.slice(1, firstStart - 1).filter((t) => t !== '').length;
  expect(contentsPages).toBeGreaterThan(0);
  for (let p = 2 + contentsPages; p <= pages; p++) {
    if (briefPages.has(p)) continue;
    expect(pageTexts[p - 1], `page ${p} should be blank`).toBe('');
    expect(p % 2).toBe(0);
  }
  // Every page after the cover that is not blank carries the packet's folio with its number.
  for (let p = 2; p <= pages; p++) {
    if (pageTexts[p - 1] === '') continue;
    expect(pageTexts[p - 1], `folio of page ${p}`).toContain(`${packet.title} · ${p}`);
  }
  // The outline: the contents, then an entry per brief at its first page, its headings below it.
  const outline = await readOutlineTargets(pdf);
  const top = outline.filter((o) => o.depth === 0);
  expect(top).toEqual([
    { title: 'Contents', depth: 0, page: 2 },
    ...packet.briefs.map((b) => ({ title: manifest.find((e) => e.slug === b.slug)!.title, depth: 0, page: b.start })),
  ]);
  for (const heading of outline.filter((o) => o.depth > 0)) expect(briefPages.has(heading.page!), heading.title).toBe(true);
  expect(info).toMatchObject({ Title: packet.title, Language: 'en', Creator: 'briefpress', Producer: 'briefpress' });
  return { pageTexts, outline, info };
}

describe('a packet of the sample briefs', () => {
  let project: string;
  let cold: BuildResult;
  const packets = `packets:
  - name: wcit-hill-day
    title: WCIT Hill Day
    event: Meetings with House and Senate staff
    date: 2012-11-15
    tags: [wcit]
    slugs:
      - itu-cybersecurity-proposals-threaten-existing-security-efforts-internet
  - name: with-a-typo
    title: Typo
    slugs: [itu-ill-suited-to-regulate-cybersecurty]
  - name: nothing-matches
    title: Nothing
    tags: [Spectrum]
`;
  const packetFile = () => readFile(path.join(project, 'dist/packets/wcit-hill-day.pdf'));

  beforeAll(async () => {
    project = await newProject(await configWith(packets));
    cold = await build({ root: project, quiet: true });
  });

  it('prints the cover, the contents and both briefs, each on a right-hand page', async () => {
    expect(cold).toMatchObject({ ok: true, built: 2 });
    const report = cold.packets.find((p) => p.entry.name === 'wcit-hill-day')!;
    expect(report.cached).toBe(false);
    const packet = report.entry;
    // Newest first: the two-page brief on pages 3-4, the one-page post on page 5.
    expect(packet.briefs.map((b) => [b.slug, b.start, b.pages])).toEqual([
      ['itu-cybersecurity-proposals-threaten-existing-security-efforts-internet', 3, 2],
      ['itu-ill-suited-to-regulate-cybersecurity', 5, 1],
    ]);
    expect(packet).toMatchObject({ pages: 5, sheets: 3, pdf: 'packets/wcit-hill-day.pdf' });
    const { pageTexts, outline, info } = await checkPacket(await packetFile(), packet, cold.manifest);
    expect(pageTexts[0]).toContain('November 15, 2012');
    expect(pageTexts[0]).toContain('Center for Democracy & Technology');
    // The briefs' own bookmarks are kept below theirs.
    expect(outline).toContainEqual({ title: 'Key Points', depth: 1, page: 3 });
    expect(info).toMatchObject({ Author: 'Center for Democracy & Technology', Keywords: 'WCIT, ITU' });
    expect(String(info.Subject)).toContain('Meetings with House and Senate staff, November 15, 2012');
  });

  it('warns at the packet in the configuration when a slug is missing or nothing matches, and prints no empty packet', async () => {
    const config = await readFile(path.join(project, 'briefpress.config.yaml'), 'utf8');
    const lineOf = (text: string) => config.split('\n').findIndex((l) => l.includes(text)) + 1;
    expect(cold.messages).toContain(
      `briefpress.config.yaml:${lineOf('cybersecurty')}:13: warning: packet \`with-a-typo\`: no brief has the slug \`itu-ill-suited-to-regulate-cybersecurty\` (did you mean \`itu-ill-suited-to-regulate-cybersecurity\`?); the packet is printed without it (packet-missing-brief)`,
    );
    expect(cold.messages).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^briefpress\\.config\\.yaml:${lineOf('name: nothing-matches')}:5: warning: packet \`nothing-matches\`: its selection matches no brief`,
        ),
      ),
    );
    expect(cold.packets.map((p) => p.entry.name)).toEqual(['wcit-hill-day']);
    await expect(readFile(path.join(project, 'dist/packets/with-a-typo.pdf'))).rejects.toThrow();
    // The packet with a typo: its slug is missing, and then it holds nothing.
    expect(cold.messages.filter((m) => m.includes('packet `with-a-typo`'))).toHaveLength(2);
    expect(cold.warnings).toBe(3);
  });

  it('gives each packet a page in the archive with its briefs and a download link, and lists it in packets.json', async () => {
    const html = await readFile(path.join(project, 'dist/packets/wcit-hill-day.html'), 'utf8');
    expect(html).toContain('<h1>WCIT Hill Day</h1>');
    expect(html).toMatch(
      /href="wcit-hill-day\.pdf"[^>]*download>Download the packet \(PDF\) <span class="button__meta">5 pages · 3 sheets/,
    );
    for (const entry of cold.manifest) expect(html).toContain(`href="../${entry.html}"`);
    const listed = JSON.parse(await readFile(path.join(project, 'dist/packets.json'), 'utf8')) as PacketEntry[];
    expect(listed).toEqual(cold.packets.map((p) => p.entry));
    const manifest = JSON.parse(await readFile(path.join(project, 'dist/manifest.json'), 'utf8')) as ManifestEntry[];
    expect(manifest).toEqual(cold.manifest);
  });

  it('takes an unchanged packet from the last build without starting a browser', async () => {
    const before = await packetFile();
    const again = await build({ root: project, quiet: true });
    expect(again).toMatchObject({ built: 0, launchedBrowser: false });
    expect(again.packets.map((p) => p.cached)).toEqual([true]);
    expect((await packetFile()).equals(before)).toBe(true);
    // Its warnings are said again, at the same places, though nothing was selected anew.
    const packetMessages = (r: BuildResult) => r.messages.filter((m) => m.startsWith('briefpress.config.yaml:'));
    expect(packetMessages(again)).toEqual(packetMessages(cold));
    expect(again.warnings).toBe(cold.warnings);
  });

  it('prints the packet again, and no brief, when only its cover changed', async () => {
    const file = path.join(project, 'briefpress.config.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('title: WCIT Hill Day', 'title: WCIT Day on the Hill'));
    const again = await build({ root: project, quiet: true });
    expect(again).toMatchObject({ built: 0, cached: 2 });
    expect(again.packets.map((p) => [p.entry.title, p.cached])).toEqual([['WCIT Day on the Hill', false]]);
    await checkPacket(await packetFile(), again.packets[0]!.entry, again.manifest);
  });

  it('prints the packet again when one of its briefs changed', async () => {
    const source = path.join(project, 'sources/002_6d3c26cd4b054413.txt');
    await writeFile(source, (await readFile(source, 'utf8')).replace('Cybersecurity requires agility', 'Cybersecurity requires speed'));
    const again = await build({ root: project, quiet: true });
    expect(again).toMatchObject({ built: 1, cached: 1 });
    expect(again.packets.map((p) => p.cached)).toEqual([false]);
    const { text } = await readPdf(await packetFile());
    expect(text).toContain('Cybersecurity requires speed');
  });

  it('npm run packet prints a one-off packet from the last build, and writes nowhere but the output folder', async () => {
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, [path.join(repo, 'scripts/start/run.mjs'), 'scripts/cli/packet.ts', ...args], {
        cwd: project,
      }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    // Three processes at once: the two refused ones read the last build and write nothing.
    const [made, outside, none] = await Promise.all([
      run('--title', 'Cyber Day', '--kind', 'post', '--slug', 'itu-cybersecurity-proposals-threaten-existing-security-efforts-internt'),
      run('--title', 'X', '--tag', 'itu', '--out', path.join(project, 'x.pdf')),
      run('--title', 'X', '--tag', 'spectrum'),
    ]);
    expect(made.stderr).toContain('(did you mean `itu-cybersecurity-proposals-threaten-existing-security-efforts-internet`?)');
    expect(made.stderr).toContain(
      'briefpress: packet cyber-day: 1 brief, 3 pages, 2 sheets printed on both sides → dist/packets/cyber-day.pdf',
    );
    expect(made).toMatchObject({ code: 0, stdout: 'dist/packets/cyber-day.pdf\n' });
    const { pages, pageTexts } = await readPdf(await readFile(path.join(project, 'dist/packets/cyber-day.pdf')));
    expect(pages).toBe(3);
    expect(pageTexts[2]).toContain('ITU ILL-SUITED TO REGULATE CYBERSECURITY');
    expect(outside).toMatchObject({ code: 1 });
    expect(outside.stderr).toMatch(/--out: .*x\.pdf is outside the output folder dist\/; briefpress writes nowhere else/);
    expect(none).toMatchObject({ code: 1 });
    expect(none.stderr).toContain('the selection matches no brief of the 2 in the last build');
  });

  it('removes a packet taken out of the configuration, with its page and listing', async () => {
    await writeFile(path.join(project, 'briefpress.config.yaml'), await configWith(''));
    const again = await build({ root: project, quiet: true });
    expect(again.packets).toEqual([]);
    for (const file of ['packets/wcit-hill-day.pdf', 'packets/wcit-hill-day.html', 'packets.json'])
      await expect(readFile(path.join(project, 'dist', file)), file).rejects.toThrow();
  });
});

describe('a packet of 20 generated briefs', () => {
  it('prints every brief on a right-hand page with a contents that runs over pages', async () => {
    const project = await newProject(
      await configWith(`packets:
  - name: everything
    title: Twenty Briefs
    event: A generated corpus
    from: 1900-01-01
    order: title
`),
      (dir) => writeSources(dir, generateSources({ count: 20 })).then(() => {}),
    );
    const result = await build({ root: project, quiet: true });
    expect(result).toMatchObject({ built: 20, failed: 0 });
    const [report] = result.packets;
    const packet = report!.entry;
    expect(packet.briefs).toHaveLength(20);
    // A to Z, as declared.
    const titles = packet.briefs.map((b) => b.title);
    expect(titles).toEqual([...titles].sort(new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare));
    // Briefs of one, two and three pages: blank backs where one ended on a right-hand page.
    expect(new Set(packet.briefs.map((b) => b.pages)).size).toBeGreaterThan(1);
    const blanks = packet.pages - (packet.briefs[0]!.start - 1) - packet.briefs.reduce((n, b) => n + b.pages, 0);
    expect(blanks).toBeGreaterThan(0);
    await checkPacket(await readFile(path.join(project, 'dist', packet.pdf)), packet, result.manifest);
  }, 300_000);
});
