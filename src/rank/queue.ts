/**
 * The reviewers' worklist: ideas in review, and proposed ideas whose support crossed the
 * threshold, oldest wait first. Pure: `today` comes in.
 */
import { statusOf } from '../model/lifecycle.js';
import type { Repository } from '../model/repository.js';
import type { Idea } from '../model/types.js';
import { countSupport } from '../model/support.js';

export const REVIEWING = 'reviewing';

export interface QueueEntry {
  idea: Idea;
  status: string;
  votes: number;
  points: number;
  /** The day the wait began: the move to reviewing, or the idea's creation when proposed. */
  since: string;
  daysWaiting: number;
  stale: boolean;
}

export function reviewQueue(repo: Repository, today: string): QueueEntry[] {
  const { byIdea } = countSupport(repo);
  const { threshold, stale_after_days: staleAfter } = repo.config.review;
  const initial = repo.config.lifecycle.initial;
  const queue: QueueEntry[] = [];
  for (const idea of repo.ideasById.values()) {
    const status = statusOf(repo, idea.id);
    const support = byIdea.get(idea.id) ?? [];
    if (status === initial) {
      if (support.length < threshold) continue;
    } else if (status !== REVIEWING) continue;
    const since =
      status === REVIEWING
        ? (repo.decisionsByIdea.get(idea.id)?.at(-1)?.date ?? idea.created)
        : idea.created;
    const daysWaiting = Math.max(
      0,
      Math.round((Date.parse(today) - Date.parse(since)) / 86_400_000),
    );
    queue.push({
      idea,
      status,
      votes: support.length,
      points: support.reduce((sum, vote) => sum + vote.points, 0),
      since,
      daysWaiting,
      stale: daysWaiting > staleAfter,
    });
  }
  return queue.sort(
    (a, b) =>
      (a.since < b.since ? -1 : a.since > b.since ? 1 : 0) ||
      (a.idea.id < b.idea.id ? -1 : a.idea.id > b.idea.id ? 1 : 0),
  );
}
