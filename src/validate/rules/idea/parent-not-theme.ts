import type { Rule } from '../../rule.js';

export const ideaParentNotTheme: Rule = {
  id: 'idea/parent-not-theme',
  severity: 'error',
  reads: { idea: ['parents'] },
  description: "An idea's parent has kind: theme.",
  check(repo) {
    return repo.ideas
      .filter(
        (idea) => idea.parent !== undefined && repo.ideasById.get(idea.parent)?.kind === 'idea',
      )
      .map((idea) => ({
        file: idea.path,
        field: ['parent'],
        message: `parent "${idea.parent}" is an idea, not a theme: point at a theme, or make ${idea.parent} "kind: theme"`,
      }));
  },
};
