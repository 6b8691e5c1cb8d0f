/**
 * What a pull request does, for the job summary: the records it adds, changes and removes, and
 * each touched idea's standing on the base tip and in the merge result. Pure; the standings come
 * from `rankIdeas`, the one home of scores and order.
 */
import { isClosed } from '../model/lifecycle.js';
import type { Repository } from '../model/repository.js';
import { placeFile } from '../model/layout.js';
import { rankIdeas } from '../rank/rank.js';
import type { PathChange } from './types.js';
import { signingReviewers } from './rules/decision-quorum.js';

export interface Standing {
  /** Place among the open ideas, best first; undefined for a closed idea. */
  rank: number | undefined;
  score: number | null;
  status: string;
  votes: number;
}

export interface ChangeSummary {
  model: string;
  ideasAdded: { id: string; title: string; path: string }[];
  votesCast: { idea: string; voter: string; points: number; changed: boolean; path: string }[];
  votesRetracted: { idea: string; voter: string; path: string }[];
  decisions: {
    idea: string;
    status: string;
    signedBy: string[];
    quorum: number;
    met: boolean;
    path: string;
  }[];
  /** Every idea the changes touch, with its standing before and after; absent where it does not exist. */
  ideas: { id: string; title: string; before?: Standing; after?: Standing }[];
  /** False when the branch does not merge cleanly: `after` is then the branch's own state. */
  merges: boolean;
}

export function summarizeChanges(input: {
  changes: readonly PathChange[];
  /** The whole repository at the base tip. */
  base: Repository;
  /** The whole repository as merged, or the head when the merge conflicts. */
  after: Repository;
  merges: boolean;
  today: string;
}): ChangeSummary {
  const { base, after } = input;
  const summary: ChangeSummary = {
    model: after.config.ranking.model,
    ideasAdded: [],
    votesCast: [],
    votesRetracted: [],
    decisions: [],
    ideas: [],
    merges: input.merges,
  };
  const touched = new Set<string>();
  const byPath = <T extends { path: string }>(items: readonly T[], path: string) =>
    items.find((item) => item.path === path);
  for (const change of input.changes) {
    const placed = placeFile(change.path);
    if ('id' in placed && placed.id) touched.add(placed.id);
    if (change.kind === 'idea' && change.status === 'added') {
      const idea = byPath(after.ideas, change.path);
      if (idea) summary.ideasAdded.push({ id: idea.id, title: idea.title, path: idea.path });
    } else if (change.kind === 'vote') {
      if (change.status === 'deleted') {
        const old = byPath(base.votes, change.path);
        if (old) summary.votesRetracted.push({ idea: old.idea, voter: old.voter, path: old.path });
        continue;
      }
      const vote = byPath(after.votes, change.path);
      if (vote)
        summary.votesCast.push({
          idea: vote.idea,
          voter: vote.voter,
          points: vote.points,
          changed: change.status === 'modified',
          path: vote.path,
        });
    } else if (change.kind === 'decision' && change.status === 'added') {
      const decision = byPath(after.decisions, change.path);
      if (!decision) continue;
      const signedBy = signingReviewers(decision, base.config.reviewers);
      const quorum = base.config.review.quorum;
      summary.decisions.push({
        idea: decision.idea,
        status: decision.status,
        signedBy,
        quorum,
        met: signedBy.length >= quorum,
        path: decision.path,
      });
    }
  }
  const before = standings(base, input.today);
  const later = standings(after, input.today);
  for (const id of [...touched].sort()) {
    const idea = after.ideasById.get(id) ?? base.ideasById.get(id);
    if (!idea) continue;
    const entry: ChangeSummary['ideas'][number] = { id, title: idea.title };
    const was = before.get(id);
    const is = later.get(id);
    if (was) entry.before = was;
    if (is) entry.after = is;
    summary.ideas.push(entry);
  }
  return summary;
}

/** Every idea's standing: scores under every status, places among the open ones. */
function standings(repo: Repository, today: string): Map<string, Standing> {
  const lifecycle = repo.config.lifecycle;
  const all = rankIdeas(repo, { today, statuses: Object.keys(lifecycle.transitions) });
  const found = new Map<string, Standing>();
  let place = 0;
  for (const ranked of all) {
    const open = !isClosed(lifecycle, ranked.status);
    if (open) place++;
    found.set(ranked.idea.id, {
      rank: open ? place : undefined,
      score: ranked.score,
      status: ranked.status,
      votes: ranked.votes,
    });
  }
  return found;
}
