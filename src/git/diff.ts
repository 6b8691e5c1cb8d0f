/**
 * What a branch changes, read from git: the merge base with a base ref, the changed files with
 * their modes and blob ids, the tree at a commit, the remote branches. User-typed refs pass
 * assertSafeRef and `--end-of-options`; everything after that is a resolved commit id.
 */
import { GitError } from '../errors.js';
import {
  assertSafeRef,
  gitOutput,
  outputOf,
  MissingRefError,
  resolveCommit,
  runGit,
  runGitOnce,
  type GitDir,
} from './git-process.js';

export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed';

/** One changed file; paths are relative to the git top level. */
export interface DiffEntry {
  status: ChangeStatus;
  path: string;
  /** The path before a rename. */
  from?: string;
  /** File modes before and after (`120000` is a symbolic link); `000000` when absent. */
  oldMode: string;
  newMode: string;
  /** Blob ids before and after; all zeros when absent (or not yet hashed in a working tree). */
  oldId: string;
  newId: string;
}

export interface TreeEntry {
  path: string;
  mode: string;
  id: string;
}

const HISTORY_HINT =
  'fetch the whole history: in GitHub Actions set "fetch-depth: 0" on actions/checkout; in GitLab CI set GIT_DEPTH: 0; locally run "git fetch --unshallow"';

/** A shallow clone has no merge base to compare with: refuse it rather than pass on partial history. */
export function assertFullHistory(dir: GitDir): void {
  const probe = runGitOnce(dir, ['rev-parse', '--is-shallow-repository']);
  if (probe.status !== 0)
    throw new GitError(
      `git rev-parse failed: ${probe.stderr || `git exited with ${probe.status}`}`,
    );
  if (outputOf(probe) === 'true')
    throw new GitError(
      'this is a shallow clone: the history needed to compare with the base is missing',
      HISTORY_HINT,
    );
}

/** The base commit, or a GitError saying how to fetch it. */
export function resolveBase(dir: GitDir, ref: string): string {
  assertSafeRef(ref);
  try {
    return resolveCommit(dir, ref);
  } catch (error) {
    // A tree or a blob, or a repository with no commits: fetching the base would not help.
    if (!(error instanceof MissingRefError)) throw error;
    const branch = ref.replace(/^(refs\/remotes\/)?origin\//, '');
    throw new GitError(
      `the base "${ref}" is not in this clone`,
      `fetch it first: git fetch origin ${branch} (in GitHub Actions, "fetch-depth: 0" on actions/checkout fetches every branch)`,
    );
  }
}

/** Where the two histories meet; none means unrelated histories or a cut history. */
export function mergeBase(dir: GitDir, a: string, b: string): string {
  const result = runGit(dir, ['merge-base', '--end-of-options', a, b]);
  if (result.status !== 0)
    throw new GitError(
      `${a.slice(0, 12)} and ${b.slice(0, 12)} share no history: cannot tell what changed`,
      HISTORY_HINT,
    );
  return result.stdout.toString('utf8').trim();
}

export function isAncestor(dir: GitDir, ancestor: string, of: string): boolean {
  return (
    runGit(dir, ['merge-base', '--is-ancestor', '--end-of-options', ancestor, of]).status === 0
  );
}

const STATUS: Record<string, ChangeStatus> = {
  A: 'added',
  M: 'modified',
  T: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'added',
};

/**
 * The files changed from `from` to `to` (a commit), or to the working tree when `to` is absent,
 * under `paths` when given.
 * `--raw` gives the same status letters as `--name-status`, plus the modes (a symbolic link is
 * 120000) and the blob ids, so nothing needs a second look-up.
 */
export function readChanges(
  dir: GitDir,
  from: string,
  to?: string,
  paths: readonly string[] = [],
): DiffEntry[] {
  // Explicit flags so that a user's git config (colour, renames, external diff) cannot change the output.
  const args = [
    'diff',
    '--raw',
    '-z',
    '-M',
    '--no-abbrev',
    '--no-ext-diff',
    '--no-textconv',
    '--no-color',
  ];
  args.push('--end-of-options', from);
  if (to !== undefined) args.push(to);
  // Pathspecs (relative to the directory git runs in) limit what is compared, and so what is stat'ed.
  args.push('--', ...paths);
  return parseRawDiff(gitOutput(dir, args));
}

/** `:oldmode newmode oldid newid status\0path\0[path\0]`, repeated. */
export function parseRawDiff(out: string): DiffEntry[] {
  const fields = out.split('\0');
  const changes: DiffEntry[] = [];
  for (let i = 0; i < fields.length; i++) {
    const header = fields[i];
    if (!header?.startsWith(':')) continue;
    const [oldMode = '', newMode = '', oldId = '', newId = '', letters = ''] = header
      .slice(1)
      .split(' ');
    const status = STATUS[letters.charAt(0)] ?? 'modified';
    const first = fields[++i] ?? '';
    if (letters.startsWith('R') || letters.startsWith('C')) {
      const second = fields[++i] ?? '';
      changes.push(
        status === 'renamed'
          ? { status, path: second, from: first, oldMode, newMode, oldId, newId }
          : { status, path: second, oldMode: '000000', newMode, oldId: '0'.repeat(40), newId },
      );
    } else changes.push({ status, path: first, oldMode, newMode, oldId, newId });
  }
  return changes;
}

/** Every file at a commit, with its mode and blob id. */
export function readTree(dir: GitDir, commit: string): TreeEntry[] {
  const out = gitOutput(dir, ['ls-tree', '-r', '-z', '--full-tree', commit]);
  const entries: TreeEntry[] = [];
  for (const entry of out.split('\0')) {
    if (!entry) continue;
    const tab = entry.indexOf('\t');
    const [mode = '', , id = ''] = entry.slice(0, tab).split(' ');
    entries.push({ path: entry.slice(tab + 1), mode, id });
  }
  return entries;
}

export interface RemoteBranch {
  /** e.g. `origin/idea/k7q3xj-offer-overnight-shipping` */
  name: string;
  commit: string;
}

/** Remote-tracking branches, without the `origin/HEAD` alias. */
export function remoteBranches(dir: GitDir): RemoteBranch[] {
  const out = gitOutput(dir, [
    'for-each-ref',
    '--format=%(objectname) %(refname:short) %(symref)',
    'refs/remotes/',
  ]);
  const branches: RemoteBranch[] = [];
  for (const line of out.split('\n')) {
    const [commit, name, symref] = line.split(' ');
    if (!commit || !name || symref) continue;
    if (name.endsWith('/HEAD')) continue;
    branches.push({ name, commit });
  }
  return branches;
}

/** For each path changed in `from..to`, the emails of the commit authors who touched it. */
export function readPathAuthors(dir: GitDir, from: string, to: string): Map<string, string[]> {
  // `\x01email\0\npath\0path\0…` per commit; --no-renames lists both sides of a rename.
  const out = gitOutput(dir, [
    'log',
    '--no-color',
    '--no-show-signature',
    '-z',
    '--format=%x01%ae',
    '--name-only',
    '--no-renames',
    '--end-of-options',
    `${from}..${to}`,
    '--',
  ]);
  const authors = new Map<string, string[]>();
  for (const chunk of out.split('\x01')) {
    if (!chunk) continue;
    const [email = '', ...paths] = chunk.split('\0');
    for (const raw of paths) {
      const path = raw.replace(/^\n/, '');
      if (!path) continue;
      const list = authors.get(path) ?? [];
      if (!list.includes(email)) list.push(email);
      authors.set(path, list);
    }
  }
  return authors;
}

/** Files under `cwd` neither tracked nor ignored, from the top level: new records not yet added still count. */
export function readUntracked(dir: GitDir): string[] {
  const out = gitOutput(dir, ['ls-files', '-z', '--others', '--exclude-standard', '--full-name']);
  return out.split('\0').filter((p) => p !== '');
}
