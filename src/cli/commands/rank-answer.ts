/** `ideas rank`'s work once its answer is not in the result cache: rank, cut, format. */
import { formatRank, formatRankNotes, type RankView } from '../../format/ranking.js';
import { rankIdeas } from '../../rank/rank.js';
import { buildRankTree } from '../../rank/tree.js';
import { ExitCode } from '../../errors.js';
import { readFilters } from '../filters.js';
import type { Answer } from '../../cache/result-cache.js';
import type { Context } from '../context.js';
import type { Progress } from '../progress.js';
import type { LoadedRepository } from '../repository.js';

import type { ReadFlags } from '../options.js';
import type { FilterFlags } from '../specs/filters.js';
import type { RankingModel } from '../../schema/ranking-models.js';
import type { RankFormat } from '../../format/ranking.js';
export function rankAnswer(
  ctx: Context,
  { repo, today }: LoadedRepository,
  options: RankOptions,
  { limit, width, progress }: { limit: number | undefined; width: number; progress: Progress },
): Answer {
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
}

export interface RankOptions extends ReadFlags {
  by: RankingModel | undefined;
  filters: FilterFlags;
  limit: string | undefined;
  at: string | undefined;
  tree: boolean;
  format: RankFormat;
}
