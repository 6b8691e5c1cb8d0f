/** What most commands start with: find the root, read the repository, say what went wrong. */
import { join, relative, resolve, sep } from 'node:path';
import { isInside } from './output-path.js';
import { findRoot } from '../read/find-root.js';
import type { ReadRepository } from '../read/repository.js';
import { identifyTree } from '../read/tree-identity.js';
import { UsageError } from '../errors.js';
import { firstDay, parseMoment, resolveMoment } from '../git/point-in-time.js';
import { outputOf, runGit, runGitOnce, type GitDir } from '../git/git-process.js';
import { existingRevisions } from '../git/revisions.js';
import {
  buildId,
  cacheFolder,
  cachingEnabled,
  gitPlaces,
  type GitPlaces,
} from '../cache/location.js';
import { keyOf, ResultCache, type Answer } from '../cache/result-cache.js';
import type { Context } from './context.js';
import type { ReadFlags } from './options.js';

export function rootOf(ctx: Context, flags: Pick<ReadFlags, 'root'>): string {
  return findRoot(ctx.cwd, flags.root);
}

export interface LoadedRepository extends ReadRepository {
  root: string;
  /** What was read: `--ref`, or the commit `--at` names; undefined for the working tree. */
  ref: string | undefined;
  /** The day the figures are for: today, or the day of `--at` ("hot" decays as it did then). */
  today: string;
}

/** The repository a read command works on: the working tree, `--ref`, or `--at` a moment on it. */
export async function loadRepository(ctx: Context, flags: ReadFlags): Promise<LoadedRepository> {
  const target = resolveTarget(ctx, flags);
  // Loaded here, not at start: a command answered from the result cache never reads.
  const { readRepository } = await import('../read/repository.js');
  const loaded = await readRepository({ ...target, env: ctx.env, cache: flags.cache });
  return { ...target, ...loaded };
}

/** Where and when a read command looks: its root, the ref `--ref` or `--at` names, and the day. */
function resolveTarget(
  ctx: Context,
  flags: ReadFlags,
): { root: string; ref: string | undefined; today: string } {
  const root = rootOf(ctx, flags);
  let { ref } = flags;
  let today = ctx.today;
  if (flags.at !== undefined) {
    const tip = ref ?? 'HEAD';
    const point = resolveMoment(ctx.git(root), parseMoment(flags.at, '--at'), tip, 'end');
    if (point.commit === null) {
      const first = firstDay(ctx.git(root), tip);
      throw new UsageError(
        `there is no commit on ${tip} on or before ${flags.at}`,
        first ? `its history starts on ${first}: pass a later --at` : 'pass a later --at',
      );
    }
    ref = point.commit;
    today = point.day;
  }
  return { root, ref, today };
}

/** What a cached answer depends on beyond the repository's files and the day. */
export interface AnswerRequest {
  /** The command, with every option and presentation setting that shapes what it prints. */
  command: string;
  params: unknown;
  /** The answer reads the commit history too (report): the commit joins the key. */
  history?: boolean;
}

/**
 * A read command's answer, from the whole-result cache when the repository, the day, the build
 * and the request are all as they were; else produced from the repository (and kept). Off
 * with `--no-cache` or IDEAS_NO_CACHE=1, outside git, and when running from source.
 */
export async function answerFromCache(
  ctx: Context,
  flags: ReadFlags,
  request: AnswerRequest,
  produce: (loaded: LoadedRepository) => Answer | Promise<Answer>,
): Promise<Answer> {
  const target = resolveTarget(ctx, flags);
  const dir = ctx.git(target.root);
  const build = buildId();
  if (!build || !cachingEnabled(dir, flags.cache)) return produce(await loadRepository(ctx, flags));
  // Naming the tree starts git's listings first; where the git files are is asked meanwhile.
  let places: GitPlaces | undefined;
  const placesOf = () => (places ??= gitPlaces(dir));
  const options = { ...target, env: ctx.env, cache: flags.cache };
  const identity = await identifyTree(options, placesOf);
  const folder = identity && cacheFolder(dir, places);
  if (!identity || !folder) return produce(await loadRepository(ctx, flags));
  const commit = request.history ? (identity.commit ?? headCommit(dir)) : undefined;
  const shallow = request.history ? isShallow(dir) : undefined;
  const keyFor = (id: string) =>
    keyOf([id, target.today, request.command, request.params, commit, shallow]);
  const results = new ResultCache(join(folder, 'results'), build, join(folder, 'names'));
  const trace = cacheTrace(ctx);
  const usable = (key: string | undefined) => {
    const cached = key === undefined ? undefined : results.get(key);
    return cached && stillExisting(dir, cached) ? cached : undefined;
  };
  const quickKey = identity.id === undefined ? undefined : keyFor(identity.id);
  const quick = usable(quickKey);
  if (quick) {
    trace?.(`answered ${request.command} from the result cache`);
    return quick;
  }
  // A new index file may hold the same files (git status refreshed its stat data): by blob ids.
  const fullId = await identity.fullId?.();
  const fullKey = fullId === undefined ? undefined : keyFor(fullId);
  // One file per answer, under its surest name; the quick name links to it while it holds.
  const linkQuick = () => {
    if (quickKey !== undefined && fullKey !== undefined && identity.idHolds())
      results.link(quickKey, fullKey);
  };
  const full = usable(fullKey);
  if (full) {
    trace?.(`answered ${request.command} from the result cache, by blob ids`);
    linkQuick();
    return full;
  }
  trace?.(`computed ${request.command}`);
  const answer = await produce({ ...target, ...(await identity.read()) });
  const surest = fullKey ?? (identity.idHolds() ? quickKey : undefined);
  if (surest !== undefined) results.put(surest, answer);
  linkQuick();
  return answer;
}

/** With IDEAS_CACHE_TRACE set, says on stderr whether an answer came from the result cache. */
export function cacheTrace(
  ctx: Pick<Context, 'env' | 'err'>,
): ((what: string) => void) | undefined {
  return ctx.env.IDEAS_CACHE_TRACE ? (what) => ctx.err(`ideas: cache: ${what}\n`) : undefined;
}

/** A cached answer that looked revisions up holds while the same ones exist. */
function stillExisting(dir: GitDir, answer: Answer): boolean {
  if (!answer.revisions) return true;
  const now = existingRevisions(dir, new Set(answer.revisions.named));
  const then = answer.revisions.existing;
  if (now === undefined || then === null) return now === undefined && then === null;
  return now.size === then.length && then.every((name) => now.has(name));
}

function headCommit(dir: GitDir): string | null {
  const result = runGit(dir, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  return result.status === 0 ? result.stdout.toString('utf8').trim() : null;
}

function isShallow(dir: GitDir): string {
  return outputOf(runGitOnce(dir, ['rev-parse', '--is-shallow-repository']));
}

/** A path the user typed, as a path inside the root; refuses anything outside it. */
export function toRootPath(ctx: Context, root: string, path: string): string {
  const absolute = resolve(ctx.cwd, path);
  if (!isInside(root, absolute)) {
    throw new UsageError(
      `${path} is outside the ideas repository at ${root}`,
      'name files inside the repository',
    );
  }
  return relative(root, absolute).split(sep).join('/');
}

/** How to show a root-relative path to the user: relative to where they stand. */
export function displayPathFn(ctx: Context, root: string): (path: string) => string {
  const prefix = relative(ctx.cwd, root).split(sep).join('/');
  return (path) => (prefix === '' ? path : `${prefix}/${path}`);
}
