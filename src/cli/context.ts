/**
 * Everything a command may touch of the outside world, passed in so tests can run it
 * in-process: streams, environment (git runs with it), clock, temporary folder, the opener
 * and `gh`. The bin hands over the real process; tests hand over what they want.
 */
import type { Readable, Writable } from 'node:stream';
import { tmpdir } from 'node:os';
import { UsageError } from '../errors.js';
import { gitAt, type Env, type GitDir } from '../git/git-process.js';
import { isRealDate } from '../schema/patterns.js';
import { openWithSystem, runGhProcess, type GhResult } from './system.js';

export interface OutStream extends Writable {
  isTTY?: boolean;
  columns?: number;
  rows?: number;
}

export interface InStream extends Readable {
  isTTY?: boolean;
}

export interface Io {
  argv: string[];
  cwd: string;
  env: Env;
  stdin: InStream;
  stdout: OutStream;
  stderr: OutStream;
  /** Today, YYYY-MM-DD; tests pin it. Defaults to IDEAS_TODAY, else the clock. */
  today?: string;
  /** Milliseconds since the epoch (progress timing); defaults to Date.now. */
  now?: () => number;
  /** Where temporary files go (branch-mode index, drafts, `report --open`); defaults to the OS's. */
  tempDir?: string;
  /** Opens a file in the user's browser or viewer; defaults to the platform's opener. */
  openFile?: (path: string, env: Env) => Promise<void>;
  /** Runs the GitHub CLI; undefined result when it is not installed. */
  runGh?: (args: readonly string[], cwd: string, env: Env) => GhResult | undefined;
}

export interface Context extends Io {
  today: string;
  now: () => number;
  tempDir: string;
  openFile: (path: string, env: Env) => Promise<void>;
  runGh: (args: readonly string[], cwd: string, env: Env) => GhResult | undefined;
  /** Colour on stdout: a terminal, unless NO_COLOR; FORCE_COLOR wins (SPEC §4). */
  color: boolean;
  /** Colour on stderr, by the same rules. */
  colorErr: boolean;
  out(text: string): void;
  err(text: string): void;
  /** Git at `cwd`, run with this command's environment. */
  git(cwd: string): GitDir;
}

export function isColorEnabled(env: Io['env'], stream: OutStream): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

/** Today from the clock, or from IDEAS_TODAY (to replay a day); a bad value is a usage error. */
export function chooseToday(io: Pick<Io, 'today' | 'env'>, now: () => number): string {
  const pinned = io.today ?? io.env.IDEAS_TODAY;
  if (pinned === undefined || pinned === '') return new Date(now()).toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(pinned) || !isRealDate(pinned))
    throw new UsageError(
      `IDEAS_TODAY="${pinned}" is not a date`,
      'write it as YYYY-MM-DD (e.g. IDEAS_TODAY=2026-11-24), or unset it to use the clock',
    );
  return pinned;
}

export function makeContext(io: Io): Context {
  const now = io.now ?? Date.now;
  // A copy per run: git's once-per-command answers are kept by this object (git-process.ts
  // runGitOnce), so a caller handing two runs one environment still gets fresh answers.
  const env = { ...io.env };
  return {
    ...io,
    env,
    today: chooseToday(io, now),
    now,
    tempDir: io.tempDir ?? tmpdir(),
    openFile: io.openFile ?? openWithSystem,
    runGh: io.runGh ?? runGhProcess,
    color: isColorEnabled(io.env, io.stdout),
    colorErr: isColorEnabled(io.env, io.stderr),
    out: (text) => void io.stdout.write(text),
    err: (text) => void io.stderr.write(text),
    git: (cwd) => gitAt(cwd, env),
  };
}
