import type { Repository } from '../../../model/repository.js';
import type { Decision } from '../../../model/types.js';
import type { Finding, Rule } from '../../rule.js';

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
    const findings: Finding[] = [];
    for (const d of repo.decisions) {
      if (isAuthorWithdrawal(repo, d)) continue;
      const signed = new Set(d.reviewers.filter((r) => repo.config.reviewers.includes(r))).size;
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
