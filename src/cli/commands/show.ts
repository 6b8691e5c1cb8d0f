/** `ideas show <id>`: one idea with its decisions, votes, customers, theme and similar ideas. */
import { ideaJson, ideaText } from '../../format/idea.js';
import { describeIdea } from '../../model/idea-detail.js';
import { statusOf } from '../../model/lifecycle.js';
import { ExitCode, UsageError } from '../../errors.js';
import { loadRepository } from '../repository.js';
import type { CommandHandler } from '../spec.js';

export const run: CommandHandler = async (ctx, args, options) => {
  const id = (args[0] ?? '').trim().toLowerCase();
  const { repo } = await loadRepository(ctx, options);
  const detail = describeIdea(repo, id);
  if (!detail) {
    const near = [...repo.ideasById.keys()].filter((known) => known.startsWith(id.slice(0, 2)));
    throw new UsageError(
      `there is no idea "${id}"${options.ref ? ` at ${String(options.ref)}` : ''}`,
      near.length > 0 && near.length <= 5
        ? `did you mean ${near.join(', ')}?`
        : 'run "ideas list" to see every id',
    );
  }
  ctx.out(
    options.format === 'json'
      ? ideaJson(detail)
      : ideaText(detail, { color: ctx.color, statusOf: (other) => statusOf(repo, other) }),
  );
  return ExitCode.ok;
};
