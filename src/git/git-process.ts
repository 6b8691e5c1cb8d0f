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
  // A positive value waits at least a millisecond: rounded to 0 it would mean "for ever".
  return seconds === 0 ? 0 : Math.max(1, Math.round(seconds * 1000));
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

/**
 * Answers that hold for the whole command (where the git folder is, who the author is, whether
 * the clone is shallow): asked of git once per command, however many layers ask. A command's
 * git calls share its environment object (cli/context.ts gives each run its own), so that object
 * is the command: a test's next run, with its new environment, asks git afresh.
 */
const answers = new WeakMap<Env, Map<string, GitResult>>();

function answersOf(dir: GitDir): Map<string, GitResult> {
  let known = answers.get(dir.env);
  if (!known) answers.set(dir.env, (known = new Map()));
  return known;
}

const answerKey = (dir: GitDir, args: readonly string[]) => `${dir.cwd}\0${args.join('\0')}`;

/** runGit for a question whose answer cannot change while the command runs; asked once. */
export function runGitOnce(dir: GitDir, args: readonly string[]): GitResult {
  const known = answersOf(dir);
  const key = answerKey(dir, args);
  let result = known.get(key);
  if (!result) known.set(key, (result = runGit(dir, args)));
  return result;
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

/** What a checked git call is given beyond its arguments, and how its failure is worded. */
export interface CheckedCall {
  input?: string | Buffer;
  env?: Env;
  /** What failed, before git's own words (default: "git <command> failed"). */
  what?: string;
  hint?: string | undefined;
}

/** Like runGit, but a failure is a GitError saying what failed, in git's own words. */
export function runGitChecked(
  dir: GitDir,
  args: readonly string[],
  call: CheckedCall = {},
): GitResult {
  const result = runGit(dir, args, call.input, call.env);
  if (result.status !== 0)
    throw new GitError(
      `${call.what ?? `git ${args[0]} failed`}: ${result.stderr || `git exited with ${result.status}`}`,
      call.hint,
    );
  return result;
}

/** runGitChecked's output as text. */
export function gitOutput(dir: GitDir, args: readonly string[], hint?: string): string {
  return runGitChecked(dir, args, { hint }).stdout.toString('utf8');
}

/** gitOutput without blocking: for git work that overlaps with other git work. */
export async function gitOutputAsync(dir: GitDir, args: readonly string[]): Promise<string> {
  const result = await runGitAsync(dir, args);
  if (result.status !== 0)
    throw new GitError(
      `git ${args[0]} failed: ${result.stderr || `git exited with ${result.status}`}`,
    );
  return result.stdout.toString('utf8');
}

/** A git answer's text without the line end: an id, a name, a URL. */
export function outputOf(result: GitResult): string {
  return result.stdout.toString('utf8').trim();
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

/** The ref is not in this clone (and the clone has commits): fetching it may help. */
export class MissingRefError extends GitError {}

/** Resolves a ref to a commit id, or says how to get it. */
export function resolveCommit(dir: GitDir, ref: string): string {
  assertSafeRef(ref);
  const verify = (name: string) => [
    'rev-parse',
    '--verify',
    '--quiet',
    '--end-of-options',
    `${name}^{commit}`,
  ];
  // A commit id names the same commit all command long: the readers that resolve the commit a
  // branch name resolved to ask git no more.
  const result = isObjectId(ref) ? runGitOnce(dir, verify(ref)) : runGit(dir, verify(ref));
  if (result.status !== 0) {
    if (runGit(dir, ['rev-parse', '--git-dir']).status !== 0) {
      throw new GitError(
        `${dir.cwd} is not in a git repository, so there is no ref "${ref}" to read`,
        'leave out --ref to read the files as they are, or run git init',
      );
    }
    if (runGit(dir, ['rev-parse', '--verify', '--quiet', 'HEAD']).status !== 0) {
      // An unborn branch (git init, nothing committed): no ref can be there yet.
      throw new GitError(
        `this repository has no commits yet, so there is no ref "${ref}" to read`,
        'commit the files first: git add -A && git commit -m "Start ideas"',
      );
    }
    const object = runGit(dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', ref]);
    if (object.status === 0) {
      // It exists but is no commit (a tree, a blob, a tag of one): fetching would not help.
      const type = runGit(dir, ['cat-file', '-t', outputOf(object)]);
      throw new UsageError(
        `"${ref}" names a ${type.status === 0 ? outputOf(type) : 'git object'}, not a commit`,
        'pass a branch, tag or commit such as origin/main',
      );
    }
    throw new MissingRefError(
      `git cannot find the ref "${ref}"`,
      `check the name, or fetch it first: git fetch origin ${ref.replace(/^origin\//, '')}`,
    );
  }
  const commit = result.stdout.toString('utf8').trim();
  if (isObjectId(commit)) answersOf(dir).set(answerKey(dir, verify(commit)), result);
  return commit;
}

/**
 * The remote a partial clone fetches missing objects from, or undefined in a complete clone:
 * `extensions.partialClone`, else the first remote marked `promisor`.
 */
function promisorRemote(dir: GitDir): string | undefined {
  const result = runGitOnce(dir, [
    'config',
    '-z',
    '--get-regexp',
    '^(extensions\\.partialclone|remote\\..+\\.promisor)$',
  ]);
  if (result.status !== 0) return undefined;
  let remote: string | undefined;
  for (const entry of result.stdout.toString('utf8').split('\0')) {
    const newline = entry.indexOf('\n');
    const [key, value] =
      newline === -1 ? [entry, ''] : [entry.slice(0, newline), entry.slice(newline + 1)];
    if (key === 'extensions.partialclone' && value) return value;
    if (remote === undefined && key.endsWith('.promisor') && value === 'true')
      remote = key.slice('remote.'.length, -'.promisor'.length);
  }
  return remote;
}

/**
 * In a partial clone (`--filter=blob:none`, or a sparse checkout of one), `cat-file` fetches each
 * missing blob on its own: one round trip to the server per file. Asking first which of `ids`
 * are missing (without fetching) and fetching them all in one `git fetch` makes it one. Call it
 * before streamBlobs with the ids that may be missing. Any failure here only costs the
 * batching: cat-file still fetches, or says what is missing.
 */
export function fetchMissingBlobs(dir: GitDir, ids: readonly string[]): void {
  if (ids.length === 0) return;
  const remote = promisorRemote(dir);
  if (remote === undefined) return;
  const list = `${ids.join('\n')}\n`;
  // --missing=print turns lazy fetching off; --ignore-missing skips the absent ones: what is
  // printed is what is here.
  const present = runGit(
    dir,
    ['rev-list', '--objects', '--no-walk', '--missing=print', '--ignore-missing', '--stdin'],
    list,
  );
  if (present.status !== 0) return;
  const here = new Set(
    present.stdout
      .toString('latin1')
      .split('\n')
      .map((line) => line.split(' ', 1)[0]),
  );
  const missing = [...new Set(ids)].filter((id) => !here.has(id));
  if (missing.length === 0) return;
  // The same fetch git runs for one missing object, given them all at once.
  runGit(
    dir,
    [
      '-c',
      'fetch.negotiationAlgorithm=noop',
      'fetch',
      '--quiet',
      '--no-tags',
      '--no-write-fetch-head',
      '--recurse-submodules=no',
      '--filter=blob:none',
      '--stdin',
      '--end-of-options',
      remote,
    ],
    `${missing.join('\n')}\n`,
  );
}

/** Reads many blobs with one `git cat-file --batch` process, in the order asked. */
export async function readBlobs(dir: GitDir, ids: readonly string[]): Promise<Buffer[]> {
  fetchMissingBlobs(dir, ids);
  const blobs: Buffer[] = new Array<Buffer>(ids.length);
  await streamBlobs(dir, ids, (index, bytes) => (blobs[index] = bytes));
  return blobs;
}

/** A limit on what streamBlobs reads: a blob over `maxBytes` is skipped as it streams by, never held. */
export interface BlobLimit {
  maxBytes: number;
  onTooLarge: (index: number) => void;
}

/**
 * Streams blobs from one `git cat-file --batch` process, handing each to `onBlob` as soon as it
 * has arrived: the caller's work (parsing) runs while git is still producing the rest, and only
 * the blob in flight is held, never the whole output.
 * Output is `<oid> <type> <size>\n<content>\n` per blob; a missing object is `<oid> missing\n`.
 */
export function streamBlobs(
  dir: GitDir,
  ids: readonly string[],
  onBlob: (index: number, bytes: Buffer) => void,
  limit?: BlobLimit,
): Promise<void> {
  // Nothing to read (every file came from the parse cache or an earlier round): no process.
  if (ids.length === 0) return Promise.resolve();
  return new Promise((resolvePromise, reject) => {
    const timeout = gitTimeoutMs(dir.env);
    // --buffer: every id is written before the first answer is read, so git need not flush
    // after each object. Unbuffered it made three writes per blob (header, content, newline)
    // to the socket Node reads; each is a message the kernel allocates, wakes the reader for
    // and frees: at 1,150,000 blobs the largest share of the run's system time.
    const child = spawn('git', ['cat-file', '--batch', '--buffer'], {
      cwd: dir.cwd,
      env: gitEnv(dir),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // A header line may span chunks; so may a blob: its parts are joined once it is whole.
    let header: Buffer[] = [];
    let blob: { index: number; remaining: number; parts: Buffer[]; skip: boolean } | undefined;
    let newlineDue = false;
    let next = 0;
    let failure: Error | undefined;
    let stderr = '';
    const timer = idleTimer(timeout, () => {
      failure ??= timedOut(['cat-file', '--batch'], timeout);
      child.kill();
    });
    const parseHeader = (line: string) => {
      const fields = line.split(' ');
      if (fields[1] === 'missing' || fields.length < 3) {
        throw new GitError(
          `git object ${fields[0]} is missing`,
          'the clone is incomplete: run git fetch',
        );
      }
      const size = Number(fields[2]);
      blob = {
        index: next++,
        remaining: size,
        parts: [],
        skip: size > (limit?.maxBytes ?? Infinity),
      };
    };
    const finishBlob = (done: NonNullable<typeof blob>) => {
      blob = undefined;
      newlineDue = true;
      if (done.skip) limit?.onTooLarge(done.index);
      else
        onBlob(
          done.index,
          done.parts.length === 1 ? (done.parts[0] ?? Buffer.alloc(0)) : Buffer.concat(done.parts),
        );
    };
    child.stdout.on('data', (chunk: Buffer) => {
      timer.touch();
      if (failure) return;
      try {
        let at = 0;
        while (at < chunk.length || (blob !== undefined && blob.remaining === 0)) {
          if (blob) {
            const take = Math.min(blob.remaining, chunk.length - at);
            if (!blob.skip && take > 0) blob.parts.push(chunk.subarray(at, at + take));
            blob.remaining -= take;
            at += take;
            if (blob.remaining === 0) finishBlob(blob);
            continue;
          }
          if (newlineDue) {
            newlineDue = false; // the newline after each blob's content
            at++;
            continue;
          }
          if (next >= ids.length) break;
          const newline = chunk.indexOf(10, at);
          if (newline === -1) {
            header.push(chunk.subarray(at));
            break;
          }
          // Nearly every header lies within one chunk: read there, without a copy.
          let line: string;
          if (header.length === 0) line = chunk.toString('latin1', at, newline);
          else {
            header.push(chunk.subarray(at, newline));
            line = Buffer.concat(header).toString('latin1');
            header = [];
          }
          at = newline + 1;
          parseHeader(line);
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
      const total = ids.length;
      // V8 may keep this call's optimised closures, and through them the caller's callback and
      // everything it holds (the index's 115,000 entries), for the life of the process: let go.
      ids = [];
      onBlob = () => undefined;
      limit = undefined;
      if (failure) return reject(failure);
      if (code !== 0)
        return reject(new GitError(`git cat-file failed: ${stderr.trim() || `exit ${code}`}`));
      if (next < total || blob !== undefined)
        return reject(
          new GitError(
            `git cat-file ended early, after ${blob ? next - 1 : next} of ${total} objects`,
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
