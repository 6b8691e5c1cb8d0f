/**
 * The git side of `new`, `vote` and `review`: who the user is, which ids are taken on any branch, and committing onto a new branch with plumbing only, so
 * the user's checkout, index and uncommitted work are never touched.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { GitError } from '../errors.js';
import type { FileChange } from '../model/types.js';
import { gitAt, outputOf, runGit, runGitChecked, runGitOnce, type GitDir } from './git-process.js';
import { findTopLevel, toGitPath, type DefaultBranch } from './locate.js';
import { ownedTempName } from '../write/private-temp.js';

export interface GitIdentity {
  name: string;
  email: string;
}

const IDENTITY_HINT =
  'tell git who you are: git config --global user.name "Your Name" && git config --global user.email you@example.com';

/** The author git would use (config or GIT_AUTHOR_* variables). */
export function readIdentity(dir: GitDir): GitIdentity {
  const result = runGitOnce(dir, ['var', 'GIT_AUTHOR_IDENT']);
  const match = /^(.*) <([^>]*)> \d+ [+-]\d{4}$/.exec(outputOf(result));
  if (result.status !== 0 || !match || !match[2]) {
    throw new GitError('git does not know who you are (no user.name or user.email)', IDENTITY_HINT);
  }
  return { name: match[1] ?? '', email: match[2] };
}

/**
 * Idea ids in `ideas/` on every local and remote-tracking branch (`prefix` from findRootPrefix). Branches mostly share their
 * `ideas/` tree, so the trees are looked up in one `cat-file --batch-check` and each distinct
 * one is listed once: a few git processes however many branches there are.
 */
export function idsOnBranches(dir: GitDir, prefix: string): Set<string> {
  const ids = new Set<string>();
  const refs = runGit(dir, [
    'for-each-ref',
    '--format=%(objectname)',
    'refs/heads',
    'refs/remotes',
  ]);
  if (refs.status !== 0) return ids;
  const commits = [...new Set(outputOf(refs).split('\n').filter(Boolean))];
  if (commits.length === 0) return ids;
  const trees = runGit(
    dir,
    ['cat-file', '--batch-check'],
    commits.map((commit) => `${commit}:${toGitPath(prefix, 'ideas')}`).join('\n') + '\n',
  );
  const unique = new Set<string>();
  for (const line of outputOf(trees).split('\n')) {
    const [oid, type] = line.split(' ');
    if (type === 'tree' && oid) unique.add(oid);
  }
  for (const tree of unique) {
    // --full-tree: in a subfolder, ls-tree would otherwise list only what lies under it.
    const listed = runGit(dir, ['ls-tree', '--full-tree', '--name-only', tree]);
    if (listed.status !== 0) continue;
    for (const name of outputOf(listed).split('\n')) {
      const id = /^([a-z][a-z0-9]*)-/.exec(name)?.[1];
      if (id) ids.add(id);
    }
  }
  return ids;
}

export function branchExists(dir: GitDir, branch: string): boolean {
  return runGit(dir, ['show-ref', '--verify', '--quiet', `refs/heads/${branch}`]).status === 0;
}

export interface CommitRequest {
  base: DefaultBranch;
  branch: string;
  /** Paths from the top level of the git repository; `exclusive` means nothing here, the branch is new. */
  changes: readonly FileChange[];
  message: string;
  /** Where the temporary index goes (the context's temp folder). */
  tempDir: string;
}

/**
 * Commits `changes` on top of the base into a new branch, through a temporary index: the
 * user's HEAD, index and working tree stay as they were. The branch is created with
 * `update-ref <ref> <new> ""`, which fails if it appeared meanwhile, so nothing is overwritten.
 */
export function commitOnNewBranch(dir: GitDir, request: CommitRequest): string {
  // Plumbing paths are from the top of the repository: run there.
  const topLevel = findTopLevel(dir);
  if (topLevel === undefined) throw new GitError(`${dir.cwd} is not inside a git repository`);
  const top = gitAt(topLevel, dir.env);
  const ref = `refs/heads/${request.branch}`;
  const check = runGit(top, ['check-ref-format', ref]);
  if (check.status !== 0) throw new GitError(`"${request.branch}" is not a valid branch name`);
  if (branchExists(top, request.branch)) {
    throw new GitError(
      `the branch ${request.branch} already exists`,
      `delete it (git branch -D ${request.branch}) or push and merge it first`,
    );
  }
  const identity = readIdentity(top);
  const index = join(request.tempDir, ownedTempName('ideas-index'));
  const env = { GIT_INDEX_FILE: index };
  try {
    runGitChecked(top, ['read-tree', request.base.commit], { env });
    for (const change of request.changes) {
      if (change.text === null) {
        runGitChecked(top, ['update-index', '--force-remove', '--', change.path], { env });
        continue;
      }
      const blob = runGitChecked(top, ['hash-object', '-w', '--stdin'], { input: change.text });
      runGitChecked(
        top,
        ['update-index', '--add', '--cacheinfo', `100644,${outputOf(blob)},${change.path}`],
        { env },
      );
    }
    const tree = runGitChecked(top, ['write-tree'], { env });
    const commit = runGitChecked(
      top,
      ['commit-tree', outputOf(tree), '-p', request.base.commit, '-F', '-'],
      {
        input: request.message,
        env: { GIT_AUTHOR_NAME: identity.name, GIT_AUTHOR_EMAIL: identity.email },
        hint: IDENTITY_HINT,
      },
    );
    const id = outputOf(commit);
    runGitChecked(
      top,
      [
        'update-ref',
        '-m',
        'ideas: create branch',
        ref,
        id,
        '0000000000000000000000000000000000000000',
      ],
      { what: `git could not create the branch ${request.branch}` },
    );
    return id;
  } finally {
    rmSync(index, { force: true });
  }
}

/** Removes a branch this command created, only if it still points where we left it. */
export function deleteBranch(dir: GitDir, branch: string, commit: string): void {
  runGit(dir, ['update-ref', '-d', `refs/heads/${branch}`, commit]);
}

export function pushBranch(dir: GitDir, remote: string, branch: string): void {
  runGitChecked(
    dir,
    [
      'push',
      '--porcelain',
      '--set-upstream',
      '--end-of-options',
      remote,
      `refs/heads/${branch}:refs/heads/${branch}`,
    ],
    {
      what: `git push to ${remote} failed`,
      hint: `check that you may push to ${remote} (git remote -v; git fetch ${remote}), then run the command again`,
    },
  );
}

/** The URL as configured (not rewritten by insteadOf): what the forge is known by. */
export function remoteUrl(dir: GitDir, remote: string): string | undefined {
  const result = runGit(dir, ['config', '--get', `remote.${remote}.url`]);
  return result.status === 0 ? outputOf(result) : undefined;
}
