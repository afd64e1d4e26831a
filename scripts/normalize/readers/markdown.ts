/**
 * Reader `markdown`: Markdown with YAML front matter (or Hugo's TOML, between `+++`)
 * passes through. Static-site generators' shorthands are understood (`author: Jane Doe`,
 * `authors: [Jane Doe]` become `authors: [{name: Jane Doe}]`) and their keys briefpress
 * has no use for (`layout`, `categories`, `draft`…) are left out with a note, but a `layout` or
 * `type` that names a post makes the brief a post; a `description` or
 * `excerpt` is the summary. The writer's title is kept exactly as written; with no summary,
 * the first real sentence of the body is one (as Hugo's automatic summary). The front matter is
 * validated against the schema (invalid YAML, unknown keys with a "did you mean",
 * dates that are not dates), with messages pointing at the key inside the source; the
 * body is kept as it is (line endings and Unicode NFC only).
 */
import type { VFile } from 'vfile';
import { LineCounter, parseDocument, isMap, isScalar, type Document } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import { yamlData } from '../../core/yaml-data.js';
import { briefDataSchema, FRONT_MATTER_KEYS } from '../../core/front-matter.js';
import { closest } from '../../core/did-you-mean.js';
import { describeIssue } from '../../core/user-error.js';
import type { BriefData } from '../../core/types.js';
import { toIsoDate } from '../text/dates.js';
import * as documentLabel from '../rules/document-label.js';
import { reportGuess } from '../text/guessed.js';
import { isBriefSection } from '../rules/document-label.js';
import { isSummaryText, summarize } from '../text/summary.js';
import type { ReaderResult } from '../reader.js';
import type { NormalizeOptions } from '../reader.js';
import { defineRule, report, type RuleId } from '../../core/rules.js';

const frontMatter = /^---[ \t]*\n([\s\S]*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const tomlFrontMatter = /^\+\+\+[ \t]*\n([\s\S]*?\n)?\+\+\+[ \t]*(?:\n|$)/;

/** Keys of Hugo, Jekyll and Eleventy front matter that mean nothing in a brief. */
const SITE_GENERATOR_KEYS = new Set(
  'layout categories category draft published permalink aliases weight type menu series toc comments lastmod lastModified eleventyNavigation eleventyExcludeFromCollections excerpt image featured_image featuredImage thumbnail keywords description sitemap redirect_from redirect_to'.split(
    ' ',
  ),
);

/**
 * A site generator's layout or content type that names a blog post (Jekyll's `layout: post`,
 * Hugo's `type: posts`, Eleventy's `layout: layouts/post.njk`): the brief is a post.
 */
/** A date followed by a time of day (ISO 8601 `T` or a space), as site generators write them. */
const DATE_WITH_TIME = /^(\d{4}-\d{2}-\d{2})(?:T|\s+)\d{1,2}:\d{2}\b.*$/;

const POST_LAYOUT = /^(?:[\w.-]+\/)*(?:blog[-_]?)?posts?(?:\.\w+)?$/i;

/**
 * A site generator's page (a key of Hugo's, Jekyll's or Eleventy's: `draft`, `lastmod`,
 * `categories` …, or their one `author` as a string, where a brief has `authors`) with a date and
 * no kind, type or layout, whose categories and tags name no brief's genre ("Statement", "press
 * releases"): its `date` entry; the page is a blog post.
 */
function datedPost(entries: readonly KeyEntry[], raw: Record<string, unknown>): KeyEntry | undefined {
  const keys = new Set(entries.map((e) => e.key));
  if (raw.date === undefined || keys.has('kind') || keys.has('type') || keys.has('layout')) return undefined;
  const author = keys.has('author') && !keys.has('authors') && typeof raw.author === 'string';
  if (!author && ![...keys].some((key) => SITE_GENERATOR_KEYS.has(key))) return undefined;
  const filed = ['categories', 'category', 'tags'].flatMap((key) => [raw[key]].flat()).filter((v): v is string => typeof v === 'string');
  if (filed.some((name) => isBriefSection(name) || documentLabel.test(name))) return undefined;
  return entries.find((e) => e.key === 'date');
}

/** Is this text Markdown: front matter first, or an ATX `# Title` first? */
export function looksLikeMarkdown(text: string): boolean {
  return /^(?:---|\+\+\+)[ \t]*\r?\n/.test(text) || /^\s*#\s+\S/.test(text);
}

interface Problem {
  reason: string;
  place: { line: number; column: number };
  ruleId: RuleId;
}

export function readMarkdown(file: VFile, text: string, _options: NormalizeOptions): ReaderResult {
  const source_ = text.replace(/\r\n?/g, '\n');
  const match = frontMatter.exec(source_);
  if (/^---[ \t]*\n/.test(source_) && !match) {
    defineRule('front-matter-yaml').fail(file, 'front matter is not closed: add a line `---` after it', { line: 1, column: 1 });
  }
  const toml = match ? undefined : tomlFrontMatter.exec(source_);
  let body = match ? source_.slice(match[0].length) : toml ? source_.slice(toml[0].length) : source_;
  let bodyStart = match ? match[0].length : toml ? toml[0].length : 0;
  const problems: Problem[] = [];
  let raw: Record<string, unknown> = {};
  if (toml) {
    try {
      raw = parseToml(toml[1] ?? '') as Record<string, unknown>;
      checkKeys(
        file,
        shorthands(
          file,
          Object.keys(raw).map((key) => ({ key, keyAt: noPlace, valueAt: noPlace })),
          raw,
        ),
        raw,
        problems,
      );
    } catch (error) {
      const place = (error as { line?: number; column?: number }).line
        ? { line: (error as { line: number }).line + 1, column: (error as { column?: number }).column ?? 1 }
        : { line: 1, column: 1 };
      problems.push({ reason: `invalid TOML: ${(error as Error).message.split('\n')[0]}`, place, ruleId: 'front-matter-yaml' });
    }
  }
  if (match) {
    const lineCounter = new LineCounter();
    const doc = parseDocument(match[1] ?? '', { lineCounter, prettyErrors: false, uniqueKeys: true });
    const at = (offset: number) => {
      const { line, col } = lineCounter.linePos(offset);
      return { line: line + 1, column: col };
    };
    for (const error of doc.errors)
      problems.push({ reason: `invalid YAML: ${error.message.split('\n')[0]}`, place: at(error.pos[0]), ruleId: 'front-matter-yaml' });
    const data = doc.errors.length ? undefined : yamlData(doc);
    if (data && !data.ok) problems.push({ reason: data.reason, place: at(data.offset), ruleId: 'front-matter-yaml' });
    if (data?.ok) {
      const value = data.value ?? {};
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push({
          reason: 'front matter must be a mapping of keys to values (title: …)',
          place: { line: 2, column: 1 },
          ruleId: 'front-matter-yaml',
        });
      } else {
        raw = value as Record<string, unknown>;
        checkKeys(file, shorthands(file, keysOf(doc, match[1] ?? '', at), raw), raw, problems);
      }
    }
  }

  // A document without a title in its front matter takes its first `# heading`.
  if (raw.title === undefined && !problems.length) {
    // Blank lines, then `# ` and the text (the closing `#`s are cut in code: the pattern that
    // did both backtracked on long runs of blank lines or of trailing `#`s and spaces).
    const heading = /^(?:[^\S\n]*\n)*#[ \t]+([^\n]+)\n/.exec(`${body}\n`);
    if (heading) {
      raw.title = withoutClosingHashes(heading[1]!).trim();
      body = body.slice(heading[0].length);
      bodyStart += heading[0].length;
    }
  }
  if (raw.title === undefined && !problems.length) {
    problems.push({
      reason: 'no title: add `title: …` to the front matter, or a `# Title` heading as the first line',
      place: { line: 1, column: 1 },
      ruleId: 'missing-title',
    });
  }
  raw.kind ??= 'brief';
  const result = briefDataSchema.safeParse(raw);
  if (!result.success && !problems.length) {
    for (const issue of result.error.issues) {
      problems.push({
        reason: describeIssue(issue, FRONT_MATTER_KEYS),
        place: { line: match ? 2 : 1, column: 1 },
        ruleId: 'front-matter-schema',
      });
    }
  }
  if (problems.length) {
    problems.slice(0, -1).forEach((p) => report(file, p.ruleId, p.reason, { place: p.place, severity: 'error' }));
    const last = problems.at(-1)!;
    defineRule(last.ruleId).fail(file, last.reason, last.place);
  }
  bodyStart += /^\n*/.exec(body)![0].length;
  const bodyLine = lineAt(source_, bodyStart);
  const data = result.data as BriefData;
  if (data.summary === undefined) {
    // As Hugo's automatic summary, and as quietly: the body is the writer's, nothing of it changes.
    const opening = firstSentence(body, data.title);
    if (opening) data.summary = opening;
  }
  return { data, body: body.replace(/^\n+/, '').trimEnd(), bodyLine }; // trimEnd: what /\s+$/ removes
}

/**
 * The first sentence of the body's first paragraph of running text (not a heading, list,
 * quotation, table, image, HTML or code).
 */
function firstSentence(body: string, title: string): string | undefined {
  let fenced = false;
  for (const block of body.split(/(\n[^\S\n]*\n)/)) {
    const text = block.trim();
    if (!text || /^\n[^\S\n]*\n$/.test(block)) continue;
    // A fence opens (or closes) a code block; a block with an odd number of fences changes the state.
    const fences = text.match(/^(?:```|~~~)/gm)?.length ?? 0;
    const inCode = fenced || fences > 0;
    if (fences % 2 === 1) fenced = !fenced;
    if (inCode || /^(?:#|[-*+]\s|\d+[.)]\s|>|\||!\[|<|\s{4})/.test(block.replace(/^\n+/, ''))) continue;
    if (!isSummaryText(text, title)) continue;
    const sentence = summarize(text);
    if (sentence) return sentence;
  }
  return undefined;
}

/** The 1-based line of `offset` in `text`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const noPlace = () => ({ line: 1, column: 1 });

interface KeyEntry {
  key: string;
  keyAt: () => Problem['place'];
  valueAt: () => Problem['place'];
  /** The value as written in the source (YAML only), for what a parsed value loses (a date's time). */
  written?: string;
}

/** Places are asked only for problems, and a front matter with problems is read again with the YAML library. */

/** The keys of a parsed front matter, with where they and their values are. */
function keysOf(doc: Document, yaml: string, at: (offset: number) => { line: number; column: number }): KeyEntry[] {
  if (!isMap(doc.contents)) return [];
  return doc.contents.items.map((pair) => {
    const range = (pair.value as { range?: [number, number] } | null)?.range;
    return {
      key: isScalar(pair.key) ? String(pair.key.value) : String(pair.key),
      keyAt: () => at((pair.key as { range?: [number, number] } | null)?.range?.[0] ?? 0),
      valueAt: () => at(range?.[0] ?? 0),
      written: range ? yaml.slice(range[0], range[1]) : undefined,
    };
  });
}

/**
 * Static-site generators' shorthands, in place: `author: Jane Doe` is `authors`, an author
 * given as a string is `{name}`; their keys that mean nothing in a brief are left out,
 * each with a note (so nothing is lost silently). The entries left to check.
 */
function shorthands(file: VFile, entries: readonly KeyEntry[], raw: Record<string, unknown>): KeyEntry[] {
  const dated = datedPost(entries, raw);
  const kept: KeyEntry[] = [];
  const asAuthor = (value: unknown) => (typeof value === 'string' ? { name: value.trim() } : value);
  for (const entry of entries) {
    const { key } = entry;
    if ((key === 'description' || key === 'excerpt') && raw.summary === undefined && typeof raw[key] === 'string' && raw[key].trim()) {
      raw.summary = (raw[key] as string).trim();
      delete raw[key];
      report(file, 'front-matter-shorthand', `\`${key}\` read as \`summary\``, { place: entry.keyAt(), severity: 'info' });
      kept.push({ ...entry, key: 'summary' });
      continue;
    }
    if (
      (key === 'layout' || key === 'type') &&
      raw.kind === undefined &&
      typeof raw[key] === 'string' &&
      POST_LAYOUT.test(raw[key].trim())
    ) {
      report(file, 'front-matter-shorthand', `\`${key}: ${raw[key].trim()}\` read as \`kind: post\``, {
        place: entry.keyAt(),
        severity: 'info',
      });
      raw.kind = 'post';
      delete raw[key];
      continue;
    }
    if (SITE_GENERATOR_KEYS.has(key)) {
      report(file, 'front-matter-ignored', `\`${key}\` (${JSON.stringify(raw[key])}) means nothing in a brief; left out`, {
        place: entry.keyAt(),
        severity: 'info',
      });
      delete raw[key];
      continue;
    }
    if (key === 'author' && raw.authors === undefined) {
      raw.authors = Array.isArray(raw.author) ? raw.author : [raw.author];
      delete raw.author;
      kept.push({ ...entry, key: 'authors' });
    } else kept.push(entry);
    if (kept.at(-1)!.key === 'authors' && Array.isArray(raw.authors) && raw.authors.some((a) => typeof a === 'string')) {
      raw.authors = raw.authors.map(asAuthor);
      report(file, 'front-matter-shorthand', 'authors given as names: read as `authors: [{name: …}]`', {
        place: entry.keyAt(),
        severity: 'info',
      });
    }
  }
  if (dated && raw.kind === undefined) {
    const why =
      'a site generator’s dated page with no type, layout or genre (Hugo takes the type from its folder; Jekyll’s dated files are posts)';
    reportGuess(file, 'kind', 'post', why, dated.keyAt());
    raw.kind = 'post';
  }
  return kept;
}

/** Unknown keys (with a "did you mean"), dates in other forms, and schema errors, each at its key; how many problems were added. */
function checkKeys(file: VFile, entries: readonly KeyEntry[], raw: Record<string, unknown>, problems: Problem[]): number {
  const before = problems.length;
  for (const { key, keyAt, valueAt, written } of entries) {
    if (!(FRONT_MATTER_KEYS as readonly string[]).includes(key)) {
      const guess = closest(key, FRONT_MATTER_KEYS);
      problems.push({
        reason: `unknown key \`${key}\`${guess ? ` (did you mean \`${guess}\`?)` : ''}; known keys: ${FRONT_MATTER_KEYS.join(', ')}`,
        place: keyAt(),
        ruleId: 'front-matter-unknown-key',
      });
      continue;
    }
    if (key === 'date' || key === 'updated') {
      const given = raw[key];
      // A date with its time (Hugo's `2024-04-12T00:00:00Z`, Jekyll's `2008-07-25 10:00:00 -0500`)
      // is the day as written (not the day in UTC), and the time is left out with a note.
      const text = (written ?? (given instanceof Date ? '' : String(given ?? ''))).trim().replace(/^(['"])(.*)\1$/, '$2');
      const timed = DATE_WITH_TIME.exec(text);
      const value = timed ? timed[1]! : given instanceof Date ? given.toISOString().slice(0, 10) : String(given ?? '');
      if (timed) {
        report(file, 'front-matter-shorthand', `\`${key}: ${text}\` read as the day ${timed[1]}: a brief's date has no time`, {
          place: valueAt(),
          severity: 'info',
        });
      }
      const iso = toIsoDate(value);
      if (!iso || !briefDataSchema.shape.date.safeParse(iso).success) {
        problems.push({
          reason: `\`${key}\`: "${value}" is not a date; write it as YYYY-MM-DD, e.g. 2012-10-04`,
          place: valueAt(),
          ruleId: 'front-matter-date',
        });
      } else raw[key] = iso;
      continue;
    }
    const check = briefDataSchema.shape[key as keyof typeof briefDataSchema.shape].safeParse(raw[key]);
    if (!check.success) {
      for (const issue of check.error.issues) {
        problems.push({
          reason: describeIssue({ ...issue, path: [key, ...issue.path] } as typeof issue),
          place: valueAt(),
          ruleId: 'front-matter-schema',
        });
      }
    }
  }
  return problems.length - before;
}

/** An ATX heading's text without its closing sequence (`## Title ##` → `Title`); a text of only `#`s keeps its first. */
function withoutClosingHashes(text: string): string {
  let end = text.length;
  while (end > 1 && ' \t#'.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}
