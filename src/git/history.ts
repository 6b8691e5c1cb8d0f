/** Reads where a branch stood on a past day, from history alone: no checkout is touched. */
import { GitError, UsageError } from '../errors.js';
import { isRealDate } from '../schema/common.js';
import { gitOutput, resolveCommit, runGit, type GitDir } from './git-process.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The last commit reachable from `ref` (default HEAD) along first parents whose committer date
 * is on or before `date` (end of that day, UTC). First parents, because on the main branch a
 * merge commit's date is when a pull request's votes and decisions started to count.
 */
export function commitAtDate(dir: GitDir, date: string, ref = 'HEAD'): string {
  if (!ISO_DATE.test(date) || !isRealDate(date))
    throw new UsageError(`--at takes a date as YYYY-MM-DD, not "${date}"`, 'e.g. --at 2026-10-01');
  const tip = resolveCommit(dir, ref);
  if (gitOutput(dir, ['rev-parse', '--is-shallow-repository']).trim() === 'true') {
    throw new GitError(
      'this clone is shallow: its history is cut short, so --at could read the wrong state',
      'fetch the whole history: git fetch --unshallow (in GitHub Actions: actions/checkout with fetch-depth: 0)',
    );
  }
  const result = runGit(dir, [
    'rev-list',
    '-1',
    '--first-parent',
    `--before=${date}T23:59:59Z`,
    '--end-of-options',
    tip,
  ]);
  if (result.status !== 0)
    throw new GitError(`git rev-list failed: ${result.stderr || `exit ${result.status}`}`);
  const commit = result.stdout.toString('utf8').trim();
  if (commit === '') {
    const first = gitOutput(dir, [
      'log',
      '--first-parent',
      '--reverse',
      '--format=%cs',
      '--end-of-options',
      tip,
    ])
      .split('\n', 1)[0]
      ?.trim();
    throw new UsageError(
      `there is no commit on ${ref} on or before ${date}`,
      first ? `its history starts on ${first}: pass a later date` : undefined,
    );
  }
  return commit;
}
