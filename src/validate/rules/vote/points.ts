import type { Rule } from '../../rule.js';
import { pointsProblem } from '../../../model/voting.js';

export const votePoints: Rule = {
  id: 'vote/points',
  severity: 'error',
  reads: { vote: [] },
  description:
    'Points fit the voting mode: 1 in simple, 1..budget in budget, n with n² ≤ budget in quadratic; negative only with downvotes on.',
  check(repo) {
    const findings = [];
    for (const vote of repo.votes) {
      const problem = pointsProblem(repo.config.voting, vote.points);
      if (problem) findings.push({ file: vote.path, field: ['points'], message: problem });
    }
    return findings;
  },
};
