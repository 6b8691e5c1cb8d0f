/** The hidden `ideas __complete ids|statuses` that the completion scripts call. */
import { ExitCode } from '../../errors.js';
import { sanitizeLine } from '../../format/sanitize.js';
import type { ReadFlags } from '../options.js';
import { loadRepository } from '../repository.js';
import type { CommandHandler } from '../spec.js';

export const run: CommandHandler<ReadFlags> = async (ctx, args, options) => {
  let loaded;
  try {
    loaded = await loadRepository(ctx, options);
  } catch {
    return ExitCode.ok; // outside a repository there is nothing to offer, and nothing to say
  }
  const { repo } = loaded;
  if (args[0] === 'statuses') {
    ctx.out(
      Object.keys(repo.config.lifecycle.transitions)
        .map((s) => `${s}\n`)
        .join(''),
    );
  } else if (args[0] === 'ids') {
    // Ids are checked by the id pattern at parse time; titles are anyone's text: one clean line.
    ctx.out(
      [...repo.ideasById.values()]
        .map((idea) => `${idea.id}\t${sanitizeLine(idea.title)}\n`)
        .join(''),
    );
  }
  return ExitCode.ok;
};
