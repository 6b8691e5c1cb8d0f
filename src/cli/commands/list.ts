/** `ideas list`: every idea matching the filters, newest first or by id. */
import { listJson, listTable } from '../../format/listing.js';
import { rankIdeas } from '../../rank/rank.js';
import { ExitCode } from '../../errors.js';
import { answerFromCache, loadRepository, type LoadedRepository } from '../repository.js';
import { readFilters, readLimit, tableWidth } from '../filters.js';
import type { CommandHandler } from '../spec.js';
import { listCsv, listMarkdown } from '../../format/listing-files.js';
import { filterListing, readListFilter } from '../list-filters.js';
import type { ReadFlags } from '../options.js';
import type { FilterFlags } from '../specs/filters.js';
import type { LIST_FORMATS, LIST_SORTS } from '../choices.js';

export interface ListOptions extends ReadFlags {
  filters: FilterFlags;
  sort: (typeof LIST_SORTS)[number];
  limit: string | undefined;
  author: string | undefined;
  search: string | undefined;
  format: (typeof LIST_FORMATS)[number];
}

export const run: CommandHandler<ListOptions> = async (ctx, _args, options) => {
  const limit = readLimit(options.limit);
  const width = tableWidth(ctx.stdout);
  const produce = ({ root, repo, today }: LoadedRepository) => {
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
  };
  // `--author @me` depends on who runs it (the git email): answered afresh every time.
  const answer =
    options.author?.trim() === '@me'
      ? produce(await loadRepository(ctx, options))
      : await answerFromCache(
          ctx,
          options,
          { command: 'list', params: { options, width, color: ctx.color } },
          produce,
        );
  ctx.out(answer.out);
  return answer.code;
};
