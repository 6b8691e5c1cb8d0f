/**
 * Which votes count, and for how much: votes on an idea closed with a successor (a duplicate)
 * move to that idea (each voter once, their own vote on it first), and under budget or quadratic
 * voting a voter's votes count, oldest first, only up to the budget. This is the one count of
 * voters and points: rank, rank --tree, the report, the index and show all read it.
 */
import { canonicalIdeaId, isClosed, statusOf } from './lifecycle.js';
import { handleKey } from './people.js';
import type { Repository } from './repository.js';
import type { Vote } from './types.js';
import { voteCost } from './voting.js';

/** One voter's support for one idea, as the ranking counts it. */
export interface CountedVote {
  voter: string;
  /** Points counted: the vote's own, or fewer when the voter went over the budget. */
  points: number;
  date: string;
  /** The idea the vote was written for (differs from the target for a duplicate's vote). */
  from: string;
  /** Customers the voter named. */
  customers: string[];
  /** The vote file itself, for its record date (always set by countSupport). */
  file?: Vote;
}

/** Voters and points of one idea's counted votes. */
export interface SupportTotals {
  voters: number;
  points: number;
}

/**
 * The support of several ideas together (a theme and everything under it): each voter once,
 * points summed over every counted vote, so a voter backing two ideas of a theme adds both.
 */
export function combinedSupport(lists: Iterable<readonly CountedVote[]>): SupportTotals {
  const voters = new Set<string>();
  let points = 0;
  for (const list of lists)
    for (const vote of list) {
      voters.add(handleKey(vote.voter));
      points += vote.points;
    }
  return { voters: voters.size, points };
}

/** A vote the budget cut down: `given` written, `counted` counted. */
export interface ClippedVote {
  voter: string;
  idea: string;
  given: number;
  counted: number;
}

export interface Support {
  /** Counted votes by target idea; a vote cut to 0 points is left out. */
  byIdea: Map<string, CountedVote[]>;
  clipped: ClippedVote[];
}

export function countSupport(repo: Repository): Support {
  // 1. Each vote goes to its canonical idea; a voter counts once per target. The voter's own
  //    vote on the target wins over one on a duplicate of it, then the oldest.
  const chosen = new Map<string, Map<string, Vote>>();
  // Ten votes per idea is common: follow each idea's duplicate chain once, not once per vote.
  const targets = new Map<string, string>();
  for (const vote of repo.votes) {
    let target = targets.get(vote.idea);
    if (target === undefined) targets.set(vote.idea, (target = canonicalIdeaId(repo, vote.idea)));
    let byVoter = chosen.get(target);
    if (!byVoter) chosen.set(target, (byVoter = new Map()));
    // One person whatever the case of the name (bob, Bob), as forge logins are.
    const voter = handleKey(vote.voter);
    const held = byVoter.get(voter);
    if (!held || preferVote(vote, held, target)) byVoter.set(voter, vote);
  }

  const counted = new Map<Vote, number>();
  const clipped: ClippedVote[] = [];
  const voting = repo.config.voting;
  if (voting.mode !== 'simple') {
    // 2. Budgets: only votes on open ideas spend; points on closed ideas are given back.
    const open = (id: string) =>
      repo.ideasById.has(id) && !isClosed(repo.config.lifecycle, statusOf(repo, id));
    const byVoter = new Map<string, { vote: Vote; target: string }[]>();
    for (const [target, votes] of chosen) {
      if (!open(target)) continue;
      for (const vote of votes.values()) {
        const voter = handleKey(vote.voter);
        const list = byVoter.get(voter);
        if (list) list.push({ vote, target });
        else byVoter.set(voter, [{ vote, target }]);
      }
    }
    for (const list of byVoter.values()) {
      list.sort((a, b) => compareVoteAge(a.vote, b.vote));
      let left = voting.budget;
      for (const { vote, target } of list) {
        const points = affordable(voting.mode, vote.points, left);
        left -= voteCost(voting, points);
        if (points !== vote.points) {
          counted.set(vote, points);
          clipped.push({ voter: vote.voter, idea: target, given: vote.points, counted: points });
        }
      }
    }
    clipped.sort(
      (a, b) => compare(a.voter, b.voter) || compare(a.idea, b.idea) || a.given - b.given,
    );
  }

  const byIdea = new Map<string, CountedVote[]>();
  for (const [target, votes] of chosen) {
    const list: CountedVote[] = [];
    for (const vote of votes.values()) {
      const points = counted.get(vote) ?? vote.points;
      if (points === 0) continue;
      list.push({
        voter: vote.voter,
        points,
        date: vote.date,
        from: vote.idea,
        customers: vote.customers,
        file: vote,
      });
    }
    list.sort((a, b) => compare(a.voter, b.voter));
    byIdea.set(target, list);
  }
  return { byIdea, clipped };
}

/** The most of `points` that `left` of the budget pays for, keeping the vote's sign. */
export function affordable(mode: 'budget' | 'quadratic', points: number, left: number): number {
  if (left <= 0) return 0;
  const size = Math.abs(points);
  const fits = mode === 'quadratic' ? Math.floor(Math.sqrt(left)) : left;
  return Math.sign(points) * Math.min(size, fits);
}

function preferVote(candidate: Vote, held: Vote, target: string): boolean {
  const own = (vote: Vote) => vote.idea === target;
  if (own(candidate) !== own(held)) return own(candidate);
  return compareVoteAge(candidate, held) < 0;
}

function compareVoteAge(a: Vote, b: Vote): number {
  return compare(a.date, b.date) || compare(a.path, b.path);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
