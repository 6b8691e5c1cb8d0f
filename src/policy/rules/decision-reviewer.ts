import { isWithdrawal } from '../../model/lifecycle.js';
import type { PolicyFinding, PolicyRule } from '../rule.js';
import { sameHandle } from '../../model/people.js';
import type { Acting } from '../types.js';
import { addedDecisions } from './transition.js';

export const decisionReviewer: PolicyRule = {
  id: 'policy/decision-reviewer',
  severity: 'error',
  reads: { base: { decision: ['idea'] }, head: { decision: ['idea'] } },
  description:
    'A decision is added only by a reviewer who signs it; an author may withdraw their own idea (lifecycle.withdrawal).',
  check(scope) {
    const findings: PolicyFinding[] = [];
    const lifecycle = scope.input.base.config.lifecycle;
    for (const { decision, actedOn } of addedDecisions(scope)) {
      const authors = scope.ideaById(decision.idea)?.authors ?? [];
      const signs = (a: Acting) => decision.reviewers.some((r) => sameHandle(r, a.handle));
      const authorWithdrawal = (a: Acting) =>
        isWithdrawal(lifecycle, decision.status) &&
        authors.some((x) => sameHandle(x, a.handle)) &&
        signs(a);
      const who = scope.refused(
        actedOn,
        (a) => (scope.isReviewer(a) && signs(a)) || authorWithdrawal(a),
      );
      if (!who) continue;
      findings.push({
        file: decision.path,
        message: `${who} added a decision (${decision.status}) without being a reviewer who signs it`,
        allowed: `only a reviewer (${scope.reviewerList()}) may add it and sign it in reviewers${authors.length > 0 ? `; ${authors.join(', ')} may add ${lifecycle.withdrawal ?? 'a withdrawal'} for their own idea` : ''}`,
        field: ['reviewers'],
      });
    }
    return findings;
  },
};
