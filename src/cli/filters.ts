/** Turns the shared filter flags into ranking options, refusing what the repository does not know. */
import { UsageError } from '../errors.js';
import { statusesOf } from '../model/lifecycle.js';
import type { Repository } from '../model/repository.js';
import type { RankOptions } from '../rank/rank.js';
import type { FilterFlags } from './specs/filters.js';

export type Filters = Pick<RankOptions, 'statuses' | 'team' | 'tags' | 'campaign'>;

/** `defaultAll`: list shows every status unless told; rank shows the open ones. */
export function readFilters(repo: Repository, options: FilterFlags, defaultAll: boolean): Filters {
  const filters: Filters = {};
  const known = statusesOf(repo.config.lifecycle);
  const statuses = options.status;
  if (statuses && !statuses.includes('all')) {
    const unknown = statuses.filter((status) => !known.includes(status));
    if (unknown.length > 0)
      throw new UsageError(
        `unknown status ${unknown.map((s) => `"${s}"`).join(', ')}`,
        `the statuses are: ${known.join(', ')}, or all`,
      );
    filters.statuses = statuses;
  } else if (statuses || defaultAll) filters.statuses = 'all';
  const team = options.team;
  if (team !== undefined) {
    const teams = Object.keys(repo.config.teams);
    if (!teams.includes(team) && !repo.ideas.some((idea) => idea.team === team))
      throw new UsageError(
        `no team "${team}" in ideas.config.yaml or in any idea`,
        teams.length > 0 ? `the teams are: ${teams.join(', ')}` : 'check the spelling',
      );
    filters.team = team;
  }
  const tags = options.tag;
  if (tags && tags.length > 0) filters.tags = tags;
  const campaign = options.campaign;
  if (campaign !== undefined) {
    const campaigns = Object.keys(repo.config.campaigns);
    if (!campaigns.includes(campaign))
      throw new UsageError(
        `no campaign "${campaign}" in ideas.config.yaml`,
        campaigns.length > 0
          ? `the campaigns are: ${campaigns.join(', ')}`
          : 'the config names no campaigns',
      );
    filters.campaign = campaign;
  }
  return filters;
}

/** `--limit N`: a whole number above 0. */
export function readLimit(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    throw new UsageError(`--limit takes a whole number above 0, not "${raw}"`);
  return Number(raw);
}

/** The width tables fit: the terminal's when it is wider than 80 columns, else 80. */
export function tableWidth(stdout: { isTTY?: boolean; columns?: number }): number {
  return stdout.isTTY && stdout.columns && stdout.columns > 80 ? stdout.columns : 80;
}
