import { isKnownStatus } from '../../../model/lifecycle.js';
import type { Rule } from '../../rule.js';

export const decisionUnknownStatus: Rule = {
  id: 'decision/unknown-status',
  severity: 'error',
  reads: { decision: [] },
  description: "A decision's status is one of the lifecycle's statuses.",
  check(repo) {
    const statuses = Object.keys(repo.config.lifecycle.transitions);
    return repo.decisions
      .filter((d) => !isKnownStatus(repo.config.lifecycle, d.status))
      .map((d) => ({
        file: d.path,
        field: ['status'],
        message: `unknown status "${d.status}": use one of ${statuses.join(', ')}`,
      }));
  },
};
