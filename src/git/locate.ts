/**
 * Where things are in git, each found one way: the top of the work tree, the ideas root's
 * place inside it (it may be a subfolder), and the default branch pull requests go into.
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { GitError } from '../errors.js';
import { runGit, runGitOnce, type GitDir } from './git-process.js';

/** The top folder of the git work tree holding `dir`, or undefined outside git. */
export function findTopLevel(dir: GitDir): string | undefined {
  const result = runGitOnce(dir, ['rev-parse', '--show-toplevel']);
  const top = result.stdout.toString('utf8').trim();
  if (result.status !== 0 || top === '') return undefined;
  if (!isAbsolute(top) || top.includes('\n'))
    throw new GitError(
      `git rev-parse --show-toplevel answered "${top.slice(0, 80)}", which is not a folder`,
      'check which git is first on PATH (git --version), and that it works in this folder',
    );
  return top;
}

/** A folder git named, resolved; one that does not exist means git is not the git we know. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    throw new GitError(
      `git named the folder ${path}, which cannot be found`,
      'check which git is first on PATH (git --version), and that it works in this folder',
    );
  }
}

/**
 * The ideas root inside its git repository: `''` at the top level, else `sub/dir` (no slash at
 * either end), or undefined outside git. Real paths, so a linked temp folder still matches.
 */
export function findRootPrefix(dir: GitDir): string | undefined {
  const top = findTopLevel(dir);
  if (top === undefined) return undefined;
  const inside = relative(realPath(top), realPath(dir.cwd)).split(sep).join('/');
  if (inside.startsWith('..')) return undefined;
  return inside;
}

/** findRootPrefix, or a GitError saying the folder is not in git and what to do. */
export function requireRootPrefix(dir: GitDir, hint: string): string {
  const prefix = findRootPrefix(dir);
  if (prefix === undefined) throw notInGit(dir, hint);
  return prefix;
}

export function notInGit(dir: GitDir, hint: string): GitError {
  return new GitError(`${dir.cwd} is not inside a git repository`, hint);
}

/** A root-relative path as git names it from the top level. */
export function toGitPath(prefix: string, path: string): string {
  return prefix === '' ? path : `${prefix}/${path}`;
}

/** A path from the top level as the root names it, or undefined when it lies outside the root. */
export function fromGitPath(prefix: string, path: string): string | undefined {
  if (prefix === '') return path;
  return path.startsWith(`${prefix}/`) ? path.slice(prefix.length + 1) : undefined;
}

export interface DefaultBranch {
  /** Short name, e.g. `main`: the base of the pull request. */
  name: string;
  /** The ref it was read from, e.g. `refs/remotes/origin/main` or `refs/heads/main`. */
  ref: string;
  commit: string;
  /** The remote to push to, when there is one. */
  remote?: string;
}

function verifyCommit(dir: GitDir, ref: string): string | undefined {
  const result = runGit(dir, [
    'rev-parse',
    '--verify',
    '--quiet',
    '--end-of-options',
    `${ref}^{commit}`,
  ]);
  return result.status === 0 ? result.stdout.toString('utf8').trim() : undefined;
}

/**
 * The branch pull requests go into: the remote's HEAD when it is known (what a PR targets),
 * else main or master, on the remote first, then locally (unless `remoteOnly`: what `pending`
 * compares remote branches with). Undefined when there is none.
 */
export function findDefaultBranch(
  dir: GitDir,
  { remoteOnly = false }: { remoteOnly?: boolean } = {},
): DefaultBranch | undefined {
  const remotes = runGit(dir, ['remote']).stdout.toString('utf8').split('\n').filter(Boolean);
  const remote = remotes.includes('origin') ? 'origin' : remotes[0];
  if (remote) {
    const head = runGit(dir, ['symbolic-ref', '--quiet', `refs/remotes/${remote}/HEAD`]);
    const ref = head.stdout.toString('utf8').trim();
    const commit = head.status === 0 ? verifyCommit(dir, ref) : undefined;
    if (commit) return { name: ref.replace(`refs/remotes/${remote}/`, ''), ref, commit, remote };
  }
  for (const name of ['main', 'master']) {
    if (remote) {
      const ref = `refs/remotes/${remote}/${name}`;
      const commit = verifyCommit(dir, ref);
      if (commit) return { name, ref, commit, remote };
    }
    if (remoteOnly) continue;
    const ref = `refs/heads/${name}`;
    const commit = verifyCommit(dir, ref);
    if (commit) return { name, ref, commit, ...(remote ? { remote } : {}) };
  }
  return undefined;
}

/** findDefaultBranch, or a GitError saying how to give the repository one. */
export function requireDefaultBranch(dir: GitDir): DefaultBranch {
  const found = findDefaultBranch(dir);
  if (found) return found;
  const remotes = runGit(dir, ['remote']).stdout.toString('utf8').split('\n').filter(Boolean);
  throw new GitError(
    'cannot find the default branch to start from (no main or master, and no remote HEAD)',
    remotes.length > 0
      ? `run "git remote set-head ${remotes.includes('origin') ? 'origin' : remotes[0]} --auto", or create a main branch`
      : 'commit on a main branch first, or add the remote: git remote add origin URL',
  );
}

/** How a user names a remote-tracking default branch: `origin/main`. */
export function shortRefName(branch: DefaultBranch): string {
  return branch.ref.replace(/^refs\/(remotes|heads)\//, '');
}
