/**
 * The commit a pull request would make on its base: HEAD itself when it already contains the
 * base's tip (GitHub checks out the merge commit refs/pull/N/merge), else a merge computed by
 * `git merge-tree --write-tree` (git 2.38+) wrapped in a commit object nothing points at.
 */
import { GitError } from '../errors.js';
import { isAncestor } from '../git/diff.js';
import { runGit, type GitDir } from '../git/git-process.js';

export interface MergeResult {
  /** A commit to read the merged repository at; undefined when the merge conflicts. */
  commit: string | undefined;
  /** How it was found, for the summary. */
  how: 'head' | 'merge-tree' | 'conflict';
}

export function mergeResult(dir: GitDir, baseCommit: string, headCommit: string): MergeResult {
  if (isAncestor(dir, baseCommit, headCommit)) return { commit: headCommit, how: 'head' };
  const merged = runGit(dir, [
    'merge-tree',
    '--write-tree',
    '--no-messages',
    baseCommit,
    headCommit,
  ]);
  // Exit 1 is a conflict (the tree id still comes first); anything else is git failing.
  if (merged.status === 1) return { commit: undefined, how: 'conflict' };
  const tree = merged.stdout.toString('utf8').split('\n')[0]?.trim() ?? '';
  if (merged.status !== 0 || !/^[0-9a-f]{40,64}$/.test(tree))
    throw new GitError(
      `git merge-tree could not merge ${headCommit.slice(0, 12)} into ${baseCommit.slice(0, 12)}: ${merged.stderr}`,
      'ideas check needs git 2.38 or later for the summary; leave out --summary otherwise',
    );
  const commit = runGit(
    dir,
    ['commit-tree', tree, '-p', baseCommit, '-p', headCommit, '-m', 'ideas check: merge result'],
    undefined,
    {
      // A fixed identity: CI runners often have none configured, and this commit is never shared.
      GIT_AUTHOR_NAME: 'ideas check',
      GIT_AUTHOR_EMAIL: 'ideas-check@invalid',
      GIT_COMMITTER_NAME: 'ideas check',
      GIT_COMMITTER_EMAIL: 'ideas-check@invalid',
    },
  );
  if (commit.status !== 0)
    throw new GitError(`git commit-tree failed: ${commit.stderr}`, 'check the repository');
  return { commit: commit.stdout.toString('utf8').trim(), how: 'merge-tree' };
}
