/**
 * One reading of "the repository as it stood then", for every command that takes a moment:
 * `--at`, `--since`, `--until`. A moment is a date (`2026-10-01`), a date and time
 * (`2026-10-01T12:00Z`, any ISO 8601 offset) or a commit-ish (`v1.2`, `origin/main~3`, a hash).
 * Dates walk the first-parent line of the branch read: on the main branch a merge commit's date
 * is when a pull request's records started to count.
 */
import { GitError, UsageError } from '../errors.js';
import { isRealDate } from '../schema/patterns.js';
import { gitOutput, resolveCommit, runGit, type GitDir } from './git-process.js';

const DATE = /^(\d{4}-\d{2}-\d{2})$/;
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

export type Moment =
  | { kind: 'date'; day: string }
  | { kind: 'time'; instant: string; day: string }
  | { kind: 'ref'; ref: string };

/** Reads what the user typed; a date that does not exist (2026-02-30) is a usage error. */
export function parseMoment(text: string, flag: string): Moment {
  const date = DATE.exec(text);
  if (date) {
    if (!isRealDate(text))
      throw new UsageError(`${flag} ${text}: there is no such day`, 'e.g. 2026-10-01');
    return { kind: 'date', day: text };
  }
  const time = DATE_TIME.exec(text);
  if (time) {
    const day = time[1] ?? '';
    const ms = Date.parse(time[5] ? text : `${text}Z`);
    if (!isRealDate(day) || Number.isNaN(ms))
      throw new UsageError(`${flag} ${text}: not a real date and time`, 'e.g. 2026-10-01T12:00Z');
    const instant = new Date(ms).toISOString();
    return { kind: 'time', instant, day: instant.slice(0, 10) };
  }
  // A ref has no spaces or control characters: "last week" is no commit, and no date either.
  if (/^\d{4}-\d/.test(text) || /[\s\p{Cc}]|^-/u.test(text))
    throw new UsageError(
      `${flag} ${text}: not a date (YYYY-MM-DD), a date and time (YYYY-MM-DDTHH:MMZ) or a commit`,
      'e.g. 2026-10-01, 2026-10-01T12:00Z or origin/main~5',
    );
  return { kind: 'ref', ref: text };
}

export interface PointInTime {
  /** The commit the state is read at; null when the moment is before the first commit. */
  commit: string | null;
  /** The day that state stands for: the date given, else the commit's committer day. */
  day: string;
}

/**
 * The commit of `tip`'s first-parent line that stood at `moment`. For a bare date, `edge`
 * says which end of the day: `start` (nothing of that day yet: where `--since` begins) or
 * `end` (everything of that day: `--at` and `--until`).
 */
export function resolveMoment(
  root: GitDir,
  moment: Moment,
  tip: string,
  edge: 'start' | 'end',
): PointInTime {
  if (moment.kind === 'ref') {
    const commit = resolveCommit(root, moment.ref);
    return {
      commit,
      day: gitOutput(root, ['show', '-s', '--format=%cs', '--end-of-options', commit]).trim(),
    };
  }
  assertFullHistory(root);
  const before =
    moment.kind === 'time'
      ? moment.instant
      : edge === 'end'
        ? `${moment.day}T23:59:59Z`
        : `${previousDay(moment.day)}T23:59:59Z`;
  const result = runGit(root, [
    'rev-list',
    '-1',
    '--first-parent',
    `--before=${before}`,
    '--end-of-options',
    resolveCommit(root, tip),
  ]);
  if (result.status !== 0)
    throw new GitError(`git rev-list failed: ${result.stderr || `exit ${result.status}`}`);
  const commit = result.stdout.toString('utf8').trim();
  return { commit: commit === '' ? null : commit, day: moment.day };
}

function assertFullHistory(root: GitDir): void {
  if (gitOutput(root, ['rev-parse', '--is-shallow-repository']).trim() === 'true')
    throw new GitError(
      'this clone is shallow: its history is cut short, so a past state could be read wrong',
      'fetch the whole history: git fetch --unshallow (in GitHub Actions: actions/checkout with fetch-depth: 0)',
    );
}

/** The committer day of the first commit on `tip`'s first-parent line: where its history starts. */
export function firstDay(root: GitDir, tip: string): string | undefined {
  const result = runGit(root, [
    'log',
    '--first-parent',
    '--reverse',
    '--format=%cs',
    '--end-of-options',
    resolveCommit(root, tip),
  ]);
  return result.status === 0 ? result.stdout.toString('utf8').split('\n', 1)[0]?.trim() : undefined;
}

export function previousDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
