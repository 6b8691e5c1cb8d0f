/**
 * Real repositories in temporary folders: `makeRepo(tree)` writes the files, makes a git
 * repository on branch main with a set user and gc off, and removes it when the test ends.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { onTestFinished } from 'vitest';

export type Tree = Record<string, string>;

export interface RepoOptions {
  /** Make a git repository and commit the tree (default true). */
  git?: boolean;
  commit?: boolean;
  /** An empty folder to make it in, which the caller removes (one repository for many tests). */
  in?: string;
}

export const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test User',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test User',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

export function tempDir(prefix = 'ideas-test-'): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function writeTree(root: string, tree: Tree): void {
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
}

/** A temporary folder the caller removes: made in beforeAll, removed in afterAll. */
export function lastingTempDir(prefix = 'ideas-test-'): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

export function makeRepo(tree: Tree, options: RepoOptions = {}): string {
  const root = options.in ?? tempDir();
  writeTree(root, tree);
  if (options.git === false) return root;
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.name', 'Test User');
  git(root, 'config', 'user.email', 'test@example.com');
  git(root, 'config', 'gc.auto', '0');
  git(root, 'config', 'commit.gpgsign', 'false');
  if (options.commit !== false && Object.keys(tree).length > 0) {
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'initial');
  }
  return root;
}

/** Commits everything with a set date, so history-based figures are exact. */
export function commitAll(root: string, message: string, date?: string): void {
  const env = date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {};
  execFileSync('git', ['add', '-A'], { cwd: root, env: { ...process.env, ...GIT_ENV } });
  execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], {
    cwd: root,
    env: { ...process.env, ...GIT_ENV, ...env },
  });
}
