/**
 * Where the caches live and which build wrote them: both caches sit in the git directory
 * (`<git-common-dir>/ideas/`), where nothing is committed and nothing else looks, and both
 * trust only what this very build wrote.
 */
import { isAbsolute, join } from 'node:path';
import { runGitOnce, type GitDir } from '../git/git-process.js';

declare const IDEAS_BUILD_ID: string | undefined;

/** The id the bundler stamps on this build; undefined when running from source (no cache then). */
export function buildId(): string | undefined {
  return typeof IDEAS_BUILD_ID === 'string' ? IDEAS_BUILD_ID : undefined;
}

/** Whether caching is on for this run: off without a build id, with IDEAS_NO_CACHE, or `--no-cache`. */
export function cachingEnabled(dir: GitDir, cache: boolean | undefined): boolean {
  return buildId() !== undefined && cache !== false && !dir.env.IDEAS_NO_CACHE;
}

/** `<git-common-dir>/ideas`, or undefined outside a git repository. */
export function cacheFolder(dir: GitDir): string | undefined {
  const result = runGitOnce(dir, ['rev-parse', '--git-common-dir']);
  if (result.status !== 0) return undefined;
  const gitDir = result.stdout.toString('utf8').trim();
  if (!gitDir) return undefined;
  return join(isAbsolute(gitDir) ? gitDir : join(dir.cwd, gitDir), 'ideas');
}
