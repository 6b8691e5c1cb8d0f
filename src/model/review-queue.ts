/**
 * The review queue: what waits for a reviewer's decision, oldest wait first. `ideas queue` and
 * the report's waiting section both print this one list. The rule:
 *  - an idea in a status of `lifecycle.in_review` (default: reviewing) waits since the decision
 *    that put it there;
 *  - an idea still in the initial status waits once its support reaches `review.threshold`
 *    voters, since it arrived;
 * each dated by the record dates (git when it knows, the front matter otherwise). Pure: today
 * comes in.
 */
import type { Lifecycle } from './lifecycle.js';
import { statusOf } from './lifecycle.js';
import { daysBetween, type RecordDates } from './record-dates.js';
import type { Repository } from './repository.js';
import type { Support } from './support.js';
import { ideaTeam } from './teams.js';
import type { Idea } from './types.js';

export interface QueueEntry {
  idea: Idea;
  status: string;
  team: string | undefined;
  votes: number;
  points: number;
  /** The day the wait began. */
  waitingSince: string;
  waitingDays: number;
  stale: boolean;
}

export function reviewQueue(
  repo: Repository,
  support: Support,
  dates: RecordDates,
  today: string,
  /** Only these ideas (see model/scope.ts); default: every idea. */
  ideas: Iterable<Idea> = repo.ideasById.values(),
): QueueEntry[] {
  const { threshold, stale_after_days: staleAfter } = repo.config.review;
  const lifecycle = repo.config.lifecycle;
  const queue: QueueEntry[] = [];
  for (const idea of ideas) {
    if (idea.kind !== 'idea') continue;
    const status = statusOf(repo, idea.id);
    const counted = support.byIdea.get(idea.id) ?? [];
    let since: string;
    if (isInReview(lifecycle, status)) {
      const last = repo.decisionsByIdea.get(idea.id)?.at(-1);
      since = last ? dates.decision(last) : dates.arrival(idea);
    } else if (status === lifecycle.initial && counted.length >= threshold) {
      since = dates.arrival(idea);
    } else continue;
    const waitingDays = Math.max(0, daysBetween(since, today));
    queue.push({
      idea,
      status,
      team: ideaTeam(repo.config, idea),
      votes: counted.length,
      points: counted.reduce((sum, vote) => sum + vote.points, 0),
      waitingSince: since,
      waitingDays,
      stale: waitingDays > staleAfter,
    });
  }
  return queue.sort(
    (a, b) => compare(a.waitingSince, b.waitingSince) || compare(a.idea.id, b.idea.id),
  );
}

/** A status of `lifecycle.in_review`: its ideas wait for a decision whatever their votes. */
export function isInReview(lifecycle: Lifecycle, status: string): boolean {
  return lifecycle.in_review.includes(status);
}

/** What the queue is, in words, for every format: one sentence from the config. */
export function describeQueueRule(lifecycle: Lifecycle, threshold: number): string {
  const parts = [
    ...(lifecycle.in_review.length > 0 ? [lifecycle.in_review.join(' or ')] : []),
    `${lifecycle.initial} with ${threshold}+ voters`,
  ];
  return parts.join(', or ');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One waiting idea as `queue --format json` and the report's JSON both print it. */
export interface WaitingIdea {
  id: string;
  title: string;
  path: string;
  status: string;
  team: string | null;
  votes: number;
  points: number;
  waitingSince: string;
  waitingDays: number;
  stale: boolean;
}

export function waitingIdea(entry: QueueEntry): WaitingIdea {
  return {
    id: entry.idea.id,
    title: entry.idea.title,
    path: entry.idea.path,
    status: entry.status,
    team: entry.team ?? null,
    votes: entry.votes,
    points: entry.points,
    waitingSince: entry.waitingSince,
    waitingDays: entry.waitingDays,
    stale: entry.stale,
  };
}
