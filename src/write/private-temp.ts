/**
 * Temporary files inside the repository's git folder (`.git/ideas/tmp/`), such as the index a
 * branch write builds its commit in. Each name says which process made it, so a later write can
 * tell a file a killed run left (SIGKILL runs no clean-up) from one a live run still uses: a
 * file older than any command runs whose maker is gone is removed by the next write.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { GitDir } from '../git/git-process.js';
import { makeFolder } from './atomic.js';
import { isAlive, privateFolder } from './lock.js';

/**
 * Far longer than a write runs: a branch write makes a dozen git calls, each given up on after
 * IDEAS_GIT_TIMEOUT (120 s by default).
 */
export const STALE_TEMP_MS = 60 * 60 * 1000;

/** This machine, as a name part: a shared git folder (NFS) may hold other machines' files. */
function hostTag(): string {
  return createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
}

/** A fresh name for a temporary file of this process: `<prefix>-<pid>-<host>-<random>`. */
export function ownedTempName(prefix: string): string {
  return `${prefix}-${process.pid}-${hostTag()}-${randomBytes(6).toString('hex')}`;
}

/** The private temporary folder, made if needed, cleared of what dead runs left. */
export function privateTemp(dir: GitDir, now: number = Date.now()): string {
  const folder = privateFolder(dir, 'tmp');
  makeFolder(folder);
  removeStaleTemps(folder, now);
  return folder;
}

/**
 * Removes the files older than STALE_TEMP_MS whose maker is not a live process of this machine
 * (a live one may still be using it, however old; another machine's cannot be asked, so age
 * alone decides). Whatever cannot be removed stays: it only costs room.
 */
export function removeStaleTemps(folder: string, now: number): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  const host = hostTag();
  for (const name of names) {
    const path = join(folder, name);
    const modified = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
    if (modified === undefined || now - modified <= STALE_TEMP_MS) continue;
    const owner = /-(\d+)-([0-9a-f]{8})-[0-9a-f]+$/.exec(name);
    if (owner && owner[2] === host && isAlive(Number(owner[1]))) continue;
    rmSync(path, { force: true, recursive: true });
  }
}
