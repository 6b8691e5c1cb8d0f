/** `--changed-since REF`: the files changed since the merge base with REF, relative to the root, and what they reach. */
import { gitOutputAsync, resolveCommit, type GitDir } from '../git/git-process.js';
import { GitError } from '../errors.js';
import {
  assertFullHistory,
  mergeBase,
  readChanges,
  resolveBase,
  type DiffEntry,
} from '../git/diff.js';
import { fromGitPath, requireRootPrefix } from '../git/locate.js';
import { listDirt, newIndexScan, type RootDirt } from '../read/index-scan.js';
import type { Repository } from '../model/repository.js';
import { readAffected } from '../validate/affected.js';
import type { Context } from './context.js';
import type { ReadFlags } from './options.js';
import { subsetReader } from './read-selection.js';
import { rootOf } from './repository.js';

/** Beyond this many candidates, one diff of the whole tree costs less than naming them all. */
const MAX_CANDIDATES = 2000;

/**
 * Both sides of every change (a deleted or renamed-away file leaves orphans behind). Against the
 * working tree when `at` is absent, untracked files included; else against the commit `at`.
 * `dirt` is what finding them learnt of the working tree, for the reads that follow.
 */
export async function changedSince(
  dir: GitDir,
  since: string,
  at?: string,
): Promise<{ paths: string[]; dirt?: RootDirt }> {
  const prefix = requireRootPrefix(
    dir,
    '--changed-since compares with git history: leave it out outside git',
  );
  assertFullHistory(dir);
  const sinceCommit = resolveBase(dir, since);
  const head = resolveCommit(dir, at ?? 'HEAD');
  const base = mergeBase(dir, sinceCommit, head);
  if (at !== undefined) return { paths: pathsOf(readChanges(dir, base, head), prefix) };
  // One diff of the merge base against the working tree compares every file of both (2.3 s on
  // the benchmark's 115,000); the layers apart are cheap but the stat of every file (diff-files)
  // and the untracked search, which run side by side: a path differs from the base only if it
  // changed in a commit since, in the index or on disk. Those few are then diffed by name.
  const staged = gitOutputAsync(dir, [
    'diff-index',
    '--cached',
    '-z',
    '--name-only',
    '--relative',
    head,
    '--',
  ]);
  const listing = listDirt(dir, []);
  const candidates = new Set(pathsOf(readChanges(dir, base, head), prefix));
  for (const path of (await staged).split('\0')) if (path) candidates.add(path);
  const dirt = await listing;
  if (!dirt)
    throw new GitError(
      'git could not list the files that differ from the index',
      'run "git status" to see what git says',
    );
  for (const path of [...dirt.removed, ...dirt.changed]) candidates.add(path);
  const found =
    candidates.size === 0
      ? []
      : candidates.size > MAX_CANDIDATES
        ? pathsOf(readChanges(dir, base), prefix)
        : pathsOf(readChanges(dir, base, undefined, [...candidates].sort()), prefix);
  const paths = new Set([...found, ...dirt.untracked]);
  return { paths: [...paths], dirt };
}

/** The paths a diff names, both sides of a rename, as the root names them (none outside it). */
function pathsOf(changes: readonly DiffEntry[], prefix: string): string[] {
  const paths = new Set<string>();
  for (const change of changes) {
    paths.add(change.path);
    if (change.from !== undefined) paths.add(change.from);
  }
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
  const { paths: changed, dirt } = await changedSince(ctx.git(root), since, flags.ref);
  // What finding the changes learnt of the working tree spares each round a stat of its scope.
  const scan = dirt ? newIndexScan([], dirt) : undefined;
  const { read } = subsetReader({ root, ref: flags.ref, env: ctx.env, scan });
  const { repo, affected } = await readAffected(read, changed);
  return { root, repo, today: ctx.today, affected };
}
