/** What a partial clone lacks and what it asked the server for, read from git itself. */
import { existsSync, readFileSync } from 'node:fs';
import { git } from './repo.js';

/** How many objects a clone lacks: a partial clone that fetched everything would prove nothing. */
export function missingObjects(dir: string): number {
  const out = git(dir, 'rev-list', '--objects', '--all', '--missing=print');
  return out.split('\n').filter((line) => line.startsWith('?')).length;
}

/**
 * How many times the server was asked for objects, from a `GIT_TRACE` file: each fetch (git's
 * own lazy fetch of one missing blob, or a batch) runs `git-upload-pack` on a file:// remote.
 */
export function fetchesIn(traceFile: string): number {
  if (!existsSync(traceFile)) return 0;
  return readFileSync(traceFile, 'utf8')
    .split('\n')
    .filter((line) => line.includes('run_command:') && line.includes('git-upload-pack')).length;
}
