/**
 * Every git call of ideas goes through here: arguments always an array (no shell), user text
 * never where git reads options, literal pathspecs. Bulk reads stream a tree's blobs through one
 * `git cat-file --batch` instead of one process per file. A git that stops answering (a hung
 * remote, a lock held by a dead NFS client) ends the command after `IDEAS_GIT_TIMEOUT` seconds.
 */
import { spawn, spawnSync } from 'node:child_process';
import { GitError, UsageError } from '../errors.js';

export type Env = Record<string, string | undefined>;

/**
 * Where git runs and with what environment: the command's own (`run({env})`), never the
 * process's behind its back, so in-process runs see exactly what they were given.
 */
export interface GitDir {
  cwd: string;
  env: Env;
}

export function gitAt(cwd: string, env: Env): GitDir {
  return { cwd, env };
}

/** Fixed for every git call: literal pathspecs, no prompts, messages in English. */
function gitEnv(dir: GitDir, extra?: Env): Env {
  return {
    ...dir.env,
    GIT_LITERAL_PATHSPECS: '1',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    ...extra,
  };
}

/** Seconds a git call may take (a stream: may stay silent) before it is given up on. */
export const DEFAULT_GIT_TIMEOUT_S = 120;

/** The timeout in ms, from `IDEAS_GIT_TIMEOUT` (seconds; 0 waits for ever). */
export function gitTimeoutMs(env: Env): number {
  const text = env.IDEAS_GIT_TIMEOUT;
  if (text === undefined || text.trim() === '') return DEFAULT_GIT_TIMEOUT_S * 1000;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new UsageError(
      `IDEAS_GIT_TIMEOUT is "${text}", not a number of seconds`,
      `set it to how long a git call may take, e.g. IDEAS_GIT_TIMEOUT=${DEFAULT_GIT_TIMEOUT_S} (0 waits for ever)`,
    );
  return Math.round(seconds * 1000);
}

function timedOut(args: readonly string[], ms: number): GitError {
  return new GitError(
    `git did not answer within ${ms / 1000} s: git ${args.join(' ').slice(0, 200)}`,
    'check what git waits for (a remote, a lock, a credential prompt); IDEAS_GIT_TIMEOUT=SECONDS waits longer',
  );
}

/**
 * Calls `onTimeout` once `ms` pass without `touch()` being called: for streams, whose whole
 * run may rightly be long, silence is what counts. `ms` 0 never fires.
 */
function idleTimer(ms: number, onTimeout: () => void): { touch: () => void; stop: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const touch = () => {
    if (ms === 0) return;
    clearTimeout(timer);
    timer = setTimeout(onTimeout, ms);
  };
  touch();
  return { touch, stop: () => clearTimeout(timer) };
}

export interface GitResult {
  status: number;
  stdout: Buffer;
  stderr: string;
}

export function runGit(
  dir: GitDir,
  args: readonly string[],
  input?: string | Buffer,
  env?: Env,
): GitResult {
  const timeout = gitTimeoutMs(dir.env);
  const result = spawnSync('git', args, {
    cwd: dir.cwd,
    input,
    maxBuffer: 1024 * 1024 * 1024,
    env: gitEnv(dir, env),
    ...(timeout > 0 ? { timeout } : {}),
  });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT')
    throw timedOut(args, timeout);
  if (result.error) {
    throw new GitError(
      `could not run git: ${result.error.message}`,
      'install git and make sure it is on PATH',
    );
  }
  return {
    status: result.status ?? 1,
    stdout: result.stdout,
    stderr: result.stderr.toString('utf8').trim(),
  };
}

/** runGit without blocking: for git work that can overlap with other git work. */
export function runGitAsync(dir: GitDir, args: readonly string[]): Promise<GitResult> {
  return new Promise((resolvePromise, reject) => {
    const timeout = gitTimeoutMs(dir.env);
    const child = spawn('git', args, { cwd: dir.cwd, env: gitEnv(dir) });
    let late: GitError | undefined;
    const timer = idleTimer(timeout, () => {
      late = timedOut(args, timeout);
      child.kill();
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      timer.touch();
      out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) =>
      reject(
        new GitError(
          `could not run git: ${error.message}`,
          'install git and make sure it is on PATH',
        ),
      ),
    );
    child.on('close', (code) => {
      timer.stop();
      if (late) return reject(late);
      resolvePromise({
        status: code ?? 1,
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err).toString('utf8').trim(),
      });
    });
  });
}

/** Like runGit, but a failure is a GitError carrying git's own words. */
export function gitOutput(dir: GitDir, args: readonly string[], hint?: string): string {
  const result = runGit(dir, args);
  if (result.status !== 0)
    throw new GitError(`git ${args[0]} failed: ${result.stderr || `exit ${result.status}`}`, hint);
  return result.stdout.toString('utf8');
}

/** A full object id as git prints it: 40 hex digits (SHA-1) or 64 (SHA-256). */
export function isObjectId(text: string): boolean {
  return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(text);
}

/** A ref the user typed, checked before it goes anywhere near git's option parser. */
export function assertSafeRef(ref: string): void {
  if (ref === '' || ref.startsWith('-') || /[\0\n\r]/.test(ref)) {
    throw new UsageError(
      `"${ref}" is not a git ref`,
      'pass a branch, tag or commit such as origin/main',
    );
  }
}

/** Resolves a ref to a commit id, or says how to get it. */
export function resolveCommit(dir: GitDir, ref: string): string {
  assertSafeRef(ref);
  const result = runGit(dir, [
    'rev-parse',
    '--verify',
    '--quiet',
    '--end-of-options',
    `${ref}^{commit}`,
  ]);
  if (result.status !== 0) {
    if (runGit(dir, ['rev-parse', '--git-dir']).status !== 0) {
      throw new GitError(
        `${dir.cwd} is not in a git repository, so there is no ref "${ref}" to read`,
        'leave out --ref to read the files as they are, or run git init',
      );
    }
    throw new GitError(
      `git cannot find the ref "${ref}"`,
      `check the name, or fetch it first: git fetch origin ${ref.replace(/^origin\//, '')}`,
    );
  }
  return result.stdout.toString('utf8').trim();
}

/** Reads many blobs with one `git cat-file --batch` process, in the order asked. */
export async function readBlobs(dir: GitDir, ids: readonly string[]): Promise<Buffer[]> {
  const blobs: Buffer[] = new Array<Buffer>(ids.length);
  await streamBlobs(dir, ids, (index, bytes) => (blobs[index] = bytes));
  return blobs;
}

/**
 * Streams blobs from one `git cat-file --batch` process, handing each to `onBlob` as soon as it
 * has arrived: the caller's work (parsing) runs while git is still producing the rest.
 * Output is `<oid> <type> <size>\n<content>\n` per blob; a missing object is `<oid> missing\n`.
 */
export function streamBlobs(
  dir: GitDir,
  ids: readonly string[],
  onBlob: (index: number, bytes: Buffer) => void,
): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const timeout = gitTimeoutMs(dir.env);
    const child = spawn('git', ['cat-file', '--batch'], {
      cwd: dir.cwd,
      env: gitEnv(dir),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let pending: Buffer = Buffer.alloc(0);
    // A large blob arrives in many chunks: gather them until it is whole, then join once.
    let waiting: Buffer[] = [];
    let waitingBytes = 0;
    let needed = 0;
    let next = 0;
    let failure: Error | undefined;
    let stderr = '';
    const timer = idleTimer(timeout, () => {
      failure ??= timedOut(['cat-file', '--batch'], timeout);
      child.kill();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      timer.touch();
      if (failure) return;
      if (needed > 0) {
        waiting.push(chunk);
        waitingBytes += chunk.length;
        if (waitingBytes < needed) return;
        pending = Buffer.concat(waiting);
        waiting = [];
        waitingBytes = 0;
        needed = 0;
      } else {
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      }
      try {
        let at = 0;
        while (next < ids.length) {
          const newline = pending.indexOf(10, at);
          if (newline === -1) break;
          const header = pending.toString('latin1', at, newline).split(' ');
          if (header[1] === 'missing' || header.length < 3) {
            throw new GitError(
              `git object ${header[0]} is missing`,
              'the clone is incomplete: run git fetch',
            );
          }
          const end = newline + 1 + Number(header[2]);
          if (pending.length < end + 1) {
            // The blob and its trailing newline are not all here yet.
            needed = end + 1 - at;
            break;
          }
          onBlob(next++, pending.subarray(newline + 1, end));
          at = end + 1;
        }
        pending = pending.subarray(at);
        if (needed > 0) {
          waiting = [pending];
          waitingBytes = pending.length;
          pending = Buffer.alloc(0);
        }
      } catch (error) {
        failure = error as Error;
        child.kill();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) => {
      timer.stop();
      reject(new GitError(`could not run git: ${error.message}`));
    });
    child.on('close', (code) => {
      timer.stop();
      if (failure) return reject(failure);
      if (code !== 0)
        return reject(new GitError(`git cat-file failed: ${stderr.trim() || `exit ${code}`}`));
      if (next < ids.length)
        return reject(
          new GitError(
            `git cat-file ended early, after ${next} of ${ids.length} objects`,
            'run "git fsck" to check the repository, then try again',
          ),
        );
      resolvePromise();
    });
    // git dying mid-stream closes the pipe under our write: report it on close, never crash.
    child.stdin.on('error', (error: NodeJS.ErrnoException) => {
      failure ??= new GitError(
        `git cat-file stopped reading (${error.code ?? error.message}) after ${next} of ${ids.length} objects${stderr.trim() ? `: ${stderr.trim()}` : ''}`,
        'run "git fsck" to check the repository, then try again',
      );
    });
    child.stdin.end(ids.length > 0 ? `${ids.join('\n')}\n` : '');
  });
}
