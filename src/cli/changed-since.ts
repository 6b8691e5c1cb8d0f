/** `--changed-since REF`: the files changed since the merge base with REF, relative to the root. */
import { resolveCommit } from '../git/git-process.js';
import {
  assertFullHistory,
  mergeBase,
  readChanges,
  readUntracked,
  resolveBase,
  rootPrefix,
} from '../git/diff.js';

/**
 * Both sides of every change (a deleted or renamed-away file leaves orphans behind). Against the
 * working tree when `at` is absent, untracked files included; else against the commit `at`.
 */
export function changedSince(root: string, since: string, at?: string): string[] {
  assertFullHistory(root);
  const sinceCommit = resolveBase(root, since);
  const head = resolveCommit(root, at ?? 'HEAD');
  const base = mergeBase(root, sinceCommit, head);
  const prefix = rootPrefix(root);
  const paths = new Set<string>();
  for (const change of readChanges(root, base, at === undefined ? undefined : head)) {
    paths.add(change.path);
    if (change.from !== undefined) paths.add(change.from);
  }
  if (at === undefined) for (const path of readUntracked(root)) paths.add(path);
  return [...paths].flatMap((path) =>
    prefix === '' ? [path] : path.startsWith(`${prefix}/`) ? [path.slice(prefix.length + 1)] : [],
  );
}
