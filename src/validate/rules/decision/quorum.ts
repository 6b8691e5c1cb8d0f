import { isAuthorWithdrawal } from '../../../model/lifecycle.js';
import { signingReviewers } from '../../../policy/rules/decision-quorum.js';
import type { Finding, Rule } from '../../rule.js';

export const decisionQuorum: Rule = {
  id: 'decision/quorum',
  severity: 'error',
  reads: { decision: ['idea'] },
  description:
    'At least review.quorum configured reviewers sign each decision (names compared without case).',
  check(repo) {
    const { quorum } = repo.config.review;
    const findings: Finding[] = [];
    for (const d of repo.decisions) {
      // An author withdrawing their own idea needs no reviewer (SPEC §2).
      if (isAuthorWithdrawal(repo.config.lifecycle, d, repo.ideasById.get(d.idea))) continue;
      // Handles compare without case, as check's policy counts them: Carol is the reviewer carol.
      const signed = signingReviewers(d, repo.config.reviewers).length;
      if (signed >= quorum) continue;
      findings.push({
        file: d.path,
        field: ['reviewers'],
        message: `a decision needs ${quorum} reviewer${quorum === 1 ? '' : 's'} to sign it and has ${signed}: add reviewers (${repo.config.reviewers.join(', ') || 'none configured'}) to the list`,
      });
    }
    return findings;
  },
};
