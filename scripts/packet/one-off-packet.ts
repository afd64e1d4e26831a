/**
 * A packet made once, from the command line (`npm run packet`): the briefs of the last
 * build (its manifest and PDFs), printed at once with a browser of its own, not kept in
 * the build cache nor listed in the archive.
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { BuildConfig, PacketSpec } from '../core/config.js';
import type { ManifestEntry, PacketEntry } from '../core/types.js';
import { UserError } from '../core/user-error.js';
import { writeOutput } from '../core/write-file.js';
import { makePacket, type PacketBrief } from './make-packet.js';
import { sheetsFor } from './packet-layout.js';
import { selectBriefs } from './select-briefs.js';

export interface OneOffInput {
  config: BuildConfig;
  spec: PacketSpec;
  /** Absolute path of the PDF, inside the output folder. */
  file: string;
}

export async function makeOneOffPacket({ config, spec, file }: OneOffInput): Promise<{ entry: PacketEntry; warnings: string[] }> {
  const manifestFile = path.join(config.outDir, 'manifest.json');
  const manifest = (await readFile(manifestFile, 'utf8').then(JSON.parse, () => undefined)) as ManifestEntry[] | undefined;
  if (!Array.isArray(manifest)) {
    throw new UserError(`no build in ${path.relative(process.cwd(), config.outDir) || config.outDir}/ yet: run npm run build first`);
  }
  const warnings: string[] = [];
  const selected = selectBriefs(manifest, spec);
  for (const { slug, suggestion } of selected.missing) {
    warnings.push(
      `no brief has the slug \`${slug}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}; the packet is printed without it`,
    );
  }
  const briefs: PacketBrief[] = [];
  for (const entry of selected.briefs) {
    const pdf = await readFile(path.join(config.outDir, entry.pdf)).catch(() => undefined);
    if (pdf) briefs.push({ entry, pdf });
    else warnings.push(`the PDF of \`${entry.slug}\` is missing (${entry.pdf}); the packet is printed without it`);
  }
  if (briefs.length === 0) {
    for (const line of warnings) process.stderr.write(`briefpress: warning: ${line}\n`);
    throw new UserError(`the selection matches no brief of the ${manifest.length} in the last build; no packet was printed`);
  }
  const { createPrinter } = await import('../print/printer.js');
  const printer = await createPrinter({ config, concurrency: 1 });
  try {
    const made = await makePacket(config, spec, briefs, printer);
    const outDir = await realpath(config.outDir); // `file` is a real path too
    const relative = path.relative(outDir, file);
    await writeOutput(outDir, relative, made.pdf);
    return {
      entry: {
        name: spec.name,
        title: spec.title,
        ...(spec.event ? { event: spec.event } : {}),
        ...(spec.date ? { date: spec.date } : {}),
        pdf: relative.split(path.sep).join('/'),
        html: '',
        pages: made.layout.pages,
        sheets: sheetsFor(made.layout.pages),
        pdf_bytes: made.pdf.byteLength,
        briefs: briefs.map((b, n) => ({ slug: b.entry.slug, title: b.entry.title, start: made.layout.starts[n]!, pages: b.entry.pages })),
      },
      warnings,
    };
  } finally {
    await printer.close();
  }
}
