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

/** Where a work tree's git files are: its common git directory, its index file, the root's prefix. */
export interface GitPlaces {
  commonDir: string;
  indexFile: string;
  /** The root inside the work tree, as git prints it ("" at the top, else "sub/dir/"). */
  prefix: string;
}

/** The places of the work tree holding `dir`, in one git process; undefined outside a work tree. */
export function gitPlaces(dir: GitDir): GitPlaces | undefined {
  const result = runGitOnce(dir, [
    'rev-parse',
    '--git-common-dir',
    '--git-path',
    'index',
    '--show-prefix',
  ]);
  if (result.status !== 0) return undefined;
  // One line each; a path holding a line break makes the answer ambiguous: no places then.
  const [commonDir, indexFile, prefix, end, ...more] = result.stdout.toString('utf8').split('\n');
  if (!commonDir || !indexFile || prefix === undefined || end !== '' || more.length > 0)
    return undefined;
  const resolved = (path: string) => (isAbsolute(path) ? path : join(dir.cwd, path));
  return { commonDir: resolved(commonDir), indexFile: resolved(indexFile), prefix };
}

/** `<git-common-dir>/ideas`, or undefined outside a git repository; `places` if already known. */
export function cacheFolder(dir: GitDir, places?: GitPlaces): string | undefined {
  if (places) return join(places.commonDir, 'ideas');
  const result = runGitOnce(dir, ['rev-parse', '--git-common-dir']);
  if (result.status !== 0) return undefined;
  const gitDir = result.stdout.toString('utf8').trim();
  if (!gitDir) return undefined;
  return join(isAbsolute(gitDir) ? gitDir : join(dir.cwd, gitDir), 'ideas');
}
