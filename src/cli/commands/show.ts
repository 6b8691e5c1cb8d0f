/** `ideas show <id>`: one idea with its decisions, votes, customers, theme and similar ideas. */
import { ideaJson, ideaText } from '../../format/idea.js';
import { describeIdea } from '../../model/idea-detail.js';
import { statusOf } from '../../model/lifecycle.js';
import { ExitCode, UsageError } from '../../errors.js';
import { loadRepository, rootOf } from '../repository.js';
import { normaliseIdeaId, resolveIdeaId } from '../idea-id.js';
import { canonicalIdeaId } from '../../model/lifecycle.js';
import type { Repository } from '../../model/repository.js';
import { isRead, readToJudge } from '../../validate/affected.js';
import { emptySelection } from '../../validate/reach.js';
import { handleKey } from '../../model/people.js';
import { subsetReader } from '../read-selection.js';
import type { Context } from '../context.js';
import { countSupport } from '../../model/support.js';
import type { CommandHandler } from '../spec.js';
import type { ReadFlags } from '../options.js';

export interface ShowOptions extends ReadFlags {
  format: 'text' | 'json';
}

export const run: CommandHandler<ShowOptions> = async (ctx, args, options) => {
  const repo =
    options.at === undefined
      ? await readForShow(ctx, args[0] ?? '', options)
      : (await loadRepository(ctx, options)).repo;
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

/**
 * What showing one idea reads: every idea and decision (its theme, children, duplicates and
 * similar ideas, their statuses), the votes on it and its duplicates, and under a budget their
 * voters' other votes, which decide what each vote counts. Not the other ideas' votes.
 */
async function readForShow(ctx: Context, typed: string, options: ShowOptions): Promise<Repository> {
  const id = normaliseIdeaId(typed);
  const { read } = subsetReader({
    root: rootOf(ctx, options),
    ref: options.ref,
    env: ctx.env,
    cache: options.cache,
  });
  return readToJudge(read, [], (repo) => {
    const selection = emptySelection();
    selection.everyIdea = true;
    selection.votesOn.add(id);
    if (!isRead(repo)) return selection;
    for (const idea of repo.ideas)
      if (canonicalIdeaId(repo, idea.id) === id) selection.votesOn.add(idea.id);
    if (repo.config.voting.mode !== 'simple')
      for (const vote of repo.votes)
        if (selection.votesOn.has(vote.idea)) selection.votesBy.add(handleKey(vote.voter));
    return selection;
  });
}
