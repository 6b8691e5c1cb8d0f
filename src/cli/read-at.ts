/** Loads the repository for a read command, honouring `--at DATE` on top of `--ref`. */
import { commitAtDate } from '../git/history.js';
import type { Context } from './context.js';
import type { ReadFlags } from './options.js';
import { loadRepository, rootOf } from './repository.js';

export async function loadRepositoryAt(
  ctx: Context,
  flags: ReadFlags & { at?: string | undefined },
) {
  const { at } = flags;
  if (at === undefined) return { ...(await loadRepository(ctx, flags)), today: ctx.today };
  const root = rootOf(ctx, flags);
  const commit = commitAtDate(ctx.git(root), at, flags.ref ?? 'HEAD');
  // "Today" moves back too, so `hot` decays votes as they stood then.
  return { ...(await loadRepository(ctx, { ...flags, ref: commit })), today: at, commit };
}
