import { hasIdea } from '../../../model/repository.js';
import type { Rule } from '../../rule.js';

export const ideaUnknownParent: Rule = {
  id: 'idea/unknown-parent',
  severity: 'error',
  reads: { idea: ['idea-ids'] },
  description: "An idea's parent is an idea in the repository.",
  check(repo) {
    return repo.ideas
      .filter((idea) => idea.parent !== undefined && !hasIdea(repo, idea.parent))
      .map((idea) => ({
        file: idea.path,
        field: ['parent'],
        message: `parent "${idea.parent}" is not an idea here: use the id of a theme (ideas list --kind theme), or remove parent`,
      }));
  },
};
