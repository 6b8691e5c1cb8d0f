import type { Finding, Rule } from '../../rule.js';

export const decisionDuplicateOf: Rule = {
  id: 'decision/duplicate-of',
  severity: 'error',
  description:
    'A duplicate decision names, in duplicate_of, another idea that exists; other statuses leave it out.',
  check(repo) {
    const findings: Finding[] = [];
    for (const d of repo.decisions) {
      const target = d.duplicate_of;
      if (d.status !== 'duplicate') {
        if (target)
          findings.push({
            file: d.path,
            field: ['duplicate_of'],
            message: `duplicate_of only goes with status duplicate: remove it`,
          });
      } else if (!target) {
        findings.push({
          file: d.path,
          field: ['status'],
          message: 'a duplicate decision needs duplicate_of: the id of the idea this one repeats',
        });
      } else if (target === d.idea) {
        findings.push({
          file: d.path,
          field: ['duplicate_of'],
          message: 'an idea cannot duplicate itself: name the other idea',
        });
      } else if (!repo.ideasById.has(target)) {
        findings.push({
          file: d.path,
          field: ['duplicate_of'],
          message: `there is no idea "${target}": check the id with "ideas list"`,
        });
      }
    }
    return findings;
  },
};
