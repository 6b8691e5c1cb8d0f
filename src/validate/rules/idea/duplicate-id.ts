import type { Rule } from '../../rule.js';

export const ideaDuplicateId: Rule = {
  id: 'idea/duplicate-id',
  severity: 'error',
  reads: { idea: ['same-id'] },
  description: 'Every idea id is unique in the repository.',
  check(repo) {
    return repo.ideas
      .filter((idea) => repo.ideasById.get(idea.id) !== idea)
      .map((idea) => ({
        file: idea.path,
        field: ['id'],
        message: `id "${idea.id}" is already used by ${repo.ideasById.get(idea.id)?.path}: give one of them a new id (ideas new allocates them)`,
      }));
  },
};
