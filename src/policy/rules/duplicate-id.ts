import type { PolicyFinding, PolicyRule } from '../rule.js';

export const duplicateId: PolicyRule = {
  id: 'policy/duplicate-id',
  severity: 'error',
  reads: { base: {}, head: { idea: [] } },
  description:
    'An id added here is not used by another idea on the base or (with --open-prs) another branch.',
  supersedes: ['idea/duplicate-id'],
  check(scope) {
    const findings: PolicyFinding[] = [];
    const { baseIdeaPaths, openPrs } = scope.input;
    for (const change of scope.input.changes) {
      if (change.kind !== 'idea' || change.status === 'deleted' || change.status === 'modified')
        continue;
      const idea = scope.headIdeas.get(change.path);
      if (!idea) continue;
      const taken = baseIdeaPaths.get(idea.id);
      if (taken !== undefined && taken !== change.path && taken !== change.from) {
        findings.push({
          file: change.path,
          message: `id "${idea.id}" is already used by ${taken} on the base`,
          allowed: 'give this idea a new id (ideas new allocates one)',
          field: ['id'],
        });
        continue;
      }
      if (taken !== undefined || !openPrs) continue;
      // Two branches adding one id in two files merge cleanly in git, and break uniqueness on main.
      const clashes = openPrs.ideas.filter((o) => o.id === idea.id && o.path !== change.path);
      if (clashes.length === 0) continue;
      findings.push({
        file: change.path,
        message: `id "${idea.id}" is also added by ${clashes.map((c) => `${c.path} on ${c.branch}`).join(', ')}`,
        allowed: 'give this idea a new id (ideas new allocates one) before either branch merges',
        field: ['id'],
      });
    }
    return findings;
  },
};
