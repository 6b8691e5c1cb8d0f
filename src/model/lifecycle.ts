/**
 * The lifecycle, as the config gives it: statuses, transitions, the main line, what counts as
 * delivered, what is closed, which statuses name a successor, and who may withdraw. Statuses
 * are never stored: an idea's status is its latest decision's (SPEC §2). Every command asks
 * these functions; none names a status itself.
 */
import type { Config } from '../schema/config.js';
import { sameHandle } from './people.js';
import type { Repository } from './repository.js';
import type { Decision, Idea } from './types.js';

export type Lifecycle = Config['lifecycle'];

export function statusOf(repo: Repository, ideaId: string): string {
  const decisions = repo.decisionsByIdea.get(ideaId);
  return decisions?.at(-1)?.status ?? repo.config.lifecycle.initial;
}

/** Every status of the lifecycle, in the order the config lists them. */
export function statusesOf(lifecycle: Lifecycle): string[] {
  return Object.keys(lifecycle.transitions);
}

/**
 * The statuses in the order lists show them: the main line, the side statuses, then any status
 * a decision carries that the lifecycle does not know (sorted), so no idea is ever left out.
 */
export function statusOrder(lifecycle: Lifecycle, present: Iterable<string> = []): string[] {
  const order = [...lifecycle.main];
  for (const status of statusesOf(lifecycle)) if (!order.includes(status)) order.push(status);
  const unknown = [...new Set(present)].filter((s) => !order.includes(s)).sort();
  return [...order, ...unknown];
}

export function isClosed(lifecycle: Lifecycle, status: string): boolean {
  return lifecycle.closed.includes(status);
}

/** Delivered: the statuses `lifecycle.done` names (default: the end of the main line). */
export function isDone(lifecycle: Lifecycle, status: string): boolean {
  return lifecycle.done.includes(status);
}

/** A decision to this status names the idea that replaces it (`duplicate_of`); votes follow. */
export function carriesSuccessor(lifecycle: Lifecycle, status: string): boolean {
  return lifecycle.successor.includes(status);
}

export function isKnownStatus(lifecycle: Lifecycle, status: string): boolean {
  return Object.hasOwn(lifecycle.transitions, status);
}

export function legalNext(lifecycle: Lifecycle, from: string): string[] {
  return lifecycle.transitions[from] ?? [];
}

export function isLegalTransition(lifecycle: Lifecycle, from: string, to: string): boolean {
  return legalNext(lifecycle, from).includes(to);
}

/** The status an idea's own author may record (`lifecycle.withdrawal`), if the lifecycle has one. */
export function isWithdrawal(lifecycle: Lifecycle, status: string): boolean {
  return lifecycle.withdrawal !== null && status === lifecycle.withdrawal;
}

/**
 * An author withdrawing their own idea: the one decision someone who is not a reviewer may
 * record (SPEC §2, §6). Handles compare without case, as forge logins do.
 */
export function isAuthorWithdrawal(
  lifecycle: Lifecycle,
  decision: Pick<Decision, 'status' | 'reviewers'>,
  idea: Pick<Idea, 'authors'> | undefined,
): boolean {
  if (!isWithdrawal(lifecycle, decision.status)) return false;
  const authors = idea?.authors ?? [];
  return (
    decision.reviewers.length > 0 &&
    decision.reviewers.every((who) => authors.some((author) => sameHandle(author, who)))
  );
}

/** The decision that closed the idea, when its current status is a closed one. */
export function closingDecision(repo: Repository, ideaId: string): Decision | undefined {
  const last = repo.decisionsByIdea.get(ideaId)?.at(-1);
  return last && isClosed(repo.config.lifecycle, last.status) ? last : undefined;
}

/** The idea a successor status points at, followed to its end (a duplicate of a duplicate). */
export function canonicalIdeaId(repo: Repository, ideaId: string): string {
  const lifecycle = repo.config.lifecycle;
  const seen = new Set<string>();
  let at = ideaId;
  for (;;) {
    const last = repo.decisionsByIdea.get(at)?.at(-1);
    if (!last?.duplicate_of || !carriesSuccessor(lifecycle, last.status) || seen.has(at)) return at;
    seen.add(at);
    at = last.duplicate_of;
  }
}

/** Where a status stands in the lifecycle, for colouring it: never by its name. */
export type StatusRole = 'done' | 'closed' | 'main' | 'open';

export function statusRole(
  lifecycle: Pick<Lifecycle, 'done' | 'closed' | 'main'>,
  status: string,
): StatusRole {
  if (lifecycle.done.includes(status)) return 'done';
  if (lifecycle.closed.includes(status)) return 'closed';
  return lifecycle.main.indexOf(status) > 0 ? 'main' : 'open';
}
