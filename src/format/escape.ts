/**
 * Escapes for the file formats rankings are exported to. Titles and tags come from anyone's
 * pull request, so a cell must never become a formula in a spreadsheet or break a table.
 */

/** Spreadsheets run a cell starting with one of these as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell (RFC 4180): quoted when needed; text that would start a formula gets a `'`. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly (string | number | null)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** One Markdown table cell: pipes and backslashes escaped, line breaks and HTML tags defused. */
export function markdownCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r\n|\r|\n/g, ' ');
}

export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
  align: readonly ('left' | 'right')[] = [],
): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |\n`;
  const rule = headers.map((_, i) => (align[i] === 'right' ? '--:' : '---'));
  return (
    line(headers.map(markdownCell)) +
    line(rule) +
    rows.map((row) => line(row.map(markdownCell))).join('')
  );
}
