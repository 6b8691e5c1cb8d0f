/** The README's table of validation rules, rendered from the registry (`npm run docs` writes it). */
import { rules } from './registry.js';

export const RULES_START = '<!-- rules:start -->';
export const RULES_END = '<!-- rules:end -->';

/** A Markdown table: one row per rule, in registry order. */
export function renderRulesTable(): string {
  return renderRuleRows(rules);
}

/** The table of any list of rules (the policy rules of `ideas check` too). */
export function renderRuleRows(
  list: readonly { id: string; severity: string; description: string }[],
): string {
  const rows = list.map(
    (rule) => `| \`${rule.id}\` | ${rule.severity} | ${escapeCell(rule.description)} |`,
  );
  return ['| rule | severity | what it checks |', '| --- | --- | --- |', ...rows].join('\n');
}

/** `text` with the part between the rule markers replaced by the current table. */
export function replaceRulesTable(text: string): string {
  return replaceBetween(text, RULES_START, RULES_END, renderRulesTable());
}

/** `text` with the part between two markers replaced by `table`. */
export function replaceBetween(
  text: string,
  startMark: string,
  endMark: string,
  table: string,
): string {
  const start = text.indexOf(startMark);
  const end = text.indexOf(endMark);
  if (start === -1 || end < start) {
    throw new Error(`the README needs the markers ${startMark} and ${endMark}`);
  }
  return `${text.slice(0, start + startMark.length)}\n${table}\n${text.slice(end)}`;
}

// A pipe would end the cell, a newline the row, and "<idea>" would read as an HTML tag.
function escapeCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/\s*\n\s*/g, ' ');
}
