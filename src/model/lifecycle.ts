/** Statuses are never stored: an idea's status is its latest decision's (SPEC §2). */
import type { Config } from '../schema/config.js';
import type { Repository } from './repository.js';
import type { Decision } from './types.js';

type Lifecycle = Config['lifecycle'];

export function statusOf(repo: Repository, ideaId: string): string {
  const decisions = repo.decisionsByIdea.get(ideaId);
  return decisions?.at(-1)?.status ?? repo.config.lifecycle.initial;
}

export function isClosed(lifecycle: Lifecycle, status: string): boolean {
  return lifecycle.closed.includes(status);
}

export function isKnownStatus(lifecycle: Lifecycle, status: string): boolean {
  return status in lifecycle.transitions;
}

export function legalNext(lifecycle: Lifecycle, from: string): string[] {
  return lifecycle.transitions[from] ?? [];
}

export function isLegalTransition(lifecycle: Lifecycle, from: string, to: string): boolean {
  return legalNext(lifecycle, from).includes(to);
}

/** The decision that closed the idea, when its current status is a closed one. */
export function closingDecision(repo: Repository, ideaId: string): Decision | undefined {
  const last = repo.decisionsByIdea.get(ideaId)?.at(-1);
  return last && isClosed(repo.config.lifecycle, last.status) ? last : undefined;
}

/** The idea a duplicate points at, followed to its end (a duplicate of a duplicate). */
export function canonicalIdeaId(repo: Repository, ideaId: string): string {
  const seen = new Set<string>();
  let at = ideaId;
  for (;;) {
    const last = repo.decisionsByIdea.get(at)?.at(-1);
    if (last?.status !== 'duplicate' || !last.duplicate_of || seen.has(at)) return at;
    seen.add(at);
    at = last.duplicate_of;
  }
}
