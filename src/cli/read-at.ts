/** Loads the repository for a read command, honouring `--at DATE` on top of `--ref`. */
import { commitAtDate } from '../git/history.js';
import type { Context } from './context.js';
import { loadRepository, rootOf } from './repository.js';
import type { CommandOptions } from './spec.js';

export async function loadRepositoryAt(ctx: Context, options: CommandOptions) {
  const at = options.at as string | undefined;
  if (at === undefined) return { ...(await loadRepository(ctx, options)), today: ctx.today };
  const root = rootOf(ctx, options);
  const commit = commitAtDate(root, at, (options.ref as string | undefined) ?? 'HEAD');
  // "Today" moves back too, so `hot` decays votes as they stood then.
  return { ...(await loadRepository(ctx, { ...options, ref: commit })), today: at, commit };
}
