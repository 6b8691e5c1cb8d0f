import type { Finding, Rule } from '../../rule.js';
import { isAuthorWithdrawal } from '../../../model/lifecycle.js';
import { handleKey } from '../../../model/people.js';

export const decisionReviewer: Rule = {
  id: 'decision/reviewer',
  severity: 'error',
  reads: { decision: ['idea'] },
  description:
    "Decisions are signed by configured reviewers (names compared without case); an idea's author may sign its withdrawal.",
  check(repo) {
    const reviewers = repo.config.reviewers;
    // Handles compare without case, as forge logins and check's policy do.
    const known = new Set(reviewers.map(handleKey));
    const findings: Finding[] = [];
    for (const d of repo.decisions) {
      if (isAuthorWithdrawal(repo.config.lifecycle, d, repo.ideasById.get(d.idea))) continue;
      for (const name of d.reviewers) {
        if (known.has(handleKey(name))) continue;
        findings.push({
          file: d.path,
          field: ['reviewers'],
          message:
            reviewers.length === 0
              ? `"${name}" cannot sign: no reviewers are configured; add them under reviewers in ideas.config.yaml`
              : `"${name}" is not a reviewer (reviewers: ${reviewers.join(', ')}): a reviewer signs this decision`,
        });
      }
    }
    return findings;
  },
};
