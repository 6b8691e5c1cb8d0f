/** CSV exports read with csv-parse, then looked up by column name, whatever the case. */
import { parse } from 'csv-parse/sync';
import { UsageError } from '../errors.js';

export interface CsvTable {
  headers: string[];
  /** Each row as column name (lowercased, trimmed) -> cell, with the row's line in the file. */
  rows: { line: number; cells: Map<string, string> }[];
}

export function readCsv(text: string, file: string): CsvTable {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (error) {
    throw new UsageError(
      `${file} is not a CSV file this importer can read: ${(error as Error).message}`,
      'pass the file exactly as the tool exported it',
    );
  }
  const [header = [], ...body] = records;
  const headers = header.map((h) => h.trim().toLowerCase());
  return {
    headers,
    rows: body.map((record, index) => ({
      line: index + 2,
      cells: new Map(headers.map((h, i) => [h, (record[i] ?? '').trim()])),
    })),
  };
}

/** The first of `names` the row has a non-empty cell for. */
export function cell(row: Map<string, string>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = row.get(name);
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

/** Fails (exit 2) when none of each group of column names is in the header. */
export function requireColumns(table: CsvTable, file: string, groups: string[][]): void {
  const missing = groups.filter((names) => !names.some((n) => table.headers.includes(n)));
  if (missing.length === 0) return;
  throw new UsageError(
    `${file} has no ${missing.map((names) => `"${names[0]}"`).join(', ')} column: is it the right export?`,
    `the columns found are: ${table.headers.join(', ') || 'none'}`,
  );
}

/** "a, b" or "a;b" -> ["a", "b"]. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter(Boolean);
}
