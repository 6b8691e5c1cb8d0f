import type { Problem } from './model/types.js';

/** Exit codes of every command (SPEC §4). Mapped from errors in one place: `cli/run.ts`. */
export const ExitCode = {
  ok: 0,
  problemsFound: 1,
  usage: 2,
  git: 3,
  internal: 70,
  /** Ctrl-C: 128 + SIGINT, as shells report it. */
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The user asked for something that cannot be done as asked (bad flag, not in a repository). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/**
 * A file could not be written: a full disk, a read-only folder, no permission. A usage error
 * (exit 2): the user fixes the machine, not the command; `code` is the system's error code.
 */
export class WriteError extends UsageError {
  constructor(
    message: string,
    hint: string,
    readonly code: string,
  ) {
    super(message, hint);
  }
}

/** `ideas.config.yaml` is missing or malformed; `problems` point at each place. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    message: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
  }
}

/** A git command failed; the message says what to do about it. */
export class GitError extends Error {
  override readonly name = 'GitError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** Already reported to the user: only the exit code is left to set. */
export class ExitError extends Error {
  override readonly name = 'ExitError';
  constructor(readonly code: ExitCode) {
    super(`exit ${code}`);
  }
}

/** The user pressed Ctrl-C at a prompt; `hint` says what was kept (a draft). Exit 130. */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
  constructor(readonly hint?: string) {
    super('cancelled; nothing was written');
  }
}
