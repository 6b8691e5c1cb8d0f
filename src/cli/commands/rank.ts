/** `ideas rank`: ideas in order of score under a model, filtered, flat or as a theme tree. */
import { formatRank, formatRankNotes, type RankView } from '../../format/ranking.js';
import { rankIdeas } from '../../rank/rank.js';
import { buildRankTree } from '../../rank/tree.js';
import { ExitCode } from '../../errors.js';
import { readFilters, readLimit, tableWidth } from '../filters.js';
import { startProgress } from '../progress.js';
import { answerFromCache } from '../repository.js';
import type { CommandHandler } from '../spec.js';
import type { ReadFlags } from '../options.js';
import type { FilterFlags } from '../specs/filters.js';
import type { RankingModel } from '../../schema/ranking-models.js';
import type { RankFormat } from '../../format/ranking.js';

export interface RankOptions extends ReadFlags {
  by: RankingModel | undefined;
  filters: FilterFlags;
  limit: string | undefined;
  at: string | undefined;
  tree: boolean;
  format: RankFormat;
}

export const run: CommandHandler<RankOptions> = async (ctx, _args, options) => {
  const limit = readLimit(options.limit);
  const progress = startProgress(ctx);
  progress.phase('reading the repository');
  const width = tableWidth(ctx.stdout);
  const request = { command: 'rank', params: { options, width, color: ctx.color } };
  const answer = await answerFromCache(ctx, options, request, ({ repo, today }) => {
    progress.phase('ranking');
    const model = options.by ?? repo.config.ranking.model;
    const ranked = rankIdeas(repo, { model, today, ...readFilters(repo, options.filters, false) });
    let tree = options.tree ? buildRankTree(ranked) : undefined;
    if (tree && limit !== undefined) tree = tree.slice(0, limit);
    const view: RankView = {
      model,
      ranked: !tree && limit !== undefined ? ranked.slice(0, limit) : ranked,
      ...(tree ? { tree } : {}),
      voting: repo.config.voting,
      width,
      color: ctx.color,
    };
    const format = options.format;
    return {
      out: formatRank(format, view),
      // JSON and CSV stay pure data on stdout; what they cannot say goes to stderr.
      err: format === 'json' || format === 'csv' ? formatRankNotes(view, 'table').trimStart() : '',
      code: ExitCode.ok,
    };
  });
  progress.done();
  ctx.out(answer.out);
  if (answer.err) ctx.err(answer.err);
  return answer.code;
};
