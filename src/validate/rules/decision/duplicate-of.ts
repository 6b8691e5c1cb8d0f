import { hasIdea } from '../../../model/repository.js';
import { carriesSuccessor } from '../../../model/lifecycle.js';
import type { Finding, Rule } from '../../rule.js';

export const decisionDuplicateOf: Rule = {
  id: 'decision/duplicate-of',
  severity: 'error',
  reads: { decision: ['idea-ids'] },
  description:
    'A decision to a successor status (lifecycle.successor, default duplicate) names, in duplicate_of, another idea that exists; other statuses leave it out.',
  check(repo) {
    const findings: Finding[] = [];
    const successors = repo.config.lifecycle.successor;
    for (const d of repo.decisions) {
      const target = d.duplicate_of;
      if (!carriesSuccessor(repo.config.lifecycle, d.status)) {
        if (target)
          findings.push({
            file: d.path,
            field: ['duplicate_of'],
            message:
              successors.length > 0
                ? `duplicate_of only goes with status ${successors.join(' or ')} (lifecycle.successor): remove it`
                : 'duplicate_of goes with no status: lifecycle.successor is empty; remove it',
          });
      } else if (!target) {
        findings.push({
          file: d.path,
          field: ['status'],
          message: `a ${d.status} decision needs duplicate_of: the id of the idea that takes its place`,
        });
      } else if (target === d.idea) {
        findings.push({
          file: d.path,
          field: ['duplicate_of'],
          message: 'an idea cannot duplicate itself: name the other idea',
        });
      } else if (!hasIdea(repo, target)) {
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
