/**
 * A short exclusive section between processes: a lock file created with `wx` (atomic) in the
 * repository's git folder (`.git/ideas/locks/`), where only those who can write the repository
 * can create it, and where it never shows in the working tree. The file says who holds it; a
 * lock whose process is gone, or older than `staleMs`, is taken over. Waiting longer than
 * `waitMs` is a usage error that names the holder, never a crash.
 */
import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { GitError, UsageError } from '../errors.js';
import { runGitOnce, type GitDir, type GitResult } from '../git/git-process.js';
import { asWriteError, makeFolder } from './atomic.js';

export interface LockOptions {
  waitMs?: number;
  staleMs?: number;
}

/**
 * A folder of ideas' own inside the repository's git folder (`.git/ideas/<name>`), shared by
 * every worktree; beside the ideas (`.ideas-<name>`) when there is no git. A git that names a
 * folder that does not exist is not believed: nothing is created where it points.
 */
export function privateFolder(dir: GitDir, name: 'locks' | 'tmp'): string {
  let result: GitResult | undefined;
  try {
    result = runGitOnce(dir, ['rev-parse', '--git-common-dir']);
  } catch (error) {
    // git is missing: the folder below still serialises the commands of this machine
    if (!(error instanceof GitError) || /did not answer/.test(error.message)) throw error;
  }
  if (result?.status !== 0) return join(dir.cwd, `.ideas-${name}`);
  const said = result.stdout.toString('utf8').trim();
  const gitDir = isAbsolute(said) ? said : join(dir.cwd, said);
  if (
    said === '' ||
    said.includes('\n') ||
    !statSync(gitDir, { throwIfNoEntry: false })?.isDirectory()
  )
    throw new GitError(
      `git rev-parse --git-common-dir answered "${said.slice(0, 80)}", which is not a folder`,
      'check which git is first on PATH (git --version), and that it works in this folder',
    );
  return join(gitDir, 'ideas', name);
}

/** Where the locks of the repository at `dir` live. */
export function lockFolder(dir: GitDir): string {
  return privateFolder(dir, 'locks');
}

interface Holder {
  pid: number;
  host: string;
}

export async function withLock<T>(
  dir: GitDir,
  name: string,
  work: () => Promise<T> | T,
  { waitMs = 30_000, staleMs = 120_000 }: LockOptions = {},
): Promise<T> {
  const folder = lockFolder(dir);
  const path = join(folder, `${createHash('sha256').update(name).digest('hex').slice(0, 24)}.lock`);
  const me: Holder = { pid: process.pid, host: hostname() };
  const until = Date.now() + waitMs;
  makeFolder(folder);
  for (;;) {
    if (tryCreate(path, me)) break;
    const holder = readHolder(path);
    if (holder !== 'gone' && isStale(path, holder, staleMs)) takeOver(path, holder);
    else if (Date.now() > until) {
      const who = holder !== 'gone' && holder ? ` (process ${holder.pid} on ${holder.host})` : '';
      throw new UsageError(
        `another ideas command${who} has been writing in this repository for over ${Math.round(waitMs / 1000)} s`,
        `run the command again once it is done; if no ideas command runs, remove ${path}`,
      );
    } else await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 30));
  }
  try {
    return await work();
  } finally {
    rmSync(path, { force: true });
  }
}

function tryCreate(path: string, me: Holder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw asWriteError(error, path);
  }
  try {
    writeSync(fd, JSON.stringify(me));
  } catch (error) {
    // A full disk: the lock is not taken, and its empty file must not block the next run.
    closeSync(fd);
    rmSync(path, { force: true });
    throw asWriteError(error, path);
  }
  closeSync(fd);
  return true;
}

/** Who holds the lock: undefined when the file says nothing readable, 'gone' when it went. */
function readHolder(path: string): Holder | undefined | 'gone' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return 'gone';
  }
  try {
    const parsed = JSON.parse(text) as Partial<Holder>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string')
      return { pid: parsed.pid, host: parsed.host };
  } catch {
    // written by a process that died before finishing it, or by something else
  }
  return undefined;
}

function isStale(path: string, holder: Holder | undefined, staleMs: number): boolean {
  if (holder && holder.host === hostname() && !isAlive(holder.pid)) return true;
  try {
    return Date.now() - statSync(path).mtimeMs > staleMs;
  } catch {
    return false; // released meanwhile
  }
}

/** Whether a process of this machine runs (EPERM: it does, as another user's). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

/**
 * Moves a stale lock aside, then removes it. If another process took it over first, what was
 * moved is that process's fresh lock: it is put back (link fails if yet another took the place).
 */
function takeOver(path: string, stale: Holder | undefined): void {
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return; // someone else moved it first
  }
  const moved = readHolder(aside);
  const same =
    moved !== 'gone' &&
    (moved === stale || (moved?.pid === stale?.pid && moved?.host === stale?.host));
  if (!same) {
    try {
      linkSync(aside, path);
    } catch {
      // the place is taken again: the one who lost it will find out when it releases
    }
  }
  rmSync(aside, { force: true });
}
