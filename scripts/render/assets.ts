/**
 * The project's own assets, the only files a page may load: the stylesheets in
 * `templates/styles/`, the self-hosted fonts those stylesheets name (found in the
 * `@fontsource/*` packages, so only the faces actually used are copied and served), and
 * the organization's logo when one is configured. The archive copies them into the output
 * folder; the printer serves them from memory and refuses everything else.
 */
import { closeSync, existsSync, openSync, readSync, realpathSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BuildConfig } from '../core/config.js';
import { UserError } from '../core/user-error.js';

export interface Asset {
  /** Path under the output folder, with forward slashes, e.g. `assets/fonts/source-sans-3-latin-400-normal.woff2`. */
  url: string;
  /** Absolute path of the file to copy or serve. */
  file: string;
  /** MIME type. */
  type: string;
}

export const ASSETS_DIR = 'assets';
const STYLES_DIR = 'styles';
const FONTS_DIR = 'fonts';

const MIME: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

/** A fontsource file name: `<family>-<subset>-<weight>-<style>.<ext>`, the subset a name (`latin-ext`) or a number (`12`). */
const FONTSOURCE_FILE = /^[a-z0-9-]+-\d{3}-(?:normal|italic)\.woff2?$/;
const FONT_URL = /url\(\s*(['"]?)\.\.\/fonts\/([^'")\s]+)\1\s*\)/g;

const packageRequire = createRequire(import.meta.url);

/** Every asset of the project, sorted by url (stable order for caches and manifests). */
export async function projectAssets(config: BuildConfig): Promise<Asset[]> {
  const stylesDir = path.join(config.templatesDir, STYLES_DIR);
  const names = (await readdir(stylesDir).catch(() => [] as string[])).filter((n) => n.endsWith('.css')).sort();
  const assets = new Map<string, Asset>();
  for (const name of names) {
    const file = path.join(stylesDir, name);
    assets.set(`${ASSETS_DIR}/${STYLES_DIR}/${name}`, { url: `${ASSETS_DIR}/${STYLES_DIR}/${name}`, file, type: MIME['.css']! });
    const css = await readFile(file, 'utf8');
    for (const match of css.matchAll(FONT_URL)) {
      const fontName = match[2]!;
      const url = `${ASSETS_DIR}/${FONTS_DIR}/${fontName}`;
      if (!assets.has(url)) assets.set(url, { url, file: fontFile(fontName, file, css, match.index), type: mimeOf(fontName) });
    }
  }
  const logo = logoAsset(config);
  if (logo) assets.set(logo.url, logo);
  return [...assets.values()].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/**
 * The configured logo as an asset, or undefined when the wordmark is drawn from the name.
 * It must be inside the project on its real path (a symbolic link to `/etc/passwd` would
 * publish that file), and really an SVG, PNG or JPEG by its first bytes, not its name.
 */
export function logoAsset(config: BuildConfig): Asset | undefined {
  const logo = config.organization.logo;
  if (!logo) return undefined;
  const file = path.resolve(config.root, logo);
  const ext = path.extname(file).toLowerCase();
  if (!['.svg', '.png', '.jpg', '.jpeg'].includes(ext)) {
    throw new UserError(`organization.logo: ${logo} is not an SVG, PNG or JPEG file`);
  }
  if (!existsSync(file)) throw new UserError(`organization.logo: ${logo} not found in ${config.root}`);
  const real = realpathSync(file);
  const rel = path.relative(realpathSync(config.root), real);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new UserError(`organization.logo: ${logo} is outside the project (it leads to ${real}); put the logo file inside ${config.root}`);
  }
  if (imageKind(real) !== MIME[ext]) {
    throw new UserError(
      `organization.logo: ${logo} is not really ${ext === '.svg' ? 'an SVG' : `a ${ext.slice(1).toUpperCase()}`} image (its first bytes say otherwise)`,
    );
  }
  return { url: `${ASSETS_DIR}/logo${ext}`, file: real, type: MIME[ext]! };
}

/** The MIME type of an SVG, PNG or JPEG file by its first bytes; undefined for anything else. */
function imageKind(file: string): string | undefined {
  const head = Buffer.alloc(1024);
  const fd = openSync(file, 'r');
  let length: number;
  try {
    length = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const bytes = head.subarray(0, length);
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return MIME['.png'];
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return MIME['.jpg'];
  // An SVG: XML whose first element (after a declaration, comments, a doctype) is <svg.
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const start = /^(?:\s*<\?xml[^>]*\?>|\s*<!--[^]*?-->|\s*<!DOCTYPE[^>]*>)*\s*<svg[\s>]/i;
  return start.test(text) ? MIME['.svg'] : undefined;
}

function mimeOf(name: string): string {
  return MIME[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
}

function fontFile(name: string, stylesheet: string, css: string, offset: number): string {
  const where = () => {
    const before = css.slice(0, offset).split('\n');
    return `${stylesheet}:${before.length}:${before.at(-1)!.length + 1}`;
  };
  if (!FONTSOURCE_FILE.test(name)) {
    throw new UserError(`${where()}: font ${name} is not a @fontsource file name like source-sans-3-latin-400-normal.woff2`);
  }
  // The family is the longest leading part of the name that is an installed @fontsource package.
  const parts = name.split('-');
  for (let k = parts.length - 3; k >= 1; k--) {
    try {
      return packageRequire.resolve(`@fontsource/${parts.slice(0, k).join('-')}/files/${name}`);
    } catch {
      // not this package, or not installed
    }
  }
  const family = /^(.+?)-(?:latin|latin-ext|cyrillic|cyrillic-ext|greek|greek-ext|vietnamese|\d+)-\d{3}-/.exec(name)?.[1] ?? parts[0];
  throw new UserError(`${where()}: font ${name} not found; install it with \`npm install @fontsource/${family}\` or fix the name`);
}
