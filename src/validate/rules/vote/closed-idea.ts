import type { Finding, Rule } from '../../rule.js';
import { carriesSuccessor, closingDecision } from '../../../model/lifecycle.js';

export const voteClosedIdea: Rule = {
  id: 'vote/closed-idea',
  severity: 'error',
  reads: { vote: ['decisions'] },
  description: 'No vote is dated after the decision that closed its idea.',
  check(repo) {
    const findings: Finding[] = [];
    for (const vote of repo.votes) {
      const closing = closingDecision(repo, vote.idea);
      if (!closing || vote.date <= closing.date) continue;
      findings.push({
        file: vote.path,
        field: ['date'],
        message: `"${vote.idea}" was closed as ${closing.status} on ${closing.date}: it takes no new votes${carriesSuccessor(repo.config.lifecycle, closing.status) && closing.duplicate_of ? `; vote for ${closing.duplicate_of} instead` : ''}`,
      });
    }
    return findings;
  },
};
