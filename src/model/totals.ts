/**
 * How ideas are counted wherever a total is shown (IDEAS.md, the report, list): one record per
 * id (the first file of a repeated id; validate reports the second), ideas and themes apart,
 * and "delivered" = ideas whose status is one of lifecycle.done now.
 */
import { isDone, statusOf } from './lifecycle.js';
import type { Repository } from './repository.js';
import type { Idea } from './types.js';

export interface Totals {
  ideas: number;
  themes: number;
  delivered: number;
}

export function countTotals(
  repo: Repository,
  ideas: Iterable<Idea> = repo.ideasById.values(),
): Totals {
  const totals: Totals = { ideas: 0, themes: 0, delivered: 0 };
  for (const idea of ideas) {
    if (idea.kind === 'theme') {
      totals.themes++;
      continue;
    }
    totals.ideas++;
    if (isDone(repo.config.lifecycle, statusOf(repo, idea.id))) totals.delivered++;
  }
  return totals;
}
