import { isAuthorWithdrawal } from '../../model/lifecycle.js';
import type { Decision } from '../../model/types.js';
import type { PolicyFinding, PolicyRule } from '../rule.js';
import { handleKey, sameHandle } from '../../model/people.js';
import { addedDecisions } from './transition.js';

/** The configured reviewers who sign a decision, each once: what the quorum counts. */
export function signingReviewers(decision: Decision, reviewers: readonly string[]): string[] {
  const signed = decision.reviewers.filter((r) => reviewers.some((x) => sameHandle(x, r)));
  return [...new Set(signed.map(handleKey))];
}

export const decisionQuorum: PolicyRule = {
  id: 'policy/decision-quorum',
  severity: 'error',
  reads: { base: { decision: ['idea'] }, head: { decision: ['idea'] } },
  description: 'A decision carries the signatures of review.quorum reviewers of the base config.',
  check(scope) {
    const findings: PolicyFinding[] = [];
    const quorum = scope.input.base.config.review.quorum;
    for (const { decision } of addedDecisions(scope)) {
      // An author withdrawing their own idea needs no reviewer (the base's lifecycle says which status that is).
      const isWithdrawalByAuthor = isAuthorWithdrawal(
        scope.input.base.config.lifecycle,
        decision,
        scope.ideaById(decision.idea),
      );
      const signed = signingReviewers(decision, scope.reviewers);
      if (isWithdrawalByAuthor || signed.length >= quorum) continue;
      findings.push({
        file: decision.path,
        message: `the decision is signed by ${signed.length} of the ${quorum} reviewers the quorum needs`,
        allowed: `reviewers (${scope.reviewerList()}) must sign it: ${quorum} of them in reviewers`,
        field: ['reviewers'],
      });
    }
    return findings;
  },
};
