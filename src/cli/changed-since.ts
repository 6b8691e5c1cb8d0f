/** `--changed-since REF`: the files changed since the merge base with REF, relative to the root. */
import { resolveCommit, type GitDir } from '../git/git-process.js';
import {
  assertFullHistory,
  mergeBase,
  readChanges,
  readUntracked,
  resolveBase,
} from '../git/diff.js';
import { fromGitPath, requireRootPrefix } from '../git/locate.js';

/**
 * Both sides of every change (a deleted or renamed-away file leaves orphans behind). Against the
 * working tree when `at` is absent, untracked files included; else against the commit `at`.
 */
export function changedSince(dir: GitDir, since: string, at?: string): string[] {
  const prefix = requireRootPrefix(
    dir,
    '--changed-since compares with git history: leave it out outside git',
  );
  assertFullHistory(dir);
  const sinceCommit = resolveBase(dir, since);
  const head = resolveCommit(dir, at ?? 'HEAD');
  const base = mergeBase(dir, sinceCommit, head);
  const paths = new Set<string>();
  for (const change of readChanges(dir, base, at === undefined ? undefined : head)) {
    paths.add(change.path);
    if (change.from !== undefined) paths.add(change.from);
  }
  if (at === undefined) for (const path of readUntracked(dir)) paths.add(path);
  return [...paths].flatMap((path) => fromGitPath(prefix, path) ?? []);
}
