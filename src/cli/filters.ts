/** Turns the shared filter flags into typed values, refusing what the repository does not know. */
import { UsageError } from '../errors.js';
import { statusesOf } from '../model/lifecycle.js';
import type { Scope } from '../model/scope.js';
import { ideaTeam } from '../model/teams.js';
import type { Repository } from '../model/repository.js';
import type { RankOptions } from '../rank/rank.js';
import type { FilterFlags } from './specs/filters.js';
import { isRealDate, normaliseTag } from '../schema/patterns.js';

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
  const team = readTeam(repo, options.team);
  if (team !== undefined) filters.team = team;
  const tags = options.tag;
  // Tags are stored normalised (lower case, trimmed): `--tag Logistics` finds `logistics`.
  if (tags && tags.length > 0) filters.tags = tags.map(normaliseTag);
  const campaign = readCampaign(repo, options.campaign);
  if (campaign !== undefined) filters.campaign = campaign;
  return filters;
}

/**
 * The scope flags every read command shares (rank, list, queue, report), checked one way:
 * `--team` (a team of the config or of any idea, sub-teams included), `--campaign`, `--since`.
 */
/** The flags readScope reads, as each command's typed options carry them. */
export interface ScopeFlags {
  team?: string | undefined;
  campaign?: string | undefined;
  since?: string | undefined;
}

export function readScope(repo: Repository, options: ScopeFlags): Scope {
  const scope: Scope = {};
  const team = readTeam(repo, options.team);
  if (team !== undefined) scope.team = team;
  const campaign = readCampaign(repo, options.campaign);
  if (campaign !== undefined) scope.campaign = campaign;
  const since = readSince(options.since);
  if (since !== undefined) scope.since = since;
  return scope;
}

function readTeam(repo: Repository, team: string | undefined): string | undefined {
  if (team === undefined) return undefined;
  const teams = Object.keys(repo.config.teams);
  if (
    !Object.hasOwn(repo.config.teams, team) &&
    !repo.ideas.some((idea) => ideaTeam(repo.config, idea) === team)
  )
    throw new UsageError(
      `no team "${team}" in ideas.config.yaml or in any idea`,
      teams.length > 0 ? `the teams are: ${teams.join(', ')}` : 'check the spelling',
    );
  return team;
}

function readCampaign(repo: Repository, campaign: string | undefined): string | undefined {
  if (campaign === undefined) return undefined;
  const campaigns = Object.keys(repo.config.campaigns);
  if (!Object.hasOwn(repo.config.campaigns, campaign))
    throw new UsageError(
      `no campaign "${campaign}" in ideas.config.yaml`,
      campaigns.length > 0
        ? `the campaigns are: ${campaigns.join(', ')}`
        : 'the config names no campaigns',
    );
  return campaign;
}

function readSince(since: string | undefined): string | undefined {
  if (since !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(since) || !isRealDate(since)))
    throw new UsageError(
      `--since ${since} is not a date`,
      'write it as YYYY-MM-DD, a day that exists',
    );
  return since;
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
