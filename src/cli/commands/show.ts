/** `ideas show <id>`: one idea with its decisions, votes, customers, theme and similar ideas. */
import { ideaJson, ideaText } from '../../format/idea.js';
import { describeIdea } from '../../model/idea-detail.js';
import { statusOf } from '../../model/lifecycle.js';
import { ExitCode, UsageError } from '../../errors.js';
import { loadRepository } from '../repository.js';
import { resolveIdeaId } from '../idea-id.js';
import { countSupport } from '../../model/support.js';
import type { CommandHandler } from '../spec.js';
import type { ReadFlags } from '../options.js';

export interface ShowOptions extends ReadFlags {
  format: 'text' | 'json';
}

export const run: CommandHandler<ShowOptions> = async (ctx, args, options) => {
  const { repo } = await loadRepository(ctx, options);
  const id = resolveIdeaId(repo, args[0] ?? '', options.ref ? `at ${options.ref}` : '');
  const detail = describeIdea(repo, id, countSupport(repo));
  if (!detail) throw new UsageError(`there is no idea "${id}"`);
  ctx.out(
    options.format === 'json'
      ? ideaJson(detail)
      : ideaText(detail, { color: ctx.color, statusOf: (other) => statusOf(repo, other) }),
  );
  return ExitCode.ok;
};
