/**
 * The git side of `new`, `vote` and `review`: who the user is, which branch is the default,
 * which ids are taken on any branch, and committing onto a new branch with plumbing only, so
 * the user's checkout, index and uncommitted work are never touched.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitError } from '../errors.js';
import { runGit, type GitResult } from './git-process.js';

export interface GitIdentity {
  name: string;
  email: string;
}

export interface DefaultBranch {
  /** Short name, e.g. `main`: the base of the pull request. */
  name: string;
  /** The ref it was read from, e.g. `refs/remotes/origin/main`. */
  ref: string;
  commit: string;
  /** The remote to push to, when there is one. */
  remote?: string;
}

/** A file to write (text) or delete (null), path relative to the git top level. */
export interface Change {
  path: string;
  text: string | null;
}

const IDENTITY_HINT =
  'tell git who you are: git config --global user.name "Your Name" && git config --global user.email you@example.com';

function outputOf(result: GitResult): string {
  return result.stdout.toString('utf8').trim();
}

function fail(what: string, result: GitResult, hint?: string): never {
  throw new GitError(`${what}: ${result.stderr || `git exited with ${result.status}`}`, hint);
}

/** The path of the ideas root inside its git repository (`""` or `sub/dir/`), or undefined outside git. */
export function gitPrefix(root: string): string | undefined {
  const result = runGit(root, ['rev-parse', '--show-prefix']);
  return result.status === 0 ? outputOf(result) : undefined;
}

export function requireGitPrefix(root: string): string {
  const prefix = gitPrefix(root);
  if (prefix === undefined) {
    throw new GitError(
      `${root} is not inside a git repository`,
      'run "git init" (or clone the ideas repository) first, or leave out --branch',
    );
  }
  return prefix;
}

/** The author git would use (config or GIT_AUTHOR_* variables). */
export function readIdentity(root: string): GitIdentity {
  const result = runGit(root, ['var', 'GIT_AUTHOR_IDENT']);
  const match = /^(.*) <([^>]*)> \d+ [+-]\d{4}$/.exec(outputOf(result));
  if (result.status !== 0 || !match || !match[2]) {
    throw new GitError('git does not know who you are (no user.name or user.email)', IDENTITY_HINT);
  }
  return { name: match[1] ?? '', email: match[2] };
}

function verifyCommit(root: string, ref: string): string | undefined {
  const result = runGit(root, [
    'rev-parse',
    '--verify',
    '--quiet',
    '--end-of-options',
    `${ref}^{commit}`,
  ]);
  return result.status === 0 ? outputOf(result) : undefined;
}

/**
 * The branch pull requests go into: the remote's HEAD when it is known (what a PR targets),
 * else a local main or master, else the remote's main or master.
 */
export function findDefaultBranch(root: string): DefaultBranch {
  const remotes = outputOf(runGit(root, ['remote']))
    .split('\n')
    .filter(Boolean);
  const remote = remotes.includes('origin') ? 'origin' : remotes[0];
  if (remote) {
    const head = runGit(root, ['symbolic-ref', '--quiet', `refs/remotes/${remote}/HEAD`]);
    const ref = outputOf(head);
    const commit = head.status === 0 ? verifyCommit(root, ref) : undefined;
    if (commit) return { name: ref.replace(`refs/remotes/${remote}/`, ''), ref, commit, remote };
  }
  for (const name of ['main', 'master']) {
    if (remote) {
      const ref = `refs/remotes/${remote}/${name}`;
      const commit = verifyCommit(root, ref);
      if (commit) return { name, ref, commit, remote };
    }
    const ref = `refs/heads/${name}`;
    const commit = verifyCommit(root, ref);
    if (commit) return { name, ref, commit, ...(remote ? { remote } : {}) };
  }
  throw new GitError(
    'cannot find the default branch to start from (no main or master, and no remote HEAD)',
    remote
      ? `run "git remote set-head ${remote} --auto", or create a main branch`
      : 'commit on a main branch first, or add the remote: git remote add origin URL',
  );
}

/**
 * Idea ids in `ideas/` on every local and remote-tracking branch. Branches mostly share their
 * `ideas/` tree, so the trees are looked up in one `cat-file --batch-check` and each distinct
 * one is listed once: a few git processes however many branches there are.
 */
export function idsOnBranches(root: string, prefix: string): Set<string> {
  const ids = new Set<string>();
  const refs = runGit(root, [
    'for-each-ref',
    '--format=%(objectname)',
    'refs/heads',
    'refs/remotes',
  ]);
  if (refs.status !== 0) return ids;
  const commits = [...new Set(outputOf(refs).split('\n').filter(Boolean))];
  if (commits.length === 0) return ids;
  const trees = runGit(
    root,
    ['cat-file', '--batch-check'],
    commits.map((commit) => `${commit}:${prefix}ideas`).join('\n') + '\n',
  );
  const unique = new Set<string>();
  for (const line of outputOf(trees).split('\n')) {
    const [oid, type] = line.split(' ');
    if (type === 'tree' && oid) unique.add(oid);
  }
  for (const tree of unique) {
    // --full-tree: in a subfolder, ls-tree would otherwise list only what lies under it.
    const listed = runGit(root, ['ls-tree', '--full-tree', '--name-only', tree]);
    if (listed.status !== 0) continue;
    for (const name of outputOf(listed).split('\n')) {
      const id = /^([a-z][a-z0-9]*)-/.exec(name)?.[1];
      if (id) ids.add(id);
    }
  }
  return ids;
}

export function branchExists(root: string, branch: string): boolean {
  return runGit(root, ['show-ref', '--verify', '--quiet', `refs/heads/${branch}`]).status === 0;
}

export interface CommitRequest {
  base: DefaultBranch;
  branch: string;
  changes: readonly Change[];
  message: string;
}

/**
 * Commits `changes` on top of the base into a new branch, through a temporary index: the
 * user's HEAD, index and working tree stay as they were. The branch is created with
 * `update-ref <ref> <new> ""`, which fails if it appeared meanwhile, so nothing is overwritten.
 */
export function commitOnNewBranch(cwd: string, request: CommitRequest): string {
  // Plumbing paths are from the top of the repository: run there.
  const top = runGit(cwd, ['rev-parse', '--show-toplevel']);
  if (top.status !== 0) fail('not inside a git repository', top);
  const root = outputOf(top);
  const ref = `refs/heads/${request.branch}`;
  const check = runGit(root, ['check-ref-format', ref]);
  if (check.status !== 0) throw new GitError(`"${request.branch}" is not a valid branch name`);
  if (branchExists(root, request.branch)) {
    throw new GitError(
      `the branch ${request.branch} already exists`,
      `delete it (git branch -D ${request.branch}) or push and merge it first`,
    );
  }
  const identity = readIdentity(root);
  const index = join(tmpdir(), `ideas-index-${process.pid}-${randomBytes(6).toString('hex')}`);
  const env = { GIT_INDEX_FILE: index };
  try {
    const read = runGit(root, ['read-tree', request.base.commit], undefined, env);
    if (read.status !== 0) fail('git read-tree failed', read);
    for (const change of request.changes) {
      if (change.text === null) {
        const removed = runGit(
          root,
          ['update-index', '--force-remove', '--', change.path],
          undefined,
          env,
        );
        if (removed.status !== 0) fail('git update-index failed', removed);
        continue;
      }
      const blob = runGit(root, ['hash-object', '-w', '--stdin'], change.text);
      if (blob.status !== 0) fail('git hash-object failed', blob);
      const added = runGit(
        root,
        ['update-index', '--add', '--cacheinfo', `100644,${outputOf(blob)},${change.path}`],
        undefined,
        env,
      );
      if (added.status !== 0) fail('git update-index failed', added);
    }
    const tree = runGit(root, ['write-tree'], undefined, env);
    if (tree.status !== 0) fail('git write-tree failed', tree);
    const commit = runGit(
      root,
      ['commit-tree', outputOf(tree), '-p', request.base.commit, '-F', '-'],
      request.message,
      {
        GIT_AUTHOR_NAME: identity.name,
        GIT_AUTHOR_EMAIL: identity.email,
      },
    );
    if (commit.status !== 0) fail('git commit-tree failed', commit, IDENTITY_HINT);
    const id = outputOf(commit);
    const created = runGit(root, [
      'update-ref',
      '-m',
      'ideas: create branch',
      ref,
      id,
      '0000000000000000000000000000000000000000',
    ]);
    if (created.status !== 0) fail(`git could not create the branch ${request.branch}`, created);
    return id;
  } finally {
    rmSync(index, { force: true });
  }
}

/** Removes a branch this command created, only if it still points where we left it. */
export function deleteBranch(root: string, branch: string, commit: string): void {
  runGit(root, ['update-ref', '-d', `refs/heads/${branch}`, commit]);
}

export function pushBranch(root: string, remote: string, branch: string): void {
  const result = runGit(root, [
    'push',
    '--porcelain',
    '--set-upstream',
    '--end-of-options',
    remote,
    `refs/heads/${branch}:refs/heads/${branch}`,
  ]);
  if (result.status !== 0) {
    fail(
      `git push to ${remote} failed`,
      result,
      `check that you may push to ${remote} (git remote -v; git fetch ${remote}), then run the command again`,
    );
  }
}

/** The URL as configured (not rewritten by insteadOf): what the forge is known by. */
export function remoteUrl(root: string, remote: string): string | undefined {
  const result = runGit(root, ['config', '--get', `remote.${remote}.url`]);
  return result.status === 0 ? outputOf(result) : undefined;
}
