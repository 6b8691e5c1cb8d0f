/** `ideas rank`: ideas in order of score under a model, filtered, flat or as a theme tree. */
import { readLimit, tableWidth } from '../filters.js';
import { startProgress } from '../progress.js';
import { answerFromCache } from '../repository.js';
import type { CommandHandler } from '../spec.js';

import type { RankOptions } from './rank-answer.js';

export type { RankOptions };

export const run: CommandHandler<RankOptions> = async (ctx, _args, options) => {
  const limit = readLimit(options.limit);
  const progress = startProgress(ctx);
  progress.phase('reading the repository');
  const width = tableWidth(ctx.stdout);
  const request = { command: 'rank', params: { options, width, color: ctx.color } };
  const answer = await answerFromCache(ctx, options, request, async (loaded) => {
    // The ranking and its formats load once the answer is not in the result cache.
    const { rankAnswer } = await import('./rank-answer.js');
    return rankAnswer(ctx, loaded, options, { limit, width, progress });
  });
  progress.done();
  ctx.out(answer.out);
  if (answer.err) ctx.err(answer.err);
  return answer.code;
};
