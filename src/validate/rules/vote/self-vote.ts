import { sameHandle } from '../../../model/people.js';
import type { Rule } from '../../rule.js';

export const voteSelfVote: Rule = {
  id: 'vote/self-vote',
  severity: 'error',
  reads: { vote: ['idea'] },
  description:
    'Authors do not vote for their own idea unless voting.self_votes is on (names compared without case).',
  check(repo) {
    if (repo.config.voting.self_votes) return [];
    return repo.votes
      .filter((vote) =>
        repo.ideasById.get(vote.idea)?.authors.some((author) => sameHandle(author, vote.voter)),
      )
      .map((vote) => ({
        file: vote.path,
        field: ['voter'],
        message: `${vote.voter} is an author of "${vote.idea}" and self-votes are off: remove this vote (or set voting.self_votes: true)`,
      }));
  },
};
