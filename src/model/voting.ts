/** The rules of the voting modes (SPEC §3): what a vote may carry and what it costs. */
import type { Config } from '../schema/config.js';
import { isClosed, statusOf } from './lifecycle.js';
import { handleKey } from './people.js';
import type { Repository } from './repository.js';
import type { Vote } from './types.js';

type Voting = Config['voting'];

/** What a vote of `points` costs from the voter's budget. */
export function voteCost(voting: Voting, points: number): number {
  return voting.mode === 'quadratic' ? points * points : Math.abs(points);
}

/** Why `points` is not allowed in this voting mode, or undefined when it is. */
export function pointsProblem(voting: Voting, points: number): string | undefined {
  if (points === 0) return 'a vote of 0 points says nothing: retract the vote instead';
  if (points < 0 && !voting.downvotes)
    return 'downvotes are off in this repository: use a positive number of points';
  if (voting.mode === 'simple' && Math.abs(points) !== 1) {
    return `simple voting takes ${voting.downvotes ? '1 or -1' : '1'} point per vote, not ${points}`;
  }
  if (voteCost(voting, points) > voting.budget) {
    return voting.mode === 'quadratic'
      ? `${points} points cost ${points * points}, more than the budget of ${voting.budget}`
      : `${points} points is more than the budget of ${voting.budget}`;
  }
  return undefined;
}

export interface BudgetUse {
  spent: number;
  /** The voter's votes on open ideas, oldest first. */
  votes: Vote[];
}

/**
 * Points each voter has put on open ideas; points on closed ideas are given back. Keyed by
 * handleKey: bob and Bob spend one budget.
 */
export function budgetUse(repo: Repository): Map<string, BudgetUse> {
  const use = new Map<string, BudgetUse>();
  const open = new Map<string, boolean>();
  const isOpen = (idea: string) => {
    let known = open.get(idea);
    if (known === undefined) {
      known = repo.ideasById.has(idea) && !isClosed(repo.config.lifecycle, statusOf(repo, idea));
      open.set(idea, known);
    }
    return known;
  };
  for (const vote of repo.votes) {
    if (!isOpen(vote.idea)) continue;
    const voter = handleKey(vote.voter);
    let entry = use.get(voter);
    if (!entry) use.set(voter, (entry = { spent: 0, votes: [] }));
    entry.spent += voteCost(repo.config.voting, vote.points);
    entry.votes.push(vote);
  }
  for (const entry of use.values())
    entry.votes.sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : a.path < b.path ? -1 : 1,
    );
  return use;
}
