/** Everything a command may touch of the outside world, passed in so tests can run it in-process. */
import type { Readable, Writable } from 'node:stream';

export interface OutStream extends Writable {
  isTTY?: boolean;
  columns?: number;
}

export interface InStream extends Readable {
  isTTY?: boolean;
}

export interface Io {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdin: InStream;
  stdout: OutStream;
  stderr: OutStream;
  /** Today, YYYY-MM-DD; tests pin it. Defaults to the clock. */
  today?: string;
}

export interface Context extends Io {
  today: string;
  /** Colour on stdout: a terminal, unless NO_COLOR; FORCE_COLOR wins (SPEC §4). */
  color: boolean;
  /** Colour on stderr, by the same rules. */
  colorErr: boolean;
  out(text: string): void;
  err(text: string): void;
}

export function isColorEnabled(env: Io['env'], stream: OutStream): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function makeContext(io: Io): Context {
  return {
    ...io,
    today: io.today ?? io.env.IDEAS_TODAY ?? todayUtc(),
    color: isColorEnabled(io.env, io.stdout),
    colorErr: isColorEnabled(io.env, io.stderr),
    out: (text) => void io.stdout.write(text),
    err: (text) => void io.stderr.write(text),
  };
}
