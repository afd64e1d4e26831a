/**
 * The project's own assets, the only files a page may load: the stylesheets in
 * `templates/styles/`, the self-hosted fonts those stylesheets name (found in the
 * `@fontsource/*` packages, so only the faces actually used are copied and served), and
 * the organization's logo when one is configured. The archive copies them into the output
 * folder; the printer serves them from memory and refuses everything else.
 */
import { existsSync } from 'node:fs';
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

/** The configured logo as an asset, or undefined when the wordmark is drawn from the name. */
export function logoAsset(config: BuildConfig): Asset | undefined {
  const logo = config.organization.logo;
  if (!logo) return undefined;
  const file = path.resolve(config.root, logo);
  const rel = path.relative(config.root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new UserError(`organization.logo: ${logo} is outside the project; put the logo file inside ${config.root}`);
  }
  const ext = path.extname(file).toLowerCase();
  if (!['.svg', '.png', '.jpg', '.jpeg'].includes(ext)) {
    throw new UserError(`organization.logo: ${logo} is not an SVG, PNG or JPEG file`);
  }
  if (!existsSync(file)) throw new UserError(`organization.logo: ${logo} not found in ${config.root}`);
  return { url: `${ASSETS_DIR}/logo${ext}`, file, type: MIME[ext]! };
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
