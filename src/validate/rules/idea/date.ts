import type { Rule } from '../../rule.js';

export const ideaDate: Rule = {
  id: 'idea/date',
  severity: 'error',
  reads: { idea: [] },
  description: "An idea's created date is not in the future.",
  check(repo, { today }) {
    return repo.ideas
      .filter((idea) => idea.created > today)
      .map((idea) => ({
        file: idea.path,
        field: ['created'],
        message: `created ${idea.created} is in the future (today is ${today}): use the date it was written`,
      }));
  },
};
