/** What most commands start with: find the root, read the repository, say what went wrong. */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { findRoot } from '../read/find-root.js';
import { readRepository, type ReadRepository } from '../read/repository.js';
import { UsageError } from '../errors.js';
import { firstDay, parseMoment, resolveMoment } from '../git/point-in-time.js';
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
  const loaded = await readRepository({ root, ref, env: ctx.env });
  return { root, ref, today, ...loaded };
}

/** A path the user typed, as a path inside the root; refuses anything outside it. */
export function toRootPath(ctx: Context, root: string, path: string): string {
  const absolute = resolve(ctx.cwd, path);
  const inside = relative(root, absolute);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    throw new UsageError(
      `${path} is outside the ideas repository at ${root}`,
      'name files inside the repository',
    );
  }
  return inside.split(sep).join('/');
}

/** How to show a root-relative path to the user: relative to where they stand. */
export function displayPathFn(ctx: Context, root: string): (path: string) => string {
  const prefix = relative(ctx.cwd, root).split(sep).join('/');
  return (path) => (prefix === '' ? path : `${prefix}/${path}`);
}
