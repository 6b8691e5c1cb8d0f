/** `ideas list`'s work once its answer is not in the result cache: filter, sort, format. */
import { listJson, listTable } from '../../format/listing.js';
import { rankIdeas } from '../../rank/rank.js';
import { ExitCode } from '../../errors.js';
import { readFilters } from '../filters.js';
import { listCsv, listMarkdown } from '../../format/listing-files.js';
import { filterListing, readListFilter } from '../list-filters.js';
import type { Answer } from '../../cache/result-cache.js';
import type { Context } from '../context.js';
import type { LoadedRepository } from '../repository.js';

import type { ReadFlags } from '../options.js';
import type { FilterFlags } from '../specs/filters.js';
import type { LIST_FORMATS, LIST_SORTS } from '../choices.js';
export function listAnswer(
  ctx: Context,
  { root, repo, today }: LoadedRepository,
  options: ListOptions,
  { limit, width }: { limit: number | undefined; width: number },
): Answer {
  const entries = filterListing(
    rankIdeas(repo, {
      model: 'votes',
      today,
      ...readFilters(repo, options.filters, true),
    }),
    readListFilter(ctx, root, repo.config, options),
  );
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  entries.sort(
    (a, b) =>
      (options.sort === 'votes' ? b.votes - a.votes : 0) ||
      (options.sort === 'id'
        ? byId(a.idea.id, b.idea.id)
        : byId(b.idea.created, a.idea.created) || byId(a.idea.id, b.idea.id)),
  );
  const shown = limit === undefined ? entries : entries.slice(0, limit);
  const out =
    options.format === 'json'
      ? listJson(shown)
      : options.format === 'csv'
        ? listCsv(shown)
        : options.format === 'md'
          ? listMarkdown(shown)
          : listTable(shown, { width, color: ctx.color });
  return { out, err: '', code: ExitCode.ok };
}

export interface ListOptions extends ReadFlags {
  filters: FilterFlags;
  sort: (typeof LIST_SORTS)[number];
  limit: string | undefined;
  author: string | undefined;
  search: string | undefined;
  format: (typeof LIST_FORMATS)[number];
}
