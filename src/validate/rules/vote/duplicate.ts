import { handleKey } from '../../../model/people.js';
import type { Finding, Rule } from '../../rule.js';

export const voteDuplicate: Rule = {
  id: 'vote/duplicate',
  severity: 'error',
  reads: { vote: ['co-votes'] },
  description: 'One vote per voter per idea (voter names compared without case).',
  check(repo) {
    const findings: Finding[] = [];
    for (const [idea, votes] of repo.votesByIdea) {
      const first = new Map<string, string>();
      for (const vote of votes) {
        const key = handleKey(vote.voter);
        const earlier = first.get(key);
        if (earlier === undefined) first.set(key, vote.path);
        else
          findings.push({
            file: vote.path,
            field: ['voter'],
            message: `${vote.voter} already voted for "${idea}" in ${earlier}: keep one vote and change its points instead`,
          });
      }
    }
    return findings;
  },
};
