/** The README's table of validation rules, rendered from the registry (`npm run docs` writes it). */
import { rules } from './registry.js';

export const RULES_START = '<!-- rules:start -->';
export const RULES_END = '<!-- rules:end -->';

/** A Markdown table: one row per rule, in registry order. */
export function renderRulesTable(): string {
  const rows = rules.map(
    (rule) => `| \`${rule.id}\` | ${rule.severity} | ${escapeCell(rule.description)} |`,
  );
  return ['| rule | severity | what it checks |', '| --- | --- | --- |', ...rows].join('\n');
}

/** `text` with the part between the rule markers replaced by the current table. */
export function replaceRulesTable(text: string): string {
  const start = text.indexOf(RULES_START);
  const end = text.indexOf(RULES_END);
  if (start === -1 || end < start) {
    throw new Error(`the README needs the markers ${RULES_START} and ${RULES_END}`);
  }
  return `${text.slice(0, start + RULES_START.length)}\n${renderRulesTable()}\n${text.slice(end)}`;
}

// A pipe would end the cell, a newline the row, and "<idea>" would read as an HTML tag.
function escapeCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/\s*\n\s*/g, ' ');
}
