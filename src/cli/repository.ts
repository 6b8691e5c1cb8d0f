/** What most commands start with: find the root, read the repository, say what went wrong. */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { findRoot } from '../read/find-root.js';
import { readRepository, type ReadRepository } from '../read/repository.js';
import { UsageError } from '../errors.js';
import type { Context } from './context.js';
import type { ReadFlags } from './options.js';

export function rootOf(ctx: Context, flags: Pick<ReadFlags, 'root'>): string {
  return findRoot(ctx.cwd, flags.root);
}

export async function loadRepository(
  ctx: Context,
  flags: ReadFlags,
): Promise<ReadRepository & { root: string }> {
  const root = rootOf(ctx, flags);
  const loaded = await readRepository({ root, ref: flags.ref, env: ctx.env });
  return { root, ...loaded };
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
