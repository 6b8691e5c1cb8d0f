/**
 * The report's review section: the queue (model/review-queue.ts, the list `ideas queue` prints),
 * stale ideas, the load of each configured reviewer, and author withdrawals as their own figure.
 */
import { isAuthorWithdrawal, isClosed, isDone } from '../model/lifecycle.js';
import type { RecordDates } from '../model/record-dates.js';
import type { Repository } from '../model/repository.js';
import {
  describeQueueRule,
  waitingIdea,
  type QueueEntry,
  type WaitingIdea,
} from '../model/review-queue.js';
import type { CountedVote } from '../model/support.js';
import type { Decision, Idea } from '../model/types.js';
import type { Timeline } from './funnel.js';
import type { PersonName } from './person-names.js';
import type { IdeaRef, Report, ReviewerLoad } from './report-types.js';
import { daysBetween } from './stats.js';
import { refWith } from './idea-ref.js';

export function buildReview(
  repo: Repository,
  queue: readonly QueueEntry[],
  leaves: readonly Idea[],
  decisions: readonly Decision[],
  timelines: ReadonlyMap<string, Timeline>,
  refOf: (idea: Idea) => IdeaRef,
  votersOf: (id: string) => readonly CountedVote[],
  dates: RecordDates,
  today: string,
  name: PersonName,
): Report['review'] {
  const { threshold, stale_after_days: staleAfter } = repo.config.review;
  const lifecycle = repo.config.lifecycle;

  // Stale: open ideas on the main line, not yet delivered, with no event for too long. Side
  // statuses that stay open (deferred) wait on purpose.
  const stale: WaitingIdea[] = [];
  for (const idea of leaves) {
    const ref = refOf(idea);
    if (!lifecycle.main.includes(ref.status)) continue;
    if (isClosed(lifecycle, ref.status) || isDone(lifecycle, ref.status)) continue;
    const since = timelines.get(idea.id)?.at(-1)?.day ?? dates.arrival(idea);
    const waitingDays = Math.max(0, daysBetween(since, today));
    if (waitingDays <= staleAfter) continue;
    const counted = votersOf(idea.id);
    stale.push(
      refWith(ref, {
        votes: counted.length,
        points: counted.reduce((sum, vote) => sum + vote.points, 0),
        waitingSince: since,
        waitingDays,
        stale: true,
      }),
    );
  }
  stale.sort((a, b) => b.waitingDays - a.waitingDays || (a.id < b.id ? -1 : 1));

  const load = new Map<string, ReviewerLoad>(
    repo.config.reviewers.map((reviewer) => [
      reviewer,
      { reviewer, decisions: 0, openItems: 0, lastDecision: null },
    ]),
  );
  let authorWithdrawals = 0;
  for (const d of decisions) {
    if (isAuthorWithdrawal(lifecycle, d, repo.ideasById.get(d.idea))) {
      authorWithdrawals++;
      continue;
    }
    const day = dates.decision(d);
    for (const who of new Set(d.reviewers.map(name))) {
      const row = load.get(who);
      if (!row) continue; // Not a configured reviewer: validate reports the decision.
      row.decisions++;
      if (row.lastDecision === null || day > row.lastDecision) row.lastDecision = day;
    }
  }
  for (const entry of queue) {
    const latest = repo.decisionsByIdea.get(entry.idea.id)?.at(-1);
    for (const who of new Set((latest?.reviewers ?? []).map(name))) {
      const row = load.get(who);
      if (row) row.openItems++;
    }
  }
  return {
    rule: describeQueueRule(lifecycle, threshold),
    threshold,
    staleAfterDays: staleAfter,
    queue: queue.map(waitingIdea),
    stale,
    reviewers: [...load.values()].sort(
      (a, b) => b.decisions - a.decisions || (a.reviewer < b.reviewer ? -1 : 1),
    ),
    authorWithdrawals,
  };
}
