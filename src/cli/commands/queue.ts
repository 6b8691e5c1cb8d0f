/** `ideas queue`: the reviewers' worklist, oldest wait first, stale ones marked. */
import { queueJson, queueTable } from '../../format/listing.js';
import { sanitizeLine } from '../../format/sanitize.js';
import { readFileHistory } from '../../git/file-history.js';
import { historyKeys, resolveDates } from '../../model/record-dates.js';
import { describeQueueRule, reviewQueue } from '../../model/review-queue.js';
import { ideasInScope } from '../../model/scope.js';
import { countSupport } from '../../model/support.js';
import { ExitCode } from '../../errors.js';
import { loadRepository } from '../repository.js';
import { readScope, tableWidth } from '../filters.js';
import type { CommandHandler } from '../spec.js';
import type { ReadFlags } from '../options.js';

export interface QueueOptions extends ReadFlags {
  format: 'table' | 'json';
  team: string | undefined;
  campaign: string | undefined;
  since: string | undefined;
}

export const run: CommandHandler<QueueOptions> = async (ctx, _args, options) => {
  const { root, repo, ref, today } = await loadRepository(ctx, options);
  const scope = readScope(repo, options);
  // The same dates as the report: git's when it knows, the front matter's otherwise.
  const dates = resolveDates(repo, readFileHistory(ctx.git(root), ref, historyKeys(repo)));
  const queue = reviewQueue(
    repo,
    countSupport(repo),
    dates,
    today,
    ideasInScope(repo, scope, dates),
  );
  ctx.out(
    options.format === 'json'
      ? queueJson(queue)
      : queueTable(queue, {
          width: tableWidth(ctx.stdout),
          color: ctx.color,
          staleAfter: repo.config.review.stale_after_days,
          rule: describeQueueRule(repo.config.lifecycle, repo.config.review.threshold),
        }),
  );
  if (dates.source.note !== null) ctx.err(`ideas: note: ${sanitizeLine(dates.source.note)}\n`);
  return ExitCode.ok;
};
