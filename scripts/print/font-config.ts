/**
 * The printing browser sees no font of the machine. On Linux Chromium finds installed fonts
 * through fontconfig, and falls back to them for any character the page's own fonts lack:
 * the same brief then printed differently on another machine. So the printer gets a
 * fontconfig file of its own whose only font folder holds one shipped face (Source Sans 3,
 * Latin, unwrapped from its WOFF file): Chromium needs one font file it can open to start
 * laying out text at all, and with that one a character no shipped font has prints as the
 * face's empty box, never from a machine font (the render stage warns at its line).
 *
 * The folder is made once per face version in the temporary folder, and again if it goes.
 * Other systems (macOS, Windows) find fonts without fontconfig: there the shipped fonts
 * come first in every stack, and only characters none of them has can differ.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { woffToSfnt } from './woff-to-sfnt.js';

const FACE = '@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff';
const packageRequire = createRequire(import.meta.url);

/** The fontconfig file to give the printing browser (as FONTCONFIG_FILE), made if missing. */
export async function shippedFontsConfig(tmpdir = os.tmpdir()): Promise<string> {
  const woff = await readFile(packageRequire.resolve(FACE));
  const dir = path.join(tmpdir, `briefpress-fonts-${createHash('sha256').update(woff).digest('hex').slice(0, 12)}`);
  const conf = path.join(dir, 'fonts.conf');
  if (
    await stat(conf).then(
      () => true,
      () => false,
    )
  )
    return conf;
  // Made beside, then renamed into place: two builds starting at once each make their own.
  const staging = `${dir}.tmp-${process.pid}-${Date.now()}`;
  await mkdir(path.join(staging, 'fonts'), { recursive: true });
  await writeFile(path.join(staging, 'fonts', 'source-sans-3.ttf'), woffToSfnt(woff));
  await writeFile(path.join(staging, 'fonts.conf'), fontsConf(dir));
  await rename(staging, dir).catch(async (error: NodeJS.ErrnoException) => {
    await rm(staging, { recursive: true, force: true });
    // Another build put the same folder in place first.
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
  });
  return conf;
}

function fontsConf(dir: string): string {
  const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<!-- briefpress's printer: one shipped face, no font of the machine (scripts/print/font-config.ts). -->
<fontconfig>
  <dir>${xml(path.join(dir, 'fonts'))}</dir>
  <cachedir>${xml(path.join(dir, 'cache'))}</cachedir>
</fontconfig>
`;
}
