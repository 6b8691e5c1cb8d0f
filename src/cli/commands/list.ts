/** `ideas list`: every idea matching the filters, newest first or by id. */
import { answerFromCache, loadRepository, type LoadedRepository } from '../repository.js';
import { readLimit, tableWidth } from '../filters.js';
import type { CommandHandler } from '../spec.js';

import type { ListOptions } from './list-answer.js';

export type { ListOptions };

export const run: CommandHandler<ListOptions> = async (ctx, _args, options) => {
  const limit = readLimit(options.limit);
  const width = tableWidth(ctx.stdout);
  // The ranking, the filters and the formats load once the answer is not in the result cache.
  const produce = async (loaded: LoadedRepository) =>
    (await import('./list-answer.js')).listAnswer(ctx, loaded, options, { limit, width });
  // `--author @me` depends on who runs it (the git email): answered afresh every time.
  const answer =
    options.author?.trim() === '@me'
      ? await produce(await loadRepository(ctx, options))
      : await answerFromCache(
          ctx,
          options,
          { command: 'list', params: { options, width, color: ctx.color } },
          produce,
        );
  ctx.out(answer.out);
  return answer.code;
};
