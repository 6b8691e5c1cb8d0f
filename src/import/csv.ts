/** CSV exports read with csv-parse, then looked up by column name, whatever the case. */
import { parse } from 'csv-parse/sync';
import { UsageError } from '../errors.js';

export interface CsvTable {
  headers: string[];
  /** Each row as column name (lowercased, trimmed) -> cell, with the row's line in the file. */
  rows: { line: number; cells: Map<string, string> }[];
}

/** A record as csv-parse gives it with `info: true` (its types know only plain records). */
interface CsvRecord {
  record: string[];
  info: { bytes: number };
}

export function readCsv(text: string, file: string): CsvTable {
  const input = text.replace(/^\uFEFF/, '');
  let records: CsvRecord[];
  try {
    records = parse(input, {
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as CsvRecord[];
  } catch (error) {
    throw new UsageError(
      `${file} is not a CSV file this importer can read: ${(error as Error).message}`,
      'pass the file exactly as the tool exported it',
    );
  }
  const lines = recordLines(Buffer.from(input), records);
  const [header = [], ...body] = records.map((r) => r.record);
  const headers = header.map((h) => h.trim().toLowerCase());
  return {
    headers,
    rows: body.map((record, index) => ({
      line: lines[index + 1] ?? index + 2,
      cells: new Map(headers.map((h, i) => [h, (record[i] ?? '').trim()])),
    })),
  };
}

/**
 * The line each record starts on. A quoted cell may hold line breaks (a post's description
 * usually does) and blank lines are skipped, so the record's index is not its line. csv-parse
 * says where each record ends (in bytes, its line break included); the next one starts there.
 */
function recordLines(bytes: Buffer, records: readonly CsvRecord[]): number[] {
  const NEWLINE = 0x0a;
  const RETURN = 0x0d;
  const lines: number[] = [];
  let line = 1;
  let at = 0;
  for (const { info } of records) {
    // Blank lines before the record were skipped: it starts at its first other byte.
    while (at < info.bytes && (bytes[at] === NEWLINE || bytes[at] === RETURN)) {
      if (bytes[at] === NEWLINE) line++;
      at++;
    }
    lines.push(line);
    for (; at < info.bytes; at++) if (bytes[at] === NEWLINE) line++;
  }
  return lines;
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
