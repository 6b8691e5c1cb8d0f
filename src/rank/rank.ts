/**
 * Ranking: ideas in order of score under a model (SPEC §7). This first version has the
 * `votes` and `weighted` models; the ranking issue brings the others and the filters.
 */
import { canonicalIdeaId, isClosed, statusOf } from '../model/lifecycle.js';
import type { Repository } from '../model/repository.js';
import type { Idea } from '../model/types.js';
import type { RankingModel } from '../schema/config.js';

export interface RankedIdea {
  idea: Idea;
  status: string;
  /** The model's score; null when the idea lacks what the model needs (see `missing`). */
  score: number | null;
  /** Distinct voters, duplicates' voters included. */
  votes: number;
  /** Sum of points, duplicates' votes included. */
  points: number;
  /** Why the idea has no score under this model, e.g. "no estimates.reach". */
  missing?: string;
}

export interface RankOptions {
  model?: RankingModel;
  today: string;
  /** Only these statuses; default: every status that is not closed. */
  statuses?: readonly string[];
}

export function rankIdeas(repo: Repository, options: RankOptions): RankedIdea[] {
  const model = options.model ?? repo.config.ranking.model;
  // Votes on an idea closed as duplicate count for the idea it duplicates, each voter once.
  const voters = new Map<string, Map<string, number>>();
  for (const vote of repo.votes) {
    const target = canonicalIdeaId(repo, vote.idea);
    let byVoter = voters.get(target);
    if (!byVoter) voters.set(target, (byVoter = new Map()));
    if (!byVoter.has(vote.voter)) byVoter.set(vote.voter, vote.points);
  }
  const wanted = (status: string) =>
    options.statuses ? options.statuses.includes(status) : !isClosed(repo.config.lifecycle, status);
  const ranked: RankedIdea[] = [];
  for (const idea of repo.ideasById.values()) {
    const status = statusOf(repo, idea.id);
    if (!wanted(status)) continue;
    const byVoter = voters.get(idea.id) ?? new Map<string, number>();
    let points = 0;
    for (const p of byVoter.values()) points += p;
    const votes = byVoter.size;
    const score = model === 'weighted' ? points : votes;
    ranked.push({ idea, status, score, votes, points });
  }
  return ranked.sort(compareRanked);
}

/** Best score first; ideas without a score last; ties by older idea, then id (SPEC §7). */
export function compareRanked(a: RankedIdea, b: RankedIdea): number {
  if (a.score === null || b.score === null) {
    if (a.score !== b.score) return a.score === null ? 1 : -1;
  } else if (a.score !== b.score) return b.score - a.score;
  if (a.idea.created !== b.idea.created) return a.idea.created < b.idea.created ? -1 : 1;
  return a.idea.id < b.idea.id ? -1 : a.idea.id > b.idea.id ? 1 : 0;
}
