import { handleKey, knownHandles } from '../../../model/people.js';
import type { Rule } from '../../rule.js';

export const voteUnknownVoter: Rule = {
  id: 'vote/unknown-voter',
  severity: 'warning',
  reads: { vote: [] },
  description: 'A voter is one of the people in the config (when people are configured).',
  check(repo) {
    const people = repo.config.people;
    if (Object.keys(people).length === 0) return [];
    const known = knownHandles(people);
    return repo.votes
      .filter((vote) => !known.has(handleKey(vote.voter)))
      .map((vote) => ({
        file: vote.path,
        field: ['voter'],
        message: `voter "${vote.voter}" is not under people in ideas.config.yaml: add them, or check the spelling`,
      }));
  },
};
