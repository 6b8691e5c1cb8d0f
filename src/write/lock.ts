/**
 * A short exclusive section between processes on one machine: a lock file created with `wx`
 * (atomic), kept outside the repository so a crash never leaves a stray file in it. A lock
 * older than `staleMs` is from a process that died, and is taken over.
 */
import { closeSync, openSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LockOptions {
  waitMs?: number;
  staleMs?: number;
}

export async function withLock<T>(
  key: string,
  work: () => Promise<T> | T,
  { waitMs = 10_000, staleMs = 30_000 }: LockOptions = {},
): Promise<T> {
  const path = join(
    tmpdir(),
    `ideas-${createHash('sha256').update(key).digest('hex').slice(0, 24)}.lock`,
  );
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      closeSync(openSync(path, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(path).mtimeMs > staleMs) rmSync(path, { force: true });
      } catch {
        // released meanwhile: try again
      }
      if (Date.now() > until) throw new Error(`timed out waiting for the lock ${path}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(path, { force: true });
  }
}
