/**
 * Runs git as a child process for the bulk reads that simple-git would make slow (one process
 * per call): listing a tree and streaming its blobs through one `git cat-file --batch`.
 * Arguments are always an array (no shell), and user text never lands where git reads options.
 */
import { spawn, spawnSync } from 'node:child_process';
import { GitError } from '../errors.js';

export interface GitResult {
  status: number;
  stdout: Buffer;
  stderr: string;
}

export function runGit(
  cwd: string,
  args: readonly string[],
  input?: string | Buffer,
  env?: Record<string, string>,
): GitResult {
  const result = spawnSync('git', args, {
    cwd,
    input,
    maxBuffer: 1024 * 1024 * 1024,
    env: {
      ...process.env,
      GIT_LITERAL_PATHSPECS: '1',
      GIT_TERMINAL_PROMPT: '0',
      LC_ALL: 'C',
      ...env,
    },
  });
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
export function runGitAsync(cwd: string, args: readonly string[]): Promise<GitResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', args, {
      cwd,
      env: { ...process.env, GIT_LITERAL_PATHSPECS: '1', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) =>
      reject(
        new GitError(
          `could not run git: ${error.message}`,
          'install git and make sure it is on PATH',
        ),
      ),
    );
    child.on('close', (code) =>
      resolvePromise({
        status: code ?? 1,
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err).toString('utf8').trim(),
      }),
    );
  });
}

/** Like runGit, but a failure is a GitError carrying git's own words. */
export function git(cwd: string, args: readonly string[], hint?: string): string {
  const result = runGit(cwd, args);
  if (result.status !== 0)
    throw new GitError(`git ${args[0]} failed: ${result.stderr || `exit ${result.status}`}`, hint);
  return result.stdout.toString('utf8');
}

/** A ref the user typed, checked before it goes anywhere near git's option parser. */
export function assertSafeRef(ref: string): void {
  if (ref === '' || ref.startsWith('-') || /[\0\n\r]/.test(ref)) {
    throw new GitError(
      `"${ref}" is not a git ref`,
      'pass a branch, tag or commit such as origin/main',
    );
  }
}

/** Resolves a ref to a commit id, or says how to get it. */
export function resolveCommit(cwd: string, ref: string): string {
  assertSafeRef(ref);
  const result = runGit(cwd, [
    'rev-parse',
    '--verify',
    '--quiet',
    '--end-of-options',
    `${ref}^{commit}`,
  ]);
  if (result.status !== 0) {
    if (runGit(cwd, ['rev-parse', '--git-dir']).status !== 0) {
      throw new GitError(
        `${cwd} is not in a git repository, so there is no ref "${ref}" to read`,
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
export function readBlobs(cwd: string, ids: readonly string[]): Promise<Buffer[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) => reject(new GitError(`could not run git: ${error.message}`)));
    child.on('close', (code) => {
      if (code !== 0)
        return reject(new GitError(`git cat-file failed: ${stderr.trim() || `exit ${code}`}`));
      try {
        resolvePromise(splitBatchOutput(Buffer.concat(chunks), ids.length));
      } catch (error) {
        reject(error);
      }
    });
    child.stdin.end(ids.length > 0 ? `${ids.join('\n')}\n` : '');
  });
}

/** `<oid> <type> <size>\n<content>\n`, repeated; a missing object is `<oid> missing\n`. */
function splitBatchOutput(out: Buffer, count: number): Buffer[] {
  const blobs: Buffer[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const newline = out.indexOf(10, at);
    if (newline === -1) throw new GitError('git cat-file ended early');
    const header = out.toString('utf8', at, newline).split(' ');
    if (header[1] === 'missing' || header.length < 3)
      throw new GitError(
        `git object ${header[0]} is missing`,
        'the clone is incomplete: run git fetch',
      );
    const size = Number(header[2]);
    blobs.push(out.subarray(newline + 1, newline + 1 + size));
    at = newline + 1 + size + 1;
  }
  return blobs;
}
