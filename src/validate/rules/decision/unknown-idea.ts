import { hasIdea } from '../../../model/repository.js';
import type { Rule } from '../../rule.js';

export const decisionUnknownIdea: Rule = {
  id: 'decision/unknown-idea',
  severity: 'error',
  reads: { decision: ['idea-ids'] },
  description: 'A decision is about an idea that exists.',
  check(repo) {
    return repo.decisions
      .filter((d) => !hasIdea(repo, d.idea))
      .map((d) => ({
        file: d.path,
        field: ['idea'],
        message: `there is no idea "${d.idea}": check the id with "ideas list"`,
      }));
  },
};
