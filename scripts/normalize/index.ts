/**
 * The normalizer: detect the kind of a source from its content and hand it to its
 * reader; every reader returns front matter and a Markdown body, assembled here into
 * the normalized document `---\n<yaml>---\n\n<body>\n`.
 */
import { type VFile } from 'vfile';
import { briefDataSchema } from '../core/front-matter.js';
import { describeUrl, withSafeLinks } from '../core/url-policy.js';
import { describeCodePoint, mapStringsDeep, stripControlCharactersDeep } from '../core/control-characters.js';
import type { BodyLines, BriefData, NormalizedBrief } from '../core/types.js';
import { decodeSource } from './text/decode.js';
import { writeMarkdown } from './text/front-matter-writer.js';
import { MAX_NESTING, tooDeep } from './text/nesting.js';
import { slugFor } from './text/slug.js';
import type { NormalizeOptions } from './reader.js';
import { detectReader } from './readers/index.js';
import { pdfText, readPdf, reader as pdfReader } from './readers/pdf.js';
import { isPdf } from './pdf/is-pdf.js';
import type { Reader } from './reader.js';
import { defineRule, report } from '../core/rules.js';

export type { RemovedLine } from './text/source-lines.js';
export { RULES } from './rules/index.js';
export { preRead, readSource, sourceFile } from './source-file.js';

export type { NormalizeOptions } from './reader.js';
export { normalizeOptionsOf } from './reader.js';

export { detectReader, READERS } from './readers/index.js';

/**
 * A PDF (told by its bytes) goes to the PDF reader, its layout read before by `preRead`;
 * a text is decoded and the readers table chooses its reader.
 */
function readerFor(file: VFile, options: NormalizeOptions): { name: string; read: Reader; text: string } {
  const pdf = file.data.pdf;
  if (pdf || (typeof file.value !== 'string' && isPdf(file.value))) {
    const place = { line: 1, column: 1 };
    if (!pdf) throw defineRule('pdf-not-read').fail(file, 'a PDF is read before it is normalized (`readSource` or `preRead`)', place);
    if ('reason' in pdf) throw defineRule(pdf.ruleId).fail(file, pdf.reason, place);
    const { lines, text } = pdfText(pdf.layout);
    pdf.lines = lines;
    return { name: pdfReader, read: readPdf, text };
  }
  const text = decodeSource(file);
  return { ...detectReader(text, options), text };
}

/**
 * Normalize one source. Fatal problems throw (`file.fail`) a VFileMessage with place and
 * rule id; warnings and notes are left on `file.messages`. Lines removed from the body
 * are listed in `file.data.removed`.
 */
export function normalize(file: VFile, options: NormalizeOptions = {}): NormalizedBrief {
  file.data.removed = [];
  try {
    return normalizeFile(file, options);
  } finally {
    // Stable: lines removed from one source line keep the order their rules recorded them in.
    file.data.removed.sort((a, b) => a.line - b.line);
  }
}

function normalizeFile(file: VFile, options: NormalizeOptions): NormalizedBrief {
  const { name, read, text } = readerFor(file, options);
  const { data: read_, body: readBody, bodyLine } = read(file, text, options);
  // A form feed (a page break) left in a Markdown body: a space, so that lines stay where they were.
  const body = readBody.replace(/\f/g, ' ').normalize('NFC');
  refuseDeepNesting(file, body, bodyLine);
  // Composed (NFC) like the body: a reader's case changes can decompose (ῢ → Ϋ̀), and reading the Markdown again composes.
  const data = refuseUnsafeLinks(
    file,
    text,
    mapStringsDeep(withoutControlCharacters(file, read_), (s) => s.normalize('NFC')),
  );
  const checked = briefDataSchema.safeParse(data);
  if (!checked.success) {
    throw defineRule('front-matter-schema').fail(
      file,
      `the normalized front matter is invalid: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      { line: 1, column: 1 },
    );
  }
  const slug = data.slug ?? slugFor(data.title);
  const markdown = writeMarkdown(checked.data, body);
  return { file, reader: name, slug, data: checked.data, markdown, ...bodyLinesOf(markdown, body, bodyLine) };
}

/** A body nesting block quotes or lists deeper than any parser handles in time (text/nesting.ts) fails here, at its line. */
function refuseDeepNesting(file: VFile, body: string, bodyLine: number | undefined): void {
  const deep = tooDeep(body);
  if (!deep) return;
  throw defineRule('markdown-too-deep').fail(
    file,
    `this line nests ${deep.depth} block quotes or lists; a brief may nest at most ${MAX_NESTING} (is it a quoted e-mail thread or a broken export?)`,
    // The source's own line when the body is its text line for line (Markdown); else the text as a whole.
    bodyLine === undefined ? { line: 1, column: 1 } : { line: bodyLine + deep.line - 1, column: deep.column },
  );
}

/** Where the body starts in the normalized Markdown and in the source (see `NormalizedBrief.bodyLines`). */
function bodyLinesOf(markdown: string, body: string, sourceLine: number | undefined): { bodyLines?: BodyLines } {
  const trimmed = body.replace(/^\n+/, '').trimEnd();
  if (sourceLine === undefined || !trimmed || !markdown.endsWith(`\n${trimmed}\n`)) return {};
  const start = markdown.length - trimmed.length - 1;
  let line = 1;
  for (let i = markdown.indexOf('\n'); i !== -1 && i < start; i = markdown.indexOf('\n', i + 1)) line++;
  return { bodyLines: { markdown: line, source: sourceLine } };
}

/**
 * The front matter's addresses through the URL policy (url-policy.ts): one it refuses is
 * left out, with a warning at the line of the source where it is written.
 */
function refuseUnsafeLinks(file: VFile, text: string, data: BriefData): BriefData {
  const { data: safe, refused } = withSafeLinks(data);
  for (const r of refused) {
    report(
      file,
      'unsafe-url',
      `\`${r.key}\`: the address ${describeUrl(r.value)} ${r.reason}; it is left out (links may be http, https or mailto)`,
      { place: placeOf(text, r.value) },
    );
  }
  return safe;
}

/** Front matter values written with YAML escapes (`"\e"`) can hold control characters too. */
function withoutControlCharacters(file: VFile, data: BriefData): BriefData {
  const { value, count, first } = stripControlCharactersDeep(data);
  if (count > 0) {
    report(
      file,
      'control-characters',
      `removed ${count} control character${count > 1 ? 's' : ''} from the front matter, e.g. ${describeCodePoint(first!)}`,
      { place: { line: 1, column: 1 } },
    );
  }
  return value;
}

/** Line and column of the first place `value` is written in `text` (line 1 when it is written otherwise, e.g. escaped). */
function placeOf(text: string, value: string): { line: number; column: number } {
  const at = text.indexOf(value.trim());
  if (at < 0) return { line: 1, column: 1 };
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}
