/**
 * Golden fixtures of the normalizer: `test/fixtures/normalize/<case>/input.(txt|md)`,
 * optional `config.json` (an organization), expected `output.md` (absent when the case
 * is fatal) and `messages.json` (`line:column severity rule-id: reason`). Missing
 * expected files are written, and all of them with UPDATE=1, to be reviewed.
 * Every successful case must also be idempotent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { normalize, preRead, type NormalizeOptions } from '../../scripts/normalize/index.js';
import { briefDataSchema } from '../../scripts/core/front-matter.js';
import { expectGolden, fixtureCases, messagesJson } from '../helpers/golden.js';
import { decodeSource } from '../../scripts/normalize/text/decode.js';
import { parseItem } from '../../scripts/normalize/text/list-items.js';

const wordsOf = (text: string) =>
  new Set(
    text
      .normalize('NFKC')
      // A picture's text glued to a paragraph's first word ("which oneThe Information …") is split by the rule glued-blocks.
      .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
      .toLowerCase()
      .replace(/\u00ad/g, '')
      // A note's number glued to a word ("safeguards2") becomes a footnote reference ("safeguards[^2]").
      .replace(/(\p{L})(\d)/gu, '$1 $2')
      // A year glued to the next block's first word ("2023The House") is split by the rule glued-blocks.
      .replace(/(\d)(\p{L})/gu, '$1 $2')
      .match(/[\p{L}\p{N}]+/gu) ?? [],
  );

/** Words of the source found neither in the output, nor in a removed line, nor in a message. */
function lostWords(dir: string, input: string, markdown: string, options: NormalizeOptions): string[] {
  const value = readFileSync(path.join(dir, input));
  // List markers ("ii.", "(b)", "o") become Markdown's own: they are not words of the text.
  const source = decodeSource(new VFile({ value }))
    .split('\n')
    .map((line) => parseItem(line)?.text ?? line)
    .join('\n');
  const file = new VFile({ path: input, value });
  normalize(file, options);
  const kept = wordsOf([markdown, ...(file.data.removed ?? []).map((r) => r.text), ...file.messages.map((m) => m.reason)].join('\n'));
  const keptList = [...kept];
  // A word split by hyphenation is kept when it is part of a joined word.
  return [...wordsOf(source)].filter((word) => !kept.has(word) && !keptList.some((k) => k.length > word.length && k.includes(word)));
}

const { root, cases } = fixtureCases('normalize');

async function run(dir: string) {
  const input = readdirSync(dir).find((name) => name.startsWith('input.'));
  if (!input) throw new Error(`${dir}: no input file`);
  const options: NormalizeOptions = existsSync(path.join(dir, 'config.json'))
    ? JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'))
    : {};
  const file = new VFile({ path: input, value: readFileSync(path.join(dir, input)) });
  await preRead(file); // a PDF's layout, as every caller of normalize() reads it
  let markdown: string | undefined;
  try {
    markdown = normalize(file, options).markdown;
  } catch (error) {
    if (!(error instanceof VFileMessage)) throw error;
  }
  return { markdown, messages: file.messages, options, input };
}

const results = new Map(await Promise.all(cases.map(async (name) => [name, await run(path.join(root, name))] as const)));

describe('normalize fixtures', () => {
  it('has the cases the issue asks for', () => {
    expect(cases.length).toBeGreaterThanOrEqual(16);
  });

  for (const name of cases) {
    describe(name, () => {
      const dir = path.join(root, name);
      const result = results.get(name)!;

      it('gives the expected Markdown and messages', () => {
        expectGolden(path.join(dir, 'output.md'), result.markdown);
        expectGolden(path.join(dir, 'messages.json'), messagesJson(result.messages));
      });

      it.skipIf(result.markdown === undefined)('loses no word silently (body, front matter or --explain)', () => {
        expect(lostWords(dir, result.input, result.markdown!, result.options)).toEqual([]);
      });

      it.skipIf(result.markdown === undefined)('is idempotent and valid', () => {
        const again = normalize(new VFile({ path: 'output.md', value: result.markdown! }), result.options);
        expect(again.markdown).toBe(result.markdown);
        expect(again.file.messages.filter((m) => m.fatal !== undefined)).toEqual([]);
        expect(briefDataSchema.safeParse(again.data).success).toBe(true);
      });
    });
  }
});
