/** `ideas queue`: the reviewers' worklist, oldest wait first, stale ones marked. */
import { queueJson, queueTable } from '../../format/listing.js';
import { reviewQueue } from '../../rank/queue.js';
import { ExitCode } from '../../errors.js';
import { loadRepository } from '../repository.js';
import { tableWidth } from '../filters.js';
import type { CommandHandler } from '../spec.js';
import type { ReadFlags } from '../options.js';

export interface QueueOptions extends ReadFlags {
  format: 'table' | 'json';
}

export const run: CommandHandler<QueueOptions> = async (ctx, _args, options) => {
  const { repo } = await loadRepository(ctx, options);
  const queue = reviewQueue(repo, ctx.today);
  ctx.out(
    options.format === 'json'
      ? queueJson(queue)
      : queueTable(queue, {
          width: tableWidth(ctx.stdout),
          color: ctx.color,
          staleAfter: repo.config.review.stale_after_days,
          threshold: repo.config.review.threshold,
        }),
  );
  return ExitCode.ok;
};
