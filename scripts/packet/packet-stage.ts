/**
 * The packet stage of a build: every packet of the configuration, each one PDF of the
 * briefs it selects (`packets/<name>.pdf`). Incremental like the briefs: a packet's key
 * hashes its declaration, its briefs' PDFs (their bytes), what its contents show of them,
 * its cover's template and the build key (configuration, templates, code); a packet whose
 * key is the one it was built with, and whose PDF is still there, is not printed again.
 * Keys are kept in `packets.json` of the build cache folder (cache-dir.ts). A selection that matches nothing, or a brief
 * it names that is not there, is a warning at the packet's place in the configuration.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { type BuildConfig, CONFIG_FILE, configPlace, type PacketSpec } from '../core/config.js';
import { report } from '../core/rules.js';
import type { ManifestEntry, PacketEntry } from '../core/types.js';
import { removeOutput, writeOutput } from '../core/write-file.js';
import type { Printer } from '../print/printer.js';
import { publicUrl } from '../core/public-url.js';
import type { PacketBrief } from './make-packet.js';
import { sheetsFor } from './packet-layout.js';
import { selectBriefs } from './select-briefs.js';

export const PACKETS_STATE_FILE = 'packets.json';
/** The packet templates, kept out of the briefs' build key (state.ts): editing a cover reprints no brief. */
export const PACKET_TEMPLATES_DIR = 'packet';
const STATE_VERSION = 1;

export const packetPaths = (name: string) => ({ pdf: `packets/${name}.pdf`, html: `packets/${name}.html` });

interface PacketsState {
  version: number;
  packets: Record<string, { key: string; entry: PacketEntry }>;
  /**
   * What every packet was made from: the build key, the packet templates, the packets'
   * declarations and pages' addresses, and the briefs' digest. A build with the same inputs takes the packets (and their warnings) as they are.
   */
  inputs?: string;
  warnings?: PacketWarning[];
}

interface PacketWarning {
  reason: string;
  ruleId: 'packet-missing-brief' | 'packet-empty';
  keyPath: (string | number)[];
}

export interface PacketReport {
  entry: PacketEntry;
  /** Taken from the last build, not printed again. */
  cached: boolean;
}

export interface PacketsResult {
  /** Every packet with a PDF, in the configuration's order. */
  packets: PacketReport[];
  /** Warnings, on the configuration file. */
  file: VFile;
  /** Whether any packet's PDF or entry differs from the last build's (the archive lists them). */
  changed: boolean;
}

export interface PacketsOptions {
  config: BuildConfig;
  /** This build's briefs: asked for only when a packet may have changed. */
  briefs: () => readonly ManifestEntry[];
  /** A digest of this build's briefs (cache/state.ts `briefsDigest`); without one, the briefs are always read. */
  briefsDigest?: string;
  /** The build key (state.ts): configuration, templates and code. */
  buildKey: string;
  /** The printer, started on the first call. */
  printer: () => Promise<Printer>;
  /** Ignore the last build's packets. */
  force?: boolean | undefined;
  /** Ctrl-C: no further packet is started. */
  signal?: AbortSignal | undefined;
}

async function readPacketsState(cacheDir: string): Promise<PacketsState> {
  try {
    const state = JSON.parse(await readFile(path.join(cacheDir, PACKETS_STATE_FILE), 'utf8')) as PacketsState;
    if (state.version === STATE_VERSION && state.packets && typeof state.packets === 'object') return state;
  } catch {
    // none yet, or unreadable: build every packet
  }
  return { version: STATE_VERSION, packets: {} };
}

/** A hash of the packet templates: what the cover and contents are made from besides the build key. */
async function templatesHash(config: BuildConfig): Promise<string> {
  const dir = path.join(config.templatesDir, PACKET_TEMPLATES_DIR);
  const hash = createHash('sha256');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const file of entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort()) {
    hash.update(path.relative(dir, file)).update(await readFile(file));
  }
  return hash.digest('hex');
}

export async function packetStage(options: PacketsOptions): Promise<PacketsResult> {
  const { config } = options;
  const file = new VFile({ path: CONFIG_FILE });
  if (config.packets.length === 0 && !(await exists(path.join(config.cacheDir, PACKETS_STATE_FILE))))
    return { packets: [], file, changed: false };
  const previous = await readPacketsState(config.cacheDir);
  const state: PacketsState = { version: STATE_VERSION, packets: {} };
  const reports: PacketReport[] = [];
  const warnings: PacketWarning[] = [];
  let configText: string | undefined;
  const warn = (reason: string, ruleId: PacketWarning['ruleId'], keyPath: (string | number)[]) => {
    configText ??= readConfigText(config);
    const place = configText ? configPlace(configText, keyPath) : undefined;
    report(file, ruleId, reason, place ? { place } : {});
    warnings.push({ reason, ruleId, keyPath });
  };
  const salt = config.packets.length ? await templatesHash(config) : '';
  const inputs = options.briefsDigest
    ? createHash('sha256')
        .update(JSON.stringify([STATE_VERSION, options.buildKey, salt, options.briefsDigest, config.packets, pageUrls(config)]))
        .digest('hex')
    : undefined;

  // Nothing a packet is made from changed (a no-op build): the last build's packets stand,
  // without reading every brief's record, as long as their PDFs are there.
  if (!options.force && inputs !== undefined && previous.inputs === inputs) {
    const last = config.packets.map((spec) => previous.packets[spec.name]).filter((p) => p !== undefined);
    if ((await Promise.all(last.map((p) => exists(path.join(config.outDir, p.entry.pdf))))).every(Boolean)) {
      for (const w of Array.isArray(previous.warnings) ? previous.warnings : []) warn(w.reason, w.ruleId, w.keyPath);
      return { packets: last.map((p) => ({ entry: p.entry, cached: true })), file, changed: false };
    }
  }
  const briefs = config.packets.length ? options.briefs() : [];

  for (const [i, spec] of config.packets.entries()) {
    options.signal?.throwIfAborted();
    const selected = selectBriefs(briefs, spec);
    for (const { slug, suggestion } of selected.missing) {
      const j = spec.slugs!.indexOf(slug);
      warn(
        `packet \`${spec.name}\`: no brief has the slug \`${slug}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}; the packet is printed without it`,
        'packet-missing-brief',
        ['packets', i, 'slugs', j],
      );
    }
    const withPdfs: PacketBrief[] = [];
    for (const entry of selected.briefs) {
      const pdf = await readFile(path.join(config.outDir, entry.pdf)).catch(() => undefined);
      if (pdf) withPdfs.push({ entry, pdf });
      else
        warn(
          `packet \`${spec.name}\`: the PDF of \`${entry.slug}\` is missing (${entry.pdf}); the packet is printed without it`,
          'packet-missing-brief',
          ['packets', i],
        );
    }
    if (withPdfs.length === 0) {
      warn(`packet \`${spec.name}\`: its selection matches no brief; no packet is printed`, 'packet-empty', ['packets', i]);
      continue;
    }
    const paths = packetPaths(spec.name);
    const pageUrl = publicUrl(config.site, paths.html);
    const key = packetKey(options.buildKey, salt, spec, withPdfs, pageUrl);
    const last = options.force ? undefined : previous.packets[spec.name];
    if (last?.key === key && (await exists(path.join(config.outDir, last.entry.pdf)))) {
      state.packets[spec.name] = last;
      reports.push({ entry: last.entry, cached: true });
      continue;
    }
    // Loaded only to print: pdf-lib, the templates and the printer's modules cost a no-op build half a second.
    const { makePacket } = await import('./make-packet.js');
    const made = await makePacket(config, spec, withPdfs, await options.printer(), pageUrl);
    await writeOutput(config.outDir, paths.pdf, made.pdf);
    const entry: PacketEntry = {
      name: spec.name,
      title: spec.title,
      ...(spec.event ? { event: spec.event } : {}),
      ...(spec.date ? { date: spec.date } : {}),
      ...paths,
      pages: made.layout.pages,
      sheets: sheetsFor(made.layout.pages),
      pdf_bytes: made.pdf.byteLength,
      briefs: withPdfs.map((b, n) => ({ slug: b.entry.slug, title: b.entry.title, start: made.layout.starts[n]!, pages: b.entry.pages })),
    };
    state.packets[spec.name] = { key, entry };
    reports.push({ entry, cached: false });
  }

  // What packets no longer made left behind.
  const kept = new Set(Object.values(state.packets).map((p) => p.entry.pdf));
  const stale = Object.values(previous.packets).filter((p) => !kept.has(p.entry.pdf));
  await Promise.all(stale.map((p) => removeOutput(config.outDir, p.entry.pdf)));
  if (inputs !== undefined) state.inputs = inputs;
  if (warnings.length) state.warnings = warnings;
  const text = `${JSON.stringify(state)}\n`;
  const changed = reports.some((r) => !r.cached) || stale.length > 0 || Object.keys(previous.packets).length !== reports.length;
  const same = previous.inputs === state.inputs && JSON.stringify(previous.warnings) === JSON.stringify(state.warnings);
  if (changed || !same || (reports.length > 0 && !(await exists(path.join(config.cacheDir, PACKETS_STATE_FILE)))))
    await writeOutput(config.cacheDir, PACKETS_STATE_FILE, text);
  return { packets: reports, file, changed };
}

/** Each packet's page address (the contents' link to it), in the configuration's order. */
const pageUrls = (config: BuildConfig) => config.packets.map((spec) => publicUrl(config.site, packetPaths(spec.name).html) ?? null);

function packetKey(buildKey: string, salt: string, spec: PacketSpec, briefs: PacketBrief[], pageUrl: string | undefined): string {
  const hash = createHash('sha256').update(JSON.stringify([STATE_VERSION, buildKey, salt, spec, pageUrl ?? null]));
  for (const { entry, pdf } of briefs) {
    // What the contents show of a brief, and its printed bytes.
    const { slug, title, date, kind, pages, authors, summary } = entry;
    hash.update(JSON.stringify([slug, title, date ?? null, kind, pages, authors, summary ?? null]));
    hash.update(createHash('sha256').update(pdf).digest());
  }
  return hash.digest('hex');
}

function readConfigText(config: BuildConfig): string | undefined {
  try {
    // Only to place a warning: the configuration was read and checked at the start of the build.
    return readFileSync(path.join(config.root, CONFIG_FILE), 'utf8');
  } catch {
    return undefined;
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
