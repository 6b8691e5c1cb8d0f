import type { Rule } from '../../rule.js';

export const ideaUnknownTeam: Rule = {
  id: 'idea/unknown-team',
  severity: 'error',
  reads: { idea: [] },
  description: "An idea's team is one of the teams in the config (when teams are configured).",
  check(repo) {
    const teams = Object.keys(repo.config.teams);
    if (teams.length === 0) return [];
    return repo.ideas
      .filter((idea) => idea.team !== undefined && !teams.includes(idea.team))
      .map((idea) => ({
        file: idea.path,
        field: ['team'],
        message: `unknown team "${idea.team}": use one of ${teams.join(', ')}, or add it under teams in ideas.config.yaml`,
      }));
  },
};
