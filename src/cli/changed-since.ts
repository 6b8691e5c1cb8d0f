/** `--changed-since REF`: the files changed since the merge base with REF, relative to the root, and what they reach. */
import { resolveCommit, type GitDir } from '../git/git-process.js';
import {
  assertFullHistory,
  mergeBase,
  readChanges,
  readUntracked,
  resolveBase,
} from '../git/diff.js';
import { fromGitPath, requireRootPrefix } from '../git/locate.js';
import type { Repository } from '../model/repository.js';
import { readAffected } from '../validate/affected.js';
import type { Context } from './context.js';
import type { ReadFlags } from './options.js';
import { subsetReader } from './read-selection.js';
import { rootOf } from './repository.js';

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

/**
 * `validate --changed-since`: the affected files and the repository as far as judging them
 * needs, read in rounds (validate/affected.ts) instead of whole.
 */
export async function readChangedSince(
  ctx: Context,
  since: string,
  flags: ReadFlags,
): Promise<{ root: string; repo: Repository; today: string; affected: Set<string> | undefined }> {
  const root = rootOf(ctx, flags);
  const changed = changedSince(ctx.git(root), since, flags.ref);
  const { read } = subsetReader({ root, ref: flags.ref, env: ctx.env });
  const { repo, affected } = await readAffected(read, changed);
  return { root, repo, today: ctx.today, affected };
}
