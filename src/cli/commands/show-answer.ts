/** `ideas show`'s work once its answer is not in the result cache: read, describe, format. */
import { ideaJson, ideaText } from '../../format/idea.js';
import { describeIdea } from '../../model/idea-detail.js';
import { canonicalIdeaId, statusOf } from '../../model/lifecycle.js';
import { UsageError } from '../../errors.js';
import { rootOf } from '../repository.js';
import { resolveIdeaId } from '../idea-id.js';
import type { Repository } from '../../model/repository.js';
import { isRead, readToJudge } from '../../validate/affected.js';
import type { IndexScan } from '../../read/index-scan.js';
import { handleKey } from '../../model/people.js';
import { subsetReader } from '../read-selection.js';
import type { Context } from '../context.js';
import { countSupport } from '../../model/support.js';
import { firstRead } from '../show-selection.js';

import type { ReadFlags } from '../options.js';
export function render(
  ctx: Context,
  repo: Repository,
  typed: string,
  options: ShowOptions,
): string {
  const id = resolveIdeaId(repo, typed, options.ref ? `at ${options.ref}` : '');
  const detail = describeIdea(repo, id, countSupport(repo));
  if (!detail) throw new UsageError(`there is no idea "${id}"`);
  return options.format === 'json'
    ? ideaJson(detail)
    : ideaText(detail, { color: ctx.color, statusOf: (other) => statusOf(repo, other) });
}

/**
 * What showing one idea reads: every idea and decision (its theme, children, duplicates and
 * similar ideas, their statuses), the votes on it and its duplicates, and under a budget their
 * voters' other votes, which decide what each vote counts. Not the other ideas' votes.
 */
export async function readForShow(
  ctx: Context,
  id: string,
  options: ShowOptions,
  scan?: IndexScan,
): Promise<Repository> {
  const { read } = subsetReader({
    root: rootOf(ctx, options),
    ref: options.ref,
    env: ctx.env,
    cache: options.cache,
    scan,
  });
  return readToJudge(read, [], (repo) => {
    const selection = firstRead(id);
    if (!isRead(repo)) return selection;
    for (const idea of repo.ideas)
      if (canonicalIdeaId(repo, idea.id) === id) selection.votesOn.add(idea.id);
    if (repo.config.voting.mode !== 'simple')
      for (const vote of repo.votes)
        if (selection.votesOn.has(vote.idea)) selection.votesBy.add(handleKey(vote.voter));
    return selection;
  });
}

export interface ShowOptions extends ReadFlags {
  format: 'text' | 'json';
}
