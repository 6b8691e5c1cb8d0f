/**
 * Escapes for the file formats rankings are exported to. Titles and tags come from anyone's
 * pull request, so a cell must never become a formula in a spreadsheet or break a table.
 */

import { escapeMarkdown } from './md-escape.js';
import { sanitizeForTerminal } from './sanitize.js';

/** Spreadsheets run a cell starting with one of these as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell (RFC 4180): quoted when needed; text that would start a formula gets a `'`. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  // Control characters and bidi overrides have no place in a cell (a viewer may render them).
  const clean = sanitizeForTerminal(value);
  const text = FORMULA_START.test(clean) ? `'${clean}` : clean;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly (string | number | null)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** One Markdown table cell: the same escaping as every other Markdown output (md-escape.ts). */
export function markdownCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return escapeMarkdown(value);
}

export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
  align: readonly ('left' | 'right')[] = [],
): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |\n`;
  const rule = headers.map((_, i) => (align[i] === 'right' ? '--:' : '---'));
  return (
    line(headers) + // our own words: no escaping
    line(rule) +
    rows.map((row) => line(row.map(markdownCell))).join('')
  );
}
