/**
 * The normalizer: detect the kind of a source from its content and hand it to its
 * reader; every reader returns front matter and a Markdown body, assembled here into
 * the normalized document `---\n<yaml>---\n\n<body>\n`.
 */
import { type VFile } from 'vfile';
import { briefDataSchema } from '../core/front-matter.js';
import type { NormalizedBrief } from '../core/types.js';
import { decodeSource } from './text/decode.js';
import { readPdfBrief, reader as pdfBriefReader } from './readers/pdf-brief.js';
import { readWebExport, looksLikeWebExport, reader as webExportReader } from './readers/web-export.js';
import { readMarkdown, looksLikeMarkdown, reader as markdownReader } from './readers/markdown.js';
import { readGeneric, reader as genericReader } from './readers/generic.js';
import { looksLikePdfBrief } from './readers/detect-brief.js';
import { writeMarkdown } from './text/front-matter-writer.js';
import { slugFor } from './text/slug.js';
import type { NormalizeOptions, Reader } from './reader.js';

export type { RemovedLine } from './text/source-lines.js';
export { RULES } from './rules/index.js';
export { readSource, sourceFile } from './source-file.js';

export type { NormalizeOptions } from './reader.js';

/** Which reader understands this text (from its content, never its file name). */
export function detectReader(text: string, options: NormalizeOptions = {}): { name: string; read: Reader } {
  if (looksLikeMarkdown(text)) return { name: markdownReader, read: readMarkdown };
  if (looksLikeWebExport(text)) return { name: webExportReader, read: readWebExport };
  if (looksLikePdfBrief(text, options.organization)) return { name: pdfBriefReader, read: readPdfBrief };
  return { name: genericReader, read: readGeneric };
}

/**
 * Normalize one source. Fatal problems throw (`file.fail`) a VFileMessage with place and
 * rule id; warnings and notes are left on `file.messages`. Lines removed from the body
 * are listed in `file.data.removed`.
 */
export function normalize(file: VFile, options: NormalizeOptions = {}): NormalizedBrief {
  file.data.removed = [];
  const text = decodeSource(file);
  const { name, read } = detectReader(text, options);
  const { data, body } = read(file, text, options);
  const checked = briefDataSchema.safeParse(data);
  if (!checked.success) {
    file.fail(
      `the normalized front matter is invalid: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      {
        place: { line: 1, column: 1 },
        ruleId: 'front-matter-schema',
        source: 'briefpress',
      },
    );
  }
  const slug = data.slug ?? slugFor(data.title);
  return { file, reader: name, slug, data: checked.data, markdown: writeMarkdown(checked.data, body.normalize('NFC')) };
}
