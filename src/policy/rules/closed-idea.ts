import { closingDecision } from '../../model/lifecycle.js';
import type { PolicyFinding, PolicyRule } from '../rule.js';

export const closedIdea: PolicyRule = {
  id: 'policy/closed-idea',
  severity: 'error',
  reads: { base: { vote: ['decisions'] }, head: { vote: [] } },
  description:
    'No vote is added or changed on an idea the base has closed, whatever date the vote claims.',
  supersedes: ['vote/closed-idea'],
  check(scope) {
    const findings: PolicyFinding[] = [];
    for (const change of scope.of('vote')) {
      if (change.status === 'deleted') continue; // Taking a vote back adds no support.
      const vote = scope.headVotes.get(change.path);
      const closing = vote && closingDecision(scope.input.base, vote.idea);
      if (!vote || !closing) continue;
      findings.push({
        file: change.path,
        message: `"${vote.idea}" is ${closing.status} on the base since ${closing.date} (${closing.path}), and a closed idea takes no new votes, even one dated ${vote.date}`,
        allowed: `nobody may vote on it now${closing.status === 'duplicate' && closing.duplicate_of ? `: vote for ${closing.duplicate_of} instead` : ''}`,
        field: ['date'],
      });
    }
    return findings;
  },
};
