/** `ideas pending` as a table or JSON. Text from branches is untrusted: every cell is sanitised. */
import { Chalk } from 'chalk';
import { sanitizeLine } from './sanitize.js';

export interface PendingRecord {
  /** Remote-tracking branch, e.g. `origin/idea/k7q3xj-offer-overnight-shipping`. */
  branch: string;
  commit: string;
  change: 'added' | 'modified' | 'deleted' | 'renamed';
  kind: 'idea' | 'vote' | 'decision';
  path: string;
  /** The idea the record belongs to. */
  id: string;
  title?: string;
  authors?: string[];
  voter?: string;
  points?: number;
  status?: string;
  reviewers?: string[];
}

/** The version of `pending --format json`'s shape: raised when a key changes meaning or goes. */
export const PENDING_JSON_SCHEMA = 1;

export interface PendingReport {
  base: string;
  records: readonly PendingRecord[];
}

function describe(r: PendingRecord): string {
  if (r.change === 'deleted')
    return r.kind === 'vote' && r.voter ? `${r.voter} retracts` : 'deleted';
  if (r.kind === 'idea' && r.title !== undefined)
    return `${r.title} (by ${(r.authors ?? []).join(', ')})`;
  if (r.kind === 'vote' && r.voter !== undefined)
    return `${r.voter} ${r.points !== undefined && r.points < 0 ? r.points : `+${r.points ?? 1}`}`;
  if (r.kind === 'decision' && r.status !== undefined)
    return `-> ${r.status} (${(r.reviewers ?? []).join(', ')})`;
  return `${r.path} (unreadable: run ideas validate on the branch)`;
}

export function formatPending(
  format: 'table' | 'json',
  report: PendingReport,
  { color }: { color: boolean },
): string {
  if (format === 'json')
    return `${JSON.stringify({ schema: PENDING_JSON_SCHEMA, base: report.base, pending: report.records }, null, 2)}\n`;
  const c = new Chalk({ level: color ? 1 : 0 });
  if (report.records.length === 0)
    return `Nothing pending: every remote branch is merged into ${sanitizeLine(report.base)}.\n`;
  const rows = report.records.map((r) =>
    [r.branch, r.change, r.kind, r.id, describe(r)].map(sanitizeLine),
  );
  const header = ['BRANCH', 'CHANGE', 'KIND', 'IDEA', 'WHAT'];
  const widths = header.map((h, i) =>
    Math.min(60, Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        i === cells.length - 1 ? cell : cell.slice(0, widths[i]).padEnd(widths[i] ?? 0),
      )
      .join('  ');
  const branches = new Set(report.records.map((r) => r.branch)).size;
  const count = (kind: string) => report.records.filter((r) => r.kind === kind).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [
    c.bold(line(header)),
    ...rows.map(line),
    '',
    `${branches} branch${branches === 1 ? '' : 'es'} not merged into ${sanitizeLine(report.base)}: ${plural(count('idea'), 'idea')}, ${plural(count('vote'), 'vote')}, ${plural(count('decision'), 'decision')}`,
    '',
  ].join('\n');
}
