import type { Repository } from '../../../model/repository.js';
import type { Decision } from '../../../model/types.js';
import type { Rule } from '../../rule.js';

/** An author withdrawing their own idea needs no reviewer (SPEC §2). */
export function isAuthorWithdrawal(repo: Repository, decision: Decision): boolean {
  const authors = repo.ideasById.get(decision.idea)?.authors ?? [];
  return (
    decision.status === 'withdrawn' &&
    decision.reviewers.length > 0 &&
    decision.reviewers.every((r) => authors.includes(r))
  );
}

export const decisionQuorum: Rule = {
  id: 'decision/quorum',
  severity: 'error',
  description: 'At least review.quorum configured reviewers sign each decision.',
  check(repo) {
    const { quorum } = repo.config.review;
    return repo.decisions
      .filter((d) => !isAuthorWithdrawal(repo, d))
      .filter(
        (d) => new Set(d.reviewers.filter((r) => repo.config.reviewers.includes(r))).size < quorum,
      )
      .map((d) => ({
        file: d.path,
        field: ['reviewers'],
        message: `${quorum} reviewers must sign a decision and ${new Set(d.reviewers.filter((r) => repo.config.reviewers.includes(r))).size} did: add reviewers to the list`,
      }));
  },
};
