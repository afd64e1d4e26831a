/**
 * What every golden-fixture runner shares: the cases of a stage
 * (`test/fixtures/<stage>/<case>/`, hidden folders skipped), one shape for expected
 * messages (`line:column severity rule-id: reason`), and expected files that are written
 * when missing, or all of them with UPDATE=1, to be reviewed in the diff.
 */
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { expect } from 'vitest';

export const update = process.env.UPDATE === '1';

/** The folder of a stage's fixtures and its case names, sorted. */
export function fixtureCases(stage: string): { root: string; cases: string[] } {
  const root = path.join(import.meta.dirname, '..', 'fixtures', stage);
  const cases = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
  return { root, cases };
}

/** A message as the fixtures' messages.json lists it. */
export const describeMessage = (m: VFileMessage) =>
  `${m.line ?? 1}:${m.column ?? 1} ${m.fatal ? 'error' : m.fatal === false ? 'warning' : 'info'} ${m.ruleId}: ${m.reason}`;

/** Messages as the text of a messages.json. */
export const messagesJson = (messages: readonly VFileMessage[]) => `${JSON.stringify(messages.map(describeMessage), null, 2)}\n`;

/**
 * `actual` equals the file `target` (written first when missing or with UPDATE=1). An
 * `undefined` actual means the case gives no such output: the file must not exist.
 */
export function expectGolden(target: string, actual: string | undefined): void {
  if (actual === undefined) {
    if (update && existsSync(target)) unlinkSync(target);
    expect(existsSync(target), `${target} should not exist: the case gives no output`).toBe(false);
    return;
  }
  if (update || !existsSync(target)) writeFileSync(target, actual);
  expect(actual).toBe(readFileSync(target, 'utf8'));
}
