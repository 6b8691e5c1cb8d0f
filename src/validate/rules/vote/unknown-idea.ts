import { hasIdea } from '../../../model/repository.js';
import type { Rule } from '../../rule.js';

export const voteUnknownIdea: Rule = {
  id: 'vote/unknown-idea',
  severity: 'error',
  reads: { vote: ['idea-ids'] },
  description: 'A vote is for an idea that exists.',
  check(repo) {
    return repo.votes
      .filter((vote) => !hasIdea(repo, vote.idea))
      .map((vote) => ({
        file: vote.path,
        field: ['idea'],
        message: `there is no idea "${vote.idea}": check the id with "ideas list", or remove this vote`,
      }));
  },
};
