/**
 * The normalizer's rules as `--explain` lists them: the catalogue's rules of the
 * normalize stage (scripts/core/rules.ts is the one list; each rule module takes its id
 * and summary from it with `defineRule`).
 */
import { RULE_CATALOGUE, RULE_IDS, type RuleId } from '../../core/rules.js';

export interface RuleInfo {
  id: RuleId;
  summary: string;
}

export const RULES: readonly RuleInfo[] = RULE_IDS.filter((id) => RULE_CATALOGUE[id].stage === 'normalize').map((id) => ({
  id,
  summary: RULE_CATALOGUE[id].summary,
}));
