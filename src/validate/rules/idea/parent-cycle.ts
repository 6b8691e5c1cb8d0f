import type { Finding, Rule } from '../../rule.js';

export const ideaParentCycle: Rule = {
  id: 'idea/parent-cycle',
  severity: 'error',
  reads: { idea: ['parents'] },
  description: 'Following parents never comes back to where it started.',
  check(repo) {
    const findings: Finding[] = [];
    for (const idea of repo.ideas) {
      const seen = new Set<string>([idea.id]);
      for (let at = idea.parent; at !== undefined; at = repo.ideasById.get(at)?.parent) {
        if (at === idea.id) {
          findings.push({
            file: idea.path,
            field: ['parent'],
            message: `the parents of "${idea.id}" lead back to it (${[...seen].join(' -> ')} -> ${idea.id}): remove one parent`,
          });
          break;
        }
        if (seen.has(at)) break;
        seen.add(at);
      }
    }
    return findings;
  },
};
