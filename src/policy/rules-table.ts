/** The README's table of policy rules, rendered from the registry like the validation rules' (`npm run docs`). */
import { renderRuleRows, replaceBetween, replaceRulesTable } from '../validate/rules-table.js';
import { policyRules } from './registry.js';

export const POLICY_RULES_START = '<!-- policy-rules:start -->';
export const POLICY_RULES_END = '<!-- policy-rules:end -->';

export function renderPolicyRulesTable(): string {
  return renderRuleRows(policyRules);
}

/** Both tables of the README brought up to date. */
export function replaceAllRuleTables(text: string): string {
  return replaceBetween(
    replaceRulesTable(text),
    POLICY_RULES_START,
    POLICY_RULES_END,
    renderPolicyRulesTable(),
  );
}
