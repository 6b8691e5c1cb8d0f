/**
 * Checks a branch against the change it should hold, from what git stores rather than from
 * what it printed while committing: a git that lies, or fails without saying so, is caught
 * before the branch is pushed or reported.
 */
import { createHash } from 'node:crypto';
import type { FileChange } from '../model/types.js';
import { isObjectId, runGit, type GitDir } from './git-process.js';

export type BranchCheck = { tip: string } | { problem: string };

/**
 * The tip of `branch` when it is one commit on `base` changing exactly `changes` (paths from
 * the top of the git repository), else what differs.
 */
export function checkBranchChange(
  dir: GitDir,
  base: string,
  branch: string,
  changes: readonly FileChange[],
): BranchCheck {
  const listed = runGit(dir, [
    'rev-list',
    '--parents',
    '-n',
    '1',
    '--end-of-options',
    `refs/heads/${branch}`,
  ]);
  const [tip = '', ...parents] = listed.stdout.toString('utf8').trim().split(' ');
  if (listed.status !== 0 || !isObjectId(tip) || !parents.every(isObjectId))
    return { problem: `the branch ${branch} cannot be read back` };
  if (parents.length !== 1 || parents[0] !== base)
    return { problem: `the branch ${branch} does not start from the base ${base.slice(0, 12)}` };

  const diff = runGit(dir, ['diff-tree', '-r', '-z', '--no-renames', '--name-only', base, tip]);
  if (diff.status !== 0) return { problem: `git diff-tree cannot compare ${branch} with its base` };
  const wanted = new Set(changes.map((c) => c.path));
  const stray = diff.stdout
    .toString('utf8')
    .split('\0')
    .filter((path) => path !== '' && !wanted.has(path));
  if (stray.length > 0)
    return { problem: `the branch ${branch} also changes ${stray.slice(0, 3).join(', ')}` };

  const stored = runGit(
    dir,
    ['cat-file', '--batch-check'],
    changes.map((c) => `${tip}:${c.path}\n`).join(''),
  );
  const lines = stored.stdout.toString('utf8').split('\n');
  for (const [index, change] of changes.entries()) {
    const [oid = '', type] = (lines[index] ?? '').split(' ');
    const held = type === 'blob' && isObjectId(oid) ? oid : undefined;
    const expected = change.text === null ? undefined : blobId(change.text, tip.length);
    if (stored.status !== 0 || held !== expected)
      return {
        problem: `${change.path} on ${branch} is ${held === undefined ? 'missing' : 'not the text written'}`,
      };
  }
  return { tip };
}

/** The id git gives a blob of `text`, in the repository's hash (by the length of its ids). */
function blobId(text: string, idLength: number): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash(idLength === 64 ? 'sha256' : 'sha1')
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest('hex');
}
