/**
 * The rule catalogue is the one list of rule ids: every id the code uses is in it (with a
 * summary `--explain` prints), every message the normalizer fixtures show names one of
 * its rules, and no message is made without `defineRule`/`report` stamping id and source.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { isRuleId, RULE_CATALOGUE, RULE_IDS, ruleSummary } from '../../scripts/core/rules.js';
import { normalize } from '../../scripts/normalize/index.js';
import { RULES } from '../../scripts/normalize/rules/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : [],
  );
const scripts = sourceFiles(path.join(root, 'scripts')).map((file) => ({
  file: path.relative(root, file),
  text: readFileSync(file, 'utf8'),
}));

/** Rule ids written in the code: `defineRule('x')`, `report(file, 'x', …)`, `ruleId: 'x'`, and ids passed to reporters. */
function idsInCode(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    /defineRule\(\s*'([^']+)'/g,
    /\breport(?:Rule)?\(\s*[\w.]+,\s*'([^']+)'/g,
    /ruleId:\s*'([^']+)'/g,
    /ruleId\s*===\s*'([^']+)'/g,
    /,\s*'([a-z]+(?:-[a-z0-9]+)+)',\s*(?:true|false)\)/g, // check-document's report(reason, node, 'id', fatal)
    /\bremove\(\s*\w+,\s*'([^']+)'/g,
  ];
  for (const { file, text } of scripts) {
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.set(match[1]!, file);
  }
  return found;
}

describe('rule catalogue', () => {
  it('has a summary for every rule, and the normalizer lists its own', () => {
    for (const id of RULE_IDS) expect(ruleSummary(id), id).toMatch(/\w{3}/);
    expect(RULES.map((r) => r.id)).toContain('running-header');
    expect(RULES.every((r) => RULE_CATALOGUE[r.id].stage === 'normalize')).toBe(true);
  });

  it('holds every rule id used in the code', () => {
    const used = idsInCode();
    expect(used.size).toBeGreaterThan(30);
    const missing = [...used].filter(([id]) => !isRuleId(id)).map(([id, file]) => `${id} (${file})`);
    expect(missing).toEqual([]);
  });

  it('is how messages are made: no call site stamps a rule id and source by hand', () => {
    const byHand = scripts
      .filter(({ file }) => file !== path.join('scripts', 'core', 'rules.ts'))
      .filter(({ text }) => /ruleId[^\n]*source: 'briefpress'|source: 'briefpress'[^\n]*ruleId/.test(text))
      .map(({ file }) => file);
    expect(byHand).toEqual([]);
  });

  it('names every rule the normalizer fixtures report or remove lines by', () => {
    const dir = path.join(root, 'test', 'fixtures', 'normalize');
    const unknown = new Set<string>();
    let seen = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const name = entry.name;
      const input = readdirSync(path.join(dir, name)).find((f) => f.startsWith('input.'));
      if (!input) continue;
      const file = new VFile({ path: input, value: readFileSync(path.join(dir, name, input)) });
      try {
        normalize(file);
      } catch {
        // fatal cases report too
      }
      for (const id of [...file.messages.map((m) => m.ruleId), ...(file.data.removed ?? []).map((r) => r.ruleId)]) {
        seen++;
        if (!id || !isRuleId(id) || !ruleSummary(id)) unknown.add(`${name}: ${id}`);
      }
    }
    expect(seen).toBeGreaterThan(50);
    expect([...unknown]).toEqual([]);
  });
});
