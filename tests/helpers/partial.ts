/**
 * Clones that hold less than all (blobless, sparse), what they lack and what they asked the
 * server for, read from git itself; and the check that a command answers there as in a full one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from './cli.js';
import { git, tempDir } from './repo.js';

export interface CloneOptions {
  /** `--filter=blob:none`: the history without file contents, fetched when read. */
  blobless?: boolean;
  /** Only these folders (and the top-level files) on disk: a cone-mode sparse checkout. */
  sparse?: string[];
  /** Branches checked out once each (then back to main), so their tip's blobs are here. */
  visit?: string[];
}

/** A clone of `remote` over file:// (so filters apply, as with a real server). */
export function cloneOf(remote: string, options: CloneOptions = {}): string {
  const dir = join(tempDir('ideas-clone-'), 'repo');
  const filter = options.blobless ? ['--filter=blob:none'] : [];
  const sparse = options.sparse ? ['--sparse'] : [];
  git(process.cwd(), 'clone', '-q', ...filter, ...sparse, `file://${remote}`, dir);
  if (options.sparse) git(dir, 'sparse-checkout', 'set', '--cone', ...options.sparse);
  for (const branch of options.visit ?? []) git(dir, 'checkout', '-q', branch);
  if (options.visit?.length) git(dir, 'checkout', '-q', 'main');
  return dir;
}

/**
 * Runs `argv` in the full clone and in each of `others`: every run succeeds, and each other
 * prints byte for byte what the full one prints (its own path aside). Returns the full clone's
 * output and how many times each other asked the server for objects.
 */
export async function expectSameAnswer(
  argv: string[],
  full: string,
  others: readonly string[],
): Promise<{ stdout: string; fetches: number[] }> {
  const label = argv.join(' ');
  const env = { GITHUB_ACTOR: undefined, GITLAB_USER_LOGIN: undefined };
  const expected = await runCli(argv, { cwd: full, env });
  expect(expected.code, `${label}: ${expected.stderr}`).toBe(0);
  expect(expected.stdout.length, label).toBeGreaterThan(20);
  const fetches: number[] = [];
  for (const dir of others) {
    const trace = join(tempDir('ideas-trace-'), 'trace');
    const result = await runCli(argv, { cwd: dir, env: { ...env, GIT_TRACE: trace } });
    expect(result.code, `${label} in ${dir}: ${result.stderr}`).toBe(0);
    expect(result.stdout.replaceAll(dir, '<root>'), label).toBe(
      expected.stdout.replaceAll(full, '<root>'),
    );
    fetches.push(fetchesIn(trace));
  }
  return { stdout: expected.stdout, fetches };
}

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
