/**
 * The site configuration: the organization's letterhead, the archive's address and the
 * print defaults. Read from `briefpress.config.yaml`, validated by a schema whose errors
 * name the bad key with `file:line:column`, merged with defaults, resolved once.
 */
import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { cacheDirOf, CACHE_FOLDER, realPathSoFar } from './cache-dir.js';
import { isoDate } from './front-matter.js';
import { siteUrlProblem } from './public-url.js';
import { describeIssue, UserError } from './user-error.js';
import { describeCodePoint, stripControlCharactersDeep } from './control-characters.js';
import { yamlData } from './yaml-data.js';

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #rrggbb');

/**
 * Briefs in feed.xml by default: a feed is for what is new (feed readers fetch it often and
 * many refuse large ones), the archive pages are for the rest. Jekyll's feed keeps 10.
 */
const FEED_ENTRIES = 20;

/** How a packet orders its briefs. */
export const PACKET_ORDERS = ['date', 'title', 'given'] as const;

/**
 * A packet: the briefs for one meeting printed as one PDF, with a cover and a contents
 * page (scripts/packet/). A brief is in it when its slug is listed in `slugs`, or when it
 * matches every other criterion given (any of `tags`, any of `authors`, `kind`, and the
 * dates `from`–`to`).
 */
export const packetSchema = z
  .strictObject({
    /** File name of the packet: `packets/<name>.pdf` and `packets/<name>.html`. */
    name: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a packet name is lower-case letters, digits and single hyphens, e.g. wcit-hill-day')
      .max(80),
    /** Title on the cover, e.g. "WCIT Hill Day". */
    title: z.string().trim().min(1),
    /** A line under the title: the meeting, its place. */
    event: z.string().trim().min(1).optional(),
    /** The meeting's date, shown on the cover and used as the PDF's date. */
    date: isoDate.optional(),
    /** Briefs with any of these tags (compared without regard to case). */
    tags: z.array(z.string().min(1)).optional(),
    /** These briefs, by slug, whatever the other criteria say. */
    slugs: z.array(z.string().min(1)).optional(),
    /** Briefs by any of these authors (names as in the briefs). */
    authors: z.array(z.string().min(1)).optional(),
    /** Only briefs of this kind. */
    kind: z.enum(['brief', 'post']).optional(),
    /** Only briefs dated on or after this day. */
    from: isoDate.optional(),
    /** Only briefs dated on or before this day. */
    to: isoDate.optional(),
    /** `date`: newest first (the default); `title`: A to Z; `given`: the order of `slugs`, then the others newest first. */
    order: z.enum(PACKET_ORDERS).default('date'),
  })
  .refine((p) => p.tags?.length || p.slugs?.length || p.authors?.length || p.kind || p.from || p.to, {
    message: 'a packet needs a selection: tags, slugs, authors, kind, from or to',
  })
  .refine((p) => !(p.from && p.to && p.from > p.to), { message: '`from` is after `to`', path: ['from'] });

export type PacketSpec = z.infer<typeof packetSchema>;

/**
 * How the normalizer cases a title it finds in a document's text (`normalize.title_case`).
 * A title in capitals is always re-cased, keeping the acronyms the text proves; Markdown's
 * own title is always kept as written. `news`: every title in news-style title case;
 * `as-written`: a title in upper and lower case kept as the document writes it; `auto`:
 * as written in a word processor's PDF (its author's own document, as front matter is),
 * news style in other texts.
 */
export const TITLE_CASE_STYLES = ['auto', 'news', 'as-written'] as const;
export type TitleCaseStyle = (typeof TITLE_CASE_STYLES)[number];

export const configSchema = z.strictObject({
  organization: z.strictObject({
    /** Full name, e.g. "Center for Democracy & Technology". */
    name: z.string().min(1),
    /** Short name drawn as the wordmark, e.g. "CDT". Default: initials of `name`. */
    short_name: z.string().min(1).optional(),
    /** One line under the wordmark. */
    tagline: z.string().optional(),
    /** The organization's web site, e.g. https://www.cdt.org. */
    url: z.url({ protocol: /^https?$/ }).optional(),
    /** Street address, one entry per line. */
    address: z.array(z.string()).default([]),
    phone: z.string().optional(),
    fax: z.string().optional(),
    email: z.email().optional(),
    /** An SVG file inside the project to use instead of the drawn wordmark. */
    logo: z.string().optional(),
  }),
  site: z
    .strictObject({
      /** Title of the archive. Default: "<organization> briefs". */
      title: z.string().optional(),
      /**
       * Public address of the archive's home page, e.g. `https://example.org/briefs/`; or of
       * its host alone when `base_path` gives the path (`https://example.org`). Enables the QR
       * code on each PDF, canonical links, Open Graph, JSON-LD, absolute feed links and the
       * sitemap; every one of them is made from it by `core/public-url.ts`.
       */
      url: z.url({ protocol: /^https?$/ }).optional(),
      /**
       * Path the output folder is served under, e.g. "/briefs/": links start with it, so the
       * archive works only there (not from disk). Default: relative links, which work from
       * disk, at `/` and under any path. With `url`, the url must then be the host alone.
       */
      base_path: z
        .string()
        .regex(/^\/(?:[^/]+\/)*$/, 'expected a path like "/" or "/briefs/"')
        .optional(),
      language: z.string().default('en'),
      description: z.string().optional(),
      /** Briefs in the Atom feed, newest first; 0 for every brief. */
      feed_entries: z.number().int().min(0).default(FEED_ENTRIES),
      /**
       * A picture of page 1 of each PDF, for the cards and link previews (`og:image`). It costs
       * the browser more than printing the brief: `false` makes a first build about twice as fast.
       */
      page_pictures: z.boolean().default(true),
    })
    .superRefine((site, ctx) => {
      const problem = siteUrlProblem(site);
      if (problem) ctx.addIssue({ code: 'custom', path: ['base_path'], message: problem });
    })
    .default({ language: 'en', feed_entries: FEED_ENTRIES, page_pictures: true }),
  print: z
    .strictObject({
      paper: z.enum(['letter', 'a4']).default('letter'),
      /** Default page budget of a brief. */
      pages: z.number().int().min(1).default(2),
      /** Accent colour of headings and rules. */
      accent: hexColour.default('#1b5e8c'),
    })
    .default({ paper: 'letter', pages: 2, accent: '#1b5e8c' }),
  build: z
    .strictObject({
      sources: z.string().default('sources'),
      out: z.string().default('dist'),
      /** Pages printing at once. Default: the number of CPU cores. */
      concurrency: z.number().int().min(1).max(64).optional(),
    })
    .default({ sources: 'sources', out: 'dist' }),
  normalize: z
    .strictObject({
      title_case: z
        .enum(TITLE_CASE_STYLES, {
          error: (issue) =>
            `${JSON.stringify(issue.input)} is not a title case style: use \`auto\` (the default), \`news\` (every title in title case) or \`as-written\` (a title in upper and lower case kept as the document writes it)`,
        })
        .default('auto'),
    })
    .default({ title_case: 'auto' }),
  /** Packets printed by every build, each one PDF of the briefs it selects (see `packetSchema`). */
  packets: z
    .array(packetSchema)
    .default([])
    .superRefine((packets, ctx) => {
      const seen = new Set<string>();
      packets.forEach((p, i) => {
        if (seen.has(p.name)) ctx.addIssue({ code: 'custom', message: `two packets are named \`${p.name}\``, path: [i, 'name'] });
        seen.add(p.name);
      });
    }),
});

export type SiteConfig = z.infer<typeof configSchema>;

/** The keys an object schema allows at `keyPath`, looking through defaults, optionals and arrays. */
export function keysAt(schema: z.ZodType, keyPath: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = schema;
  const unwrap = (s: z.ZodType | undefined): z.ZodType | undefined =>
    s instanceof z.ZodDefault || s instanceof z.ZodOptional ? unwrap(s.unwrap() as z.ZodType) : s;
  for (const key of keyPath) {
    current = unwrap(current);
    if (current instanceof z.ZodObject) current = current.shape[key as string] as z.ZodType | undefined;
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else return [];
  }
  current = unwrap(current);
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

/** The configuration resolved for one run: absolute paths, defaults filled in. */
export interface BuildConfig extends SiteConfig {
  /** Absolute project root (where the config file is). */
  root: string;
  /** Absolute folder of the sources. */
  sourcesDir: string;
  /** Absolute output folder. */
  outDir: string;
  /** Absolute folder of the build cache, beside the output folder (cache-dir.ts). */
  cacheDir: string;
  /** Absolute folder of the templates and styles. */
  templatesDir: string;
  concurrency: number;
  /** Page-budget overflows and guesses become errors. */
  strict: boolean;
}

export const CONFIG_FILE = 'briefpress.config.yaml';

/** Parse and validate a configuration file's text; errors name the bad key and its place. */
export function parseConfig(text: string, fileName: string): SiteConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const [yamlError] = doc.errors;
  if (yamlError) {
    const { line, col } = lineCounter.linePos(yamlError.pos[0]);
    throw new UserError(`${fileName}:${line}:${col}: invalid YAML: ${yamlError.message.split('\n')[0]}`);
  }
  const data = yamlData(doc);
  if (!data.ok) {
    const { line, col } = lineCounter.linePos(data.offset);
    throw new UserError(`${fileName}:${line}:${col}: ${data.reason}`);
  }
  const controls = stripControlCharactersDeep(data.value);
  if (controls.count > 0) {
    // A value with ESC or BEL would make the feed and the sitemap invalid XML.

    const raw = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.exec(text);
    const { line, col } = raw ? lineCounter.linePos(raw.index) : { line: 1, col: 1 };
    throw new UserError(`${fileName}:${line}:${col}: a value holds the control character ${describeCodePoint(controls.first!)}; remove it`);
  }
  const result = configSchema.safeParse(data.value ?? {});
  if (result.success) return result.data;
  const lines = result.error.issues.flatMap((issue) => {
    const at = (node: unknown) => {
      const range = (node as { range?: [number, number] } | undefined)?.range;
      const { line, col } = range ? lineCounter.linePos(range[0]) : { line: 1, col: 1 };
      return `${fileName}:${line}:${col}`;
    };
    const node = doc.getIn(issue.path as (string | number)[], true);
    if (issue.code === 'unrecognized_keys' && isMap(node)) {
      const known = keysAt(configSchema, issue.path);
      return issue.keys.map((key) => {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
        return `${at(pair?.key ?? node)}: ${describeIssue({ ...issue, keys: [key] }, known)}`;
      });
    }
    return [`${at(node)}: ${describeIssue(issue)}`];
  });
  throw new UserError(lines.join('\n'));
}

/** Line and column (1-based) of the value at `keyPath` in a configuration file's text, if it is there. */
export function configPlace(text: string, keyPath: (string | number)[]): { line: number; column: number } | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const range = (doc.getIn(keyPath, true) as { range?: [number, number] } | undefined)?.range;
  if (!range) return undefined;
  const { line, col } = lineCounter.linePos(range[0]);
  return { line, column: col };
}

export interface ConfigOverrides {
  sources?: string;
  out?: string;
  concurrency?: number;
  strict?: boolean;
}

/** Load `briefpress.config.yaml` from `root` (defaults when absent) and resolve it. */
export async function loadConfig(root: string, overrides: ConfigOverrides = {}): Promise<BuildConfig> {
  const file = path.join(root, CONFIG_FILE);
  let text: string;
  try {
    text = await readAtMost(file, MAX_CONFIG_BYTES);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${CONFIG_FILE}: not found in ${root}; copy the one from the briefpress repository and edit it`);
  }
  return resolveConfig(parseConfig(text, CONFIG_FILE), root, overrides);
}

/**
 * A configuration is a page of YAML (the sample's is 1.3 KB); past this it is the wrong file,
 * and reading a 50 MB one took 29 s and 2.8 GB. Like a source, it is refused unread.
 */
export const MAX_CONFIG_BYTES = 256 * 1024;

/** A file's text, refused (a UserError) past `max` bytes; reads no more than that, whatever the file says its size is. */
async function readAtMost(file: string, max: number): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(max + 1);
    let size = 0;
    while (size <= max) {
      const { bytesRead } = await handle.read(buffer, size, max + 1 - size, null);
      if (bytesRead === 0) break;
      size += bytesRead;
    }
    if (size > max) {
      const kb = (n: number) => `${Math.round(n / 1024)} KB`;
      throw new UserError(`${CONFIG_FILE}:1:1: too large for a configuration: over the limit of ${kb(max)}; is this the right file?`);
    }
    return buffer.subarray(0, size).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** The templates briefpress comes with (this repository's templates/). */
const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));

export function resolveConfig(site: SiteConfig, root: string, overrides: ConfigOverrides = {}): BuildConfig {
  const sourcesDir = path.resolve(root, overrides.sources ?? site.build.sources);
  const outDir = path.resolve(root, overrides.out ?? site.build.out);
  assertSafeOutDir(outDir, root, sourcesDir);
  return {
    ...site,
    root,
    sourcesDir,
    outDir,
    cacheDir: cacheDirOf(outDir),
    // A project without templates of its own (only sources and a configuration) gets briefpress's.
    templatesDir: existsSync(path.join(root, 'templates')) ? path.join(root, 'templates') : BUILTIN_TEMPLATES,
    concurrency: overrides.concurrency ?? site.build.concurrency ?? Math.max(1, os.availableParallelism()),
    strict: overrides.strict ?? false,
  };
}

/** Refuse an output folder whose cleaning would destroy the user's work. */
function assertSafeOutDir(outDir: string, root: string, sourcesDir: string): void {
  const inside = (child: string, parent: string) => {
    const rel = path.relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  };
  if (outDir === path.parse(outDir).root || outDir === os.homedir()) {
    throw new UserError(`refusing to write into ${outDir}: choose an output folder of its own, e.g. dist`);
  }
  if (inside(root, outDir) || inside(sourcesDir, outDir) || inside(outDir, sourcesDir)) {
    throw new UserError(`refusing output folder ${outDir}: it contains or is inside the project or the sources`);
  }
  // The same on the real paths, after symbolic links: an output folder that is a link to
  // the sources (or into them) would write the archive among them.
  const [realOut, realRoot, realSources] = [outDir, root, sourcesDir].map(realPathSoFar) as [string, string, string];
  if (inside(realRoot, realOut) || inside(realSources, realOut) || inside(realOut, realSources)) {
    throw new UserError(
      `refusing output folder ${outDir}: through a symbolic link it is ${realOut}, which contains or is inside the project or the sources`,
    );
  }
  // The build cache is `<parent>/.briefpress/<name>/`: for an output folder named so, that is inside it.
  if (path.basename(outDir) === CACHE_FOLDER) {
    throw new UserError(`refusing output folder ${outDir}: ${CACHE_FOLDER} is the name of the build cache's folder; choose another`);
  }
}
