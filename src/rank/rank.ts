/**
 * Ranking: ideas in order of score under a model (SPEC §7). Votes are counted once for all
 * models (duplicates folded into their target, budgets applied), then each idea is scored and
 * the list filtered and sorted. Pure: the day comes in through `today`.
 */
import { isClosed, statusOf } from '../model/lifecycle.js';
import type { Repository } from '../model/repository.js';
import type { Idea } from '../model/types.js';
import { ideaTeam, teamAndBelow, teamTree } from '../model/teams.js';
import type { RankingModel } from '../schema/config.js';
import { MODELS } from './models.js';
import {
  countSupport,
  type ClippedVote,
  type CountedVote,
  type Support,
} from '../model/support.js';

export interface RankedIdea {
  idea: Idea;
  status: string;
  /** The idea's team, or its first author's (model/teams.ts `ideaTeam`). */
  team: string | undefined;
  /** The model's score; null when the idea lacks what the model needs (see `missing`). */
  score: number | null;
  /** Distinct voters, duplicates' voters included. */
  votes: number;
  /** Sum of points, duplicates' votes included. */
  points: number;
  /** Why the idea has no score under this model, e.g. "no estimates.reach". */
  missing?: string;
  /** The votes counted for this idea, by voter. */
  support: CountedVote[];
  /** Votes on this idea the voter's budget cut down (budget and quadratic modes). */
  clipped: ClippedVote[];
}

export interface RankOptions {
  model?: RankingModel;
  today: string;
  /**
   * Only these statuses; `all`: every idea, whatever its status (one the lifecycle does not know
   * included); default: every status that is not closed.
   */
  statuses?: readonly string[] | 'all';
  /** Only ideas of this team or any team under it in the hierarchy. */
  team?: string;
  /** Only ideas carrying every one of these tags. */
  tags?: readonly string[];
  campaign?: string;
  /** The support count, when the caller already has it (the report): counted once. */
  support?: Support;
}

export function rankIdeas(repo: Repository, options: RankOptions): RankedIdea[] {
  const model = MODELS[options.model ?? repo.config.ranking.model];
  const { byIdea, clipped } = options.support ?? countSupport(repo);
  const clippedByIdea = new Map<string, ClippedVote[]>();
  for (const clip of clipped) {
    const list = clippedByIdea.get(clip.idea);
    if (list) list.push(clip);
    else clippedByIdea.set(clip.idea, [clip]);
  }
  const { statuses } = options;
  const wanted = (status: string) =>
    statuses === 'all'
      ? true
      : statuses
        ? statuses.includes(status)
        : !isClosed(repo.config.lifecycle, status);
  const teams =
    options.team === undefined
      ? undefined
      : teamAndBelow(teamTree(repo.config.teams), options.team);

  const ranked: RankedIdea[] = [];
  for (const idea of repo.ideasById.values()) {
    const team = ideaTeam(repo.config, idea);
    if (teams && (team === undefined || !teams.has(team))) continue;
    if (options.tags && !options.tags.every((tag) => idea.tags.includes(tag))) continue;
    if (options.campaign !== undefined && idea.campaign !== options.campaign) continue;
    const status = statusOf(repo, idea.id);
    if (!wanted(status)) continue;
    const support = byIdea.get(idea.id) ?? [];
    const result = model({
      estimates: idea.estimates,
      votes: support,
      today: options.today,
      halfLifeDays: repo.config.ranking.half_life_days,
    });
    const entry: RankedIdea = {
      idea,
      status,
      team,
      score: result.score,
      votes: support.length,
      points: support.reduce((sum, vote) => sum + vote.points, 0),
      support,
      clipped: clippedByIdea.get(idea.id) ?? [],
    };
    if (result.score === null) entry.missing = result.missing;
    ranked.push(entry);
  }
  return ranked.sort(compareRanked);
}

/** Best score first; ideas without a score last; ties by older idea, then id (SPEC §7). */
export function compareRanked(a: RankedIdea, b: RankedIdea): number {
  if (a.score === null || b.score === null) {
    if (a.score !== b.score) return a.score === null ? 1 : -1;
  } else if (a.score !== b.score) return b.score - a.score;
  return compareIdeaAge(a.idea, b.idea);
}

/** Older idea first, then id: the tie rule every ordered list uses. */
export function compareIdeaAge(a: Idea, b: Idea): number {
  if (a.created !== b.created) return a.created < b.created ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
